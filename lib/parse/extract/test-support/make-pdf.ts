/**
 * Writes small PDFs for tests: Helvetica text runs, stroked or filled rectangles, optionally
 * an /Encrypt dictionary whose (deliberately wrong) hashes make readers ask for a password.
 */
export interface PdfText {
  x: number;
  /** Baseline, measured from the bottom of the page as PDF does. */
  y: number;
  text: string;
  size?: number;
}

export interface PdfRect {
  x: number;
  y: number;
  width: number;
  height: number;
  /** "stroke" draws the outline (re S); "fill" paints it (re f). */
  paint: "stroke" | "fill";
}

export interface PdfPage {
  texts?: PdfText[];
  rects?: PdfRect[];
  /** Straight stroked lines [x0, y0, x1, y1]. */
  lines?: Array<[number, number, number, number]>;
}

export function makePdf(pages: PdfPage[], opts: { encrypted?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add("");
  const pagesObj = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const kids: number[] = [];
  for (const page of pages) {
    const ops: string[] = [];
    for (const r of page.rects ?? []) ops.push(`0.5 w ${r.x} ${r.y} ${r.width} ${r.height} re ${r.paint === "stroke" ? "S" : "f"}`);
    for (const [x0, y0, x1, y1] of page.lines ?? []) ops.push(`0.5 w ${x0} ${y0} m ${x1} ${y1} l S`);
    for (const t of page.texts ?? []) {
      const escaped = t.text.replace(/[\\()]/g, (c) => `\\${c}`);
      ops.push(`BT /F1 ${t.size ?? 10} Tf ${t.x} ${t.y} Td (${escaped}) Tj ET`);
    }
    const stream = ops.join("\n");
    const contents = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${contents} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let encrypt = 0;
  if (opts.encrypted) {
    const junk = "(" + "x".repeat(32) + ")";
    encrypt = add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /O ${junk} /U ${junk} /P -4 >>`);
  }
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  const id = "<0123456789abcdef0123456789abcdef>";
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ""} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
