import { describe, expect, it } from "vitest";
import { extractDocument } from "./index";
import { ExtractError } from "./types";
import { findRow, fixtureBytes, goldCells, RENDERED_STEMS, renderedGold } from "./test-support/fixtures";
import { makePdf, type PdfRect, type PdfText } from "./test-support/make-pdf";
import { PDF_LIMITS, readPdf, type PdfLimits } from "./pdf";

async function extractError(name: string, bytes: Uint8Array): Promise<ExtractError> {
  try {
    await extractDocument(name, bytes);
  } catch (error) {
    if (error instanceof ExtractError) return error;
    throw error;
  }
  throw new Error(`${name} was read without error`);
}

describe("PDF reader on the rendered reports (headless-Chromium prints)", () => {
  it.each(RENDERED_STEMS)("%s: ruled tables rebuilt like the HTML; rows are tab-joined lines", async (stem) => {
    const doc = await extractDocument(`${stem}.pdf`, fixtureBytes(`rendered/${stem}.pdf`));
    const html = await extractDocument(`${stem}.html`, fixtureBytes(`rendered/${stem}.html`));
    const gold = renderedGold(stem);
    expect(doc.kind).toBe("pdf");
    // Tables broken across pages come back as one grid, cell for cell the HTML table.
    expect(doc.tables).toEqual(html.tables);
    expect(findRow(doc.tables, "本年新收")!.slice(-7)).toEqual(goldCells(gold, "apps.new"));
    const lines = doc.text.split("\n");
    const newRow = lines.find((line) => line.includes("本年新收"))!;
    expect(newRow.split("\t").slice(1)).toEqual(goldCells(gold, "apps.new"));
    // A label that wraps inside its cell stays on its row's line.
    expect(lines).toContain(html.text.split("\n").find((l) => l.startsWith("（二）部分公开")));
    expect(lines[0]).toBe(html.text.split("\n")[0]);
  });

  it("rejoins the wrapped lines of a paragraph so sentences stay whole", async () => {
    const doc = await extractDocument("000.pdf", fixtureBytes("rendered/000_a6a2db4cc44d7e31.pdf"));
    expect(doc.text).toContain("东高地街道认真落实《丰台区2023年政务公开工作要点》");
    expect(doc.text).toContain("2023年度主动公开政府信息共757条。");
  });

  it("separates pages with a form feed line", async () => {
    const doc = await extractDocument("000.pdf", fixtureBytes("rendered/000_a6a2db4cc44d7e31.pdf"));
    expect(doc.text.split("\n")).toContain("\f");
  });
});

/** A 3×3 table drawn as stroked cell outlines (not filled rules), plus a title line. */
function strokedTablePdf(rotate90 = false): Uint8Array {
  const rows = [["Item", "New", "Total"], ["Rules", "1", "2"], ["Normative files", "30", "40"]];
  const rects: PdfRect[] = [];
  // Low enough to fit the 595-point height of a landscape page too.
  const texts: PdfText[] = [{ x: 50, y: 560, text: "Annual report 2023" }];
  rows.forEach((row, i) =>
    row.forEach((text, j) => {
      const x = 50 + j * 120;
      const y = 500 - i * 20;
      rects.push({ x, y, width: 120, height: 20, paint: "stroke" });
      texts.push({ x: x + 4, y: y + 6, text });
    }),
  );
  return makePdf([{ texts, rects, rotate90 }]);
}

describe("PDF reader on small generated PDFs", () => {
  it("rebuilds a table whose cells are stroked rectangles", async () => {
    const doc = await extractDocument("stroked.pdf", strokedTablePdf());
    expect(doc.tables.map((g) => g.map((r) => r.map((c) => c.text)))).toEqual([
      [["Item", "New", "Total"], ["Rules", "1", "2"], ["Normative files", "30", "40"]],
    ]);
    expect(doc.text.split("\n")).toEqual(["Annual report 2023", "Item\tNew\tTotal", "Rules\t1\t2", "Normative files\t30\t40"]);
  });

  it("finds the rules of a table whose borders are thin filled boxes painted in one path", async () => {
    const rects: PdfRect[] = [];
    const texts: PdfText[] = [];
    const rows = [["Information item", "New this year"], ["Normative documents", "7"]];
    for (let i = 0; i <= rows.length; i++) rects.push({ x: 50, y: 500 - i * 20, width: 240, height: 0.5, paint: "fill" });
    for (let j = 0; j <= 2; j++) rects.push({ x: 50 + j * 120, y: 460, width: 0.5, height: 40, paint: "fill" });
    rows.forEach((row, i) => row.forEach((text, j) => texts.push({ x: 54 + j * 120, y: 486 - i * 20, text })));
    const doc = await extractDocument("one-path.pdf", makePdf([{ texts, rects, onePath: true }]));
    expect(doc.tables.map((g) => g.map((r) => r.map((c) => c.text)))).toEqual([rows]);
  });

  it("continues a row label merged over rows when a page break cuts it", async () => {
    // Two columns: a group label spanning rows, and values. Page 1 ends inside the group.
    const page = (rows: Array<[string, string]>, labelRows: number, label: string) => {
      const rects: PdfRect[] = [];
      const texts: PdfText[] = [];
      const top = 800;
      rows.forEach(([, value], i) => {
        const y = top - (i + 1) * 20;
        // Value cell borders on every row; label column borders only around the group.
        rects.push({ x: 170, y, width: 120, height: 20, paint: "stroke" });
        texts.push({ x: 174, y: y + 6, text: value });
      });
      rects.push({ x: 50, y: top - labelRows * 20, width: 120, height: labelRows * 20, paint: "stroke" });
      if (label) texts.push({ x: 54, y: top - labelRows * 10 - 4, text: label });
      return { rects, texts };
    };
    const first = page([["", "Granted 7"], ["", "Partly 1"]], 2, "Outcomes of requests");
    const second = page([["", "Denied 0"], ["", "Other 3"]], 2, "");
    const doc = await extractDocument("split.pdf", makePdf([first, second]));
    expect(doc.tables).toHaveLength(1);
    const grid = doc.tables[0];
    expect(grid.map((r) => r.map((c) => c.text))).toEqual([
      ["Outcomes of requests", "Granted 7"],
      ["Outcomes of requests", "Partly 1"],
      ["Outcomes of requests", "Denied 0"],
      ["Outcomes of requests", "Other 3"],
    ]);
    expect(grid[0][0]).toMatchObject({ origin: true, rowSpan: 4 });
    expect(grid[2][0].origin).toBe(false);
  });

  it("does not take a frame drawn around the page for a table", async () => {
    const texts: PdfText[] = [
      { x: 60, y: 760, text: "Annual report of the district government" },
      { x: 60, y: 740, text: "Rules" },
      { x: 300, y: 740, text: "12" },
    ];
    const frame: PdfRect = { x: 40, y: 40, width: 515, height: 762, paint: "stroke" };
    const doc = await extractDocument("framed.pdf", makePdf([{ texts, rects: [frame] }]));
    expect(doc.tables).toEqual([]);
    expect(doc.text.split("\n")).toEqual(["Annual report of the district government", "Rules\t12"]);
  });

  it("reads a landscape page stored rotated (/Rotate 90) the way it is viewed", async () => {
    const upright = await extractDocument("upright.pdf", strokedTablePdf());
    const rotated = await extractDocument("rotated.pdf", strokedTablePdf(true));
    expect(rotated.tables).toEqual(upright.tables);
    expect(rotated.text).toBe(upright.text);
  });

  it("without rules, keeps a row on one line with far-apart items tab-separated", async () => {
    const texts: PdfText[] = [
      { x: 50, y: 700, text: "Rules" },
      { x: 250, y: 700, text: "1" },
      { x: 350, y: 700, text: "2" },
      { x: 50, y: 680, text: "Normative" },
      { x: 104, y: 680, text: "files" },
      { x: 250, y: 680, text: "30" },
    ];
    const doc = await extractDocument("loose.pdf", makePdf([{ texts }]));
    expect(doc.tables).toEqual([]);
    expect(doc.text.split("\n")).toEqual(["Rules\t1\t2", "Normative files\t30"]);
  });

  it("reads Chinese set in a non-embedded font through a predefined CMap (iText, old Acrobat)", async () => {
    const texts: PdfText[] = [
      { x: 50, y: 760, text: "某某区人民政府2023年政府信息公开工作年度报告", size: 14 },
      { x: 50, y: 700, text: "规章" },
      { x: 250, y: 700, text: "３" },
    ];
    const doc = await extractDocument("itext.pdf", makePdf([{ texts }], { cjk: true }));
    expect(doc.text.split("\n")).toEqual(["某某区人民政府2023年政府信息公开工作年度报告", "规章\t３"]);
  });

  it("without rules, puts a wrapped label back on the row of its vertically centred numbers", async () => {
    const texts: PdfText[] = [
      { x: 50, y: 700, text: "Partly disclosed (count" },
      { x: 250, y: 694, text: "6" },
      { x: 300, y: 694, text: "0" },
      { x: 50, y: 688, text: "only this case)" },
      // The next row is a row apart, not a line apart: left alone.
      { x: 50, y: 668, text: "Not disclosed" },
      { x: 250, y: 650, text: "1" },
      { x: 50, y: 632, text: "State secrets" },
    ];
    const doc = await extractDocument("wrapped.pdf", makePdf([{ texts }]));
    expect(doc.text.split("\n")).toEqual(["Partly disclosed (countonly this case)\t6\t0", "Not disclosed", "1", "State secrets"]);
  });

  it("reports a PDF without a text layer (a scan) and suggests OCR", async () => {
    const error = await extractError("scan.pdf", makePdf([{ rects: [{ x: 0, y: 0, width: 595, height: 842, paint: "fill" }] }]));
    expect(error.code).toBe("no_text_layer");
    expect(error.message).toContain("scan.pdf");
    expect(error.message).toMatch(/OCR/);
  });

  it("warns about pages without text in an otherwise readable PDF", async () => {
    const textPage = { texts: [{ x: 50, y: 700, text: "Annual report of the district government" }] };
    const scanPage = { rects: [{ x: 0, y: 0, width: 595, height: 842, paint: "fill" as const }] };
    const doc = await extractDocument("mixed.pdf", makePdf([textPage, scanPage, scanPage, textPage]));
    expect(doc.text.split("\n").filter((l) => l.includes("Annual"))).toHaveLength(2);
    expect(doc.warnings.join()).toMatch(/page\(s\) 2–3 have no text layer/);
  });

  it("reports a PDF whose text decodes to private-use characters as unreadable", async () => {
    const gibberish = String.fromCharCode(...Array.from({ length: 40 }, (_, i) => 0xe000 + i));
    const doc = makePdf([{ texts: [{ x: 50, y: 700, text: gibberish }] }], { cjk: true });
    const error = await extractError("garbled-font.pdf", doc);
    expect(error.code).toBe("no_text_layer");
    expect(error.message).toContain("garbled-font.pdf");
    expect(error.message).toMatch(/Unicode mapping/);
  });

  it("reports an encrypted PDF", async () => {
    const error = await extractError("locked.pdf", makePdf([{ texts: [{ x: 50, y: 700, text: "secret" }] }], { encrypted: true }));
    expect(error.code).toBe("encrypted_file");
    expect(error.message).toContain("locked.pdf");
  });

  it("reports a truncated or garbled PDF as corrupt", async () => {
    const whole = fixtureBytes("rendered/000_a6a2db4cc44d7e31.pdf");
    const cut = await extractError("cut.pdf", whole.subarray(0, 2000));
    expect(["corrupt_file", "no_text_layer"]).toContain(cut.code);
    expect(cut.message).toContain("cut.pdf");
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    garbage.set(new TextEncoder().encode("%PDF-1.7\n"), 0);
    const garbled = await extractError("garbled.pdf", garbage);
    expect(garbled.code).toBe("corrupt_file");
    expect(garbled.message).toContain("garbled.pdf");
  });
});

describe("PDF reader limits", () => {
  const row = (i: number): PdfText => ({ x: 60, y: 780 - (i % 60) * 12, text: `Paragraph line ${i}` });
  const textPages = (pages: number, perPage: number) =>
    makePdf(Array.from({ length: pages }, (_, p) => ({ texts: Array.from({ length: perPage }, (_, i) => row(p * perPage + i)) })));

  async function readError(name: string, bytes: Uint8Array, limits: Partial<PdfLimits>): Promise<ExtractError> {
    try {
      await readPdf(name, bytes, { ...PDF_LIMITS, ...limits });
    } catch (error) {
      if (error instanceof ExtractError) return error;
      throw error;
    }
    throw new Error(`${name} was read without error`);
  }

  it("reads a Node Buffer like any Uint8Array (and leaves the caller's bytes intact)", async () => {
    const bytes = Buffer.from(textPages(1, 3));
    const doc = await extractDocument("buffer.pdf", bytes);
    expect(doc.text).toContain("Paragraph line 0");
    expect(doc.text).toContain("Paragraph line 2");
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("refuses more pages than any report has, naming the file and the page count", async () => {
    const error = await readError("yearbook.pdf", textPages(4, 1), { maxPages: 3 });
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("yearbook.pdf");
    expect(error.message).toContain("4 页");
    expect(error.message).toContain("Upload the report alone");
  });

  it("the default page limit refuses a 201-page file", async () => {
    const error = await extractError("book.pdf", textPages(PDF_LIMITS.maxPages + 1, 1));
    expect(error.code).toBe("too_large");
    expect(error.message).toContain(`${PDF_LIMITS.maxPages + 1} 页`);
  });

  it("stops at too many text runs, saying where it stopped and what to do", async () => {
    const bytes = textPages(3, 10);
    await expect(readPdf("ok.pdf", bytes, { ...PDF_LIMITS, maxTextItems: 30 })).resolves.toMatchObject({ kind: "pdf" });
    const error = await readError("dense.pdf", bytes, { maxTextItems: 25 });
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("dense.pdf");
    expect(error.message).toContain("第 3 页 / 共 3 页");
    expect(error.message).toContain("Word/web version");
  });

  it("stops at too many table cells (ruled grids without text cost memory too)", async () => {
    const bytes = strokedTablePdf();
    const doc = await readPdf("table.pdf", bytes);
    const slots = doc.tables.reduce((n, grid) => n + grid.length * grid[0].length, 0);
    expect(slots).toBeGreaterThan(1);
    const error = await readError("grid.pdf", bytes, { maxTableSlots: slots - 1 });
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("grid.pdf");
  });

  it("reads text and tables on a page carrying a large image (the image is not needed)", async () => {
    const width = 1200;
    const height = 1600;
    const rgb = new Uint8Array(width * height * 3).fill(200);
    const scan = { image: { width, height, rgb }, texts: [{ x: 60, y: 780, text: "Scanned page with OCR text" }] };
    const doc = await extractDocument("scan-ocr.pdf", makePdf([scan]));
    expect(doc.text).toBe("Scanned page with OCR text");
  });

  it("joins one table running over three pages into one grid, a cut label continued twice", async () => {
    const page = (values: string[], label: string) => {
      const rects: PdfRect[] = [];
      const texts: PdfText[] = [];
      values.forEach((value, i) => {
        const y = 800 - (i + 1) * 20;
        rects.push({ x: 170, y, width: 120, height: 20, paint: "stroke" });
        texts.push({ x: 174, y: y + 6, text: value });
      });
      rects.push({ x: 50, y: 800 - values.length * 20, width: 120, height: values.length * 20, paint: "stroke" });
      if (label) texts.push({ x: 54, y: 800 - values.length * 10 - 4, text: label });
      return { rects, texts };
    };
    const doc = await extractDocument(
      "three.pdf",
      makePdf([page(["Alpha 1", "Beta 2"], "Group"), page(["Gamma 3", "Delta 4"], ""), page(["Epsilon 5"], "")]),
    );
    expect(doc.tables).toHaveLength(1);
    const grid = doc.tables[0];
    expect(grid.map((r) => r.map((c) => c.text))).toEqual([
      ["Group", "Alpha 1"],
      ["Group", "Beta 2"],
      ["Group", "Gamma 3"],
      ["Group", "Delta 4"],
      ["Group", "Epsilon 5"],
    ]);
    expect(grid[0][0]).toMatchObject({ origin: true, rowSpan: 5 });
  });
});
