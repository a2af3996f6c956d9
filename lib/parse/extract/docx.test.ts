import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { extractDocument } from "./index";
import { ExtractError } from "./types";
import { findRow, fixtureBytes, goldCells, RENDERED_STEMS, renderedGold } from "./test-support/fixtures";
import { makeDocx, p, tbl, tc, tr } from "./test-support/make-docx";

const texts = (grid: { text: string }[][]) => grid.map((row) => row.map((c) => c.text));

async function extractError(name: string, bytes: Uint8Array, options?: Parameters<typeof extractDocument>[2]): Promise<ExtractError> {
  try {
    await extractDocument(name, bytes, options);
  } catch (error) {
    if (error instanceof ExtractError) return error;
    throw error;
  }
  throw new Error(`${name} was read without error`);
}

describe("docx reader on the rendered reports", () => {
  it.each(RENDERED_STEMS)("%s: grids equal the HTML rendering's and carry the gold numbers", async (stem) => {
    const doc = await extractDocument(`${stem}.docx`, fixtureBytes(`rendered/${stem}.docx`));
    const html = await extractDocument(`${stem}.html`, fixtureBytes(`rendered/${stem}.html`));
    const gold = renderedGold(stem);
    expect(doc.kind).toBe("docx");
    expect(doc.tables).toEqual(html.tables);
    expect(findRow(doc.tables, "本年新收")!.slice(-7)).toEqual(goldCells(gold, "apps.new"));
    expect(findRow(doc.tables, "上年结转")!.slice(-7)).toEqual(goldCells(gold, "apps.carried_over"));
    expect(doc.text.split("\n")[0]).toBe(html.text.split("\n")[0]);
    expect(doc.text).toContain("一、总体情况");
  });
});

describe("docx structure", () => {
  it("merges bare <w:vMerge/> (continue) into the restart cell above and spans w:gridSpan", async () => {
    const body =
      p("标题") +
      tbl(
        tr(tc(p("三、本年度办理结果"), '<w:vMerge w:val="restart"/>'), tc(p("（一）予以公开"), '<w:gridSpan w:val="2"/>'), tc(p("7"))),
        tr(tc("", "<w:vMerge/>"), tc(p("（三）不予公开")), tc(p("1.属于国家秘密")), tc(p("0"))),
      ) +
      p("结尾");
    const doc = await extractDocument("merge.docx", makeDocx(body));
    expect(texts(doc.tables[0])).toEqual([
      ["三、本年度办理结果", "（一）予以公开", "（一）予以公开", "7"],
      ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "0"],
    ]);
    expect(doc.tables[0][0][0]).toMatchObject({ origin: true, rowSpan: 2 });
    expect(doc.tables[0][1][0]).toMatchObject({ origin: false, rowSpan: 2 });
    expect(doc.text.split("\n")).toEqual([
      "标题",
      "三、本年度办理结果\t（一）予以公开\t7",
      "（三）不予公开\t1.属于国家秘密\t0",
      "结尾",
    ]);
  });

  it("joins a cell's paragraphs and line breaks, skips deleted text and fallback copies", async () => {
    const body =
      tbl(
        tr(
          tc(p("申请人") + p("情况")),
          tc('<w:p><w:r><w:t>本年</w:t><w:br/><w:t>新收</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>'),
        ),
      ) +
      '<w:p><w:r><w:t>正文</w:t><w:tab/><w:t>第二栏</w:t></w:r>' +
      "<mc:AlternateContent><mc:Choice><w:r><w:t>文本框</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>文本框</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>";
    const doc = await extractDocument("cells.docx", makeDocx(body));
    expect(texts(doc.tables[0])).toEqual([["申请人情况", "本年新收"]]);
    expect(doc.text.split("\n")).toEqual(["申请人情况\t本年新收", "正文\t第二栏文本框"]);
  });

  it("lists an outer table before the table nested in it", async () => {
    const inner = tbl(tr(tc(p("内")), tc(p("1"))));
    const doc = await extractDocument("nested.docx", makeDocx(tbl(tr(tc(p("外") + inner), tc(p("2"))))));
    expect(doc.tables.map(texts)).toEqual([[["外", "2"]], [["内", "1"]]]);
  });

  it("splices in an HTML altChunk where it stands (documents made by HTML-to-Word tools)", async () => {
    const html = "<html><body><p>年度报告正文</p><table><tr><td>规章</td><td>2</td></tr></table></body></html>";
    const docx = makeDocx(p("封面") + '<w:altChunk r:id="htmlChunk1"/>' + p("附件"), {
      rels: '<Relationship Id="htmlChunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm"/>',
      files: { "word/afchunk.htm": html },
    });
    const doc = await extractDocument("chunked.docx", docx);
    expect(doc.text.split("\n")).toEqual(["封面", "年度报告正文", "规章\t2", "附件"]);
    expect(texts(doc.tables[0])).toEqual([["规章", "2"]]);
  });

  it("reads a .doc that is really a .docx zip", async () => {
    const doc = await extractDocument("report.doc", makeDocx(p("政府信息公开工作年度报告")));
    expect(doc.kind).toBe("docx");
    expect(doc.text).toBe("政府信息公开工作年度报告");
  });
});

describe("docx errors", () => {
  it("refuses a zip bomb whose document.xml inflates beyond the XML limit", async () => {
    const xml = `<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>${"0".repeat(60 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`;
    const bomb = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8(xml) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await extractError("bomb.docx", bomb);
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("bomb.docx");
  });

  it("refuses a document.xml that inflates beyond the size its header declares", async () => {
    const docx = makeDocx(p("x".repeat(100_000)));
    // Patch the declared (uncompressed) size of word/document.xml in the central directory.
    const view = new DataView(docx.buffer);
    for (let i = docx.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      const name = new TextDecoder().decode(docx.subarray(i + 46, i + 46 + nameLength));
      if (name === "word/document.xml") view.setUint32(i + 24, 1000, true);
    }
    const error = await extractError("liar.docx", docx);
    expect(error.code).toBe("corrupt_file");
    expect(error.message).toContain("liar.docx");
  });

  it("reports a truncated .docx as corrupt", async () => {
    const whole = fixtureBytes("rendered/000_a6a2db4cc44d7e31.docx");
    const error = await extractError("cut.docx", whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.code).toBe("corrupt_file");
    expect(error.message).toContain("cut.docx");
  });

  it("reports malformed document XML as corrupt", async () => {
    const broken = zipSync({ "word/document.xml": strToU8("<w:document><w:body><w:p></w:body>") });
    const error = await extractError("broken.docx", broken);
    expect(error.code).toBe("corrupt_file");
    expect(error.message).toContain("broken.docx");
  });

  it("names an Excel workbook as unsupported", async () => {
    const xlsx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>") });
    const error = await extractError("data.xlsx", xlsx);
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toContain("data.xlsx");
    expect(error.message).toMatch(/Excel/);
  });
});
