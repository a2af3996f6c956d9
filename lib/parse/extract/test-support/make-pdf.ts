import { zlibSync } from "fflate";

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
  /**
   * A landscape page stored portrait with /Rotate 90, as scanners and Word write them: the
   * coordinates above are then those of the page as viewed (842 wide, 595 high, y up), and
   * the content is drawn turned a quarter anticlockwise so it reads upright.
   */
  rotate90?: boolean;
  /** Paint all filled rectangles with one fill operator (one path holding every rule). */
  onePath?: boolean;
  /**
   * An RGB image painted over the whole page, as scans and photos are (8 bits per channel,
   * `rgb.length` = width × height × 3). Stored Flate-compressed, hex-encoded so the file stays text.
   */
  image?: { width: number; height: number; rgb: Uint8Array };
}

/**
 * cjk: text in the non-embedded STSong-Light font through Adobe's predefined UniGB-UCS2-H CMap
 * (how iText and older Acrobat write Chinese); readers need the CMap files to get the text.
 */
export function makePdf(pages: PdfPage[], opts: { encrypted?: boolean; cjk?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add("");
  const pagesObj = add("");
  const font = opts.cjk
    ? add(
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [" +
          `${objects.length + 2} 0 R] >>`,
      )
    : add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  if (opts.cjk) {
    add(
      "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> " +
        `/FontDescriptor ${objects.length + 2} 0 R >>`,
    );
    add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
  }
  const kids: number[] = [];
  for (const page of pages) {
    const ops: string[] = [];
    // Viewed (u, v-up) → stored (x, y) for /Rotate 90 on a 595×842 MediaBox: x = 595 - v, y = u.
    const rect = (r: PdfRect) =>
      page.rotate90 ? `${595 - r.y - r.height} ${r.x} ${r.height} ${r.width}` : `${r.x} ${r.y} ${r.width} ${r.height}`;
    if (page.onePath) {
      const fills = (page.rects ?? []).filter((r) => r.paint === "fill");
      if (fills.length > 0) ops.push(`${fills.map((r) => `${rect(r)} re`).join(" ")} f`);
    }
    for (const r of page.rects ?? []) {
      if (page.onePath && r.paint === "fill") continue;
      ops.push(`0.5 w ${rect(r)} re ${r.paint === "stroke" ? "S" : "f"}`);
    }
    for (const [x0, y0, x1, y1] of page.lines ?? []) {
      ops.push(page.rotate90 ? `0.5 w ${595 - y0} ${x0} m ${595 - y1} ${x1} l S` : `0.5 w ${x0} ${y0} m ${x1} ${y1} l S`);
    }
    let image = 0;
    if (page.image) {
      const { width, height, rgb } = page.image;
      const hex = Buffer.from(zlibSync(rgb)).toString("hex") + ">";
      image = add(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 ` +
          `/Filter [/ASCIIHexDecode /FlateDecode] /Length ${hex.length} >>\nstream\n${hex}\nendstream`,
      );
      ops.push("q 595 0 0 842 0 0 cm /Im1 Do Q");
    }
    for (const t of page.texts ?? []) {
      const escaped = opts.cjk
        ? `<${Array.from(t.text, (c) => c.charCodeAt(0).toString(16).padStart(4, "0")).join("")}>`
        : `(${t.text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
      const matrix = page.rotate90 ? `0 1 -1 0 ${595 - t.y} ${t.x}` : `1 0 0 1 ${t.x} ${t.y}`;
      ops.push(`BT /F1 ${t.size ?? 10} Tf ${matrix} Tm ${escaped} Tj ET`);
    }
    const stream = ops.join("\n");
    const contents = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >>${image ? ` /XObject << /Im1 ${image} 0 R >>` : ""} >> /Contents ${contents} 0 R${page.rotate90 ? " /Rotate 90" : ""} >>`,
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
