/**
 * Peak memory of document extraction on worst-case inputs near the limits: a 20 MB HTML page,
 * a 20 MB text file, a 20 MB .docx (text, tables and images), a small .docx whose
 * document.xml is close to the XML cap, and a ~20 MB PDF. Each case runs in its own child process and reports the kernel's peak RSS (VmHWM), so
 * a case's garbage cannot hide in another's numbers.
 *
 *   npx tsx scripts/bench-parse-memory.ts          # all cases
 *   npx tsx scripts/bench-parse-memory.ts html pdf # some of them
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync, strToU8 } from "fflate";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_XML_BYTES, extractDocument } from "../lib/parse/extract/index";
import { makePdf, type PdfPage } from "../lib/parse/extract/test-support/make-pdf";

const MB = 1024 * 1024;
const CASES = ["html", "text", "docx", "pdf", "docx-xml-cap"] as const;
type Case = (typeof CASES)[number];

const LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（七）总计", "四、结转下年度继续办理"];
const SENTENCE = "本年度我单位认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息共757条，依申请公开办理及时规范。";

function repeatTo(unit: string, bytes: number): string {
  const unitBytes = Buffer.byteLength(unit);
  return unit.repeat(Math.max(1, Math.floor(bytes / unitBytes)));
}

function makeInput(kind: Case): { name: string; bytes: Uint8Array } {
  const target = DEFAULT_MAX_BYTES - 64 * 1024;
  switch (kind) {
    case "html": {
      const rows = LABELS.map((l, i) => `<tr><td rowspan="1">${l}</td>${"<td>&nbsp;" + i + "</td>".repeat(1)}${"<td>0</td>".repeat(6)}</tr>`).join("");
      const unit = `<div class="article"><p>${SENTENCE}</p><table><tbody>${rows}</tbody></table></div>\n`;
      const body = repeatTo(unit, target - 200);
      return { name: "big.html", bytes: new TextEncoder().encode(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`) };
    }
    case "text": {
      const unit = `${SENTENCE}\n${LABELS.map((l) => `${l}\t3\t0\t0\t0\t0\t0\t3`).join("\n")}\n`;
      return { name: "big.txt", bytes: new TextEncoder().encode(repeatTo(unit, target)) };
    }
    case "docx":
    case "docx-xml-cap": {
      const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
      const table = `<w:tbl>${LABELS.map((l) => `<w:tr>${cell(l)}${["3", "0", "0", "0", "0", "0", "3"].map(cell).join("")}</w:tr>`).join("")}</w:tbl>`;
      const unit = `<w:p><w:r><w:t>${SENTENCE}</w:t></w:r></w:p>${table}`;
      // "docx": a 20 MB file as they come (text and tables plus incompressible images);
      // "docx-xml-cap": a small file whose document.xml inflates to just under the XML cap.
      const xmlBytes = kind === "docx" ? 8 * MB : DEFAULT_MAX_XML_BYTES - MB;
      const xml =
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
        repeatTo(unit, xmlBytes) +
        "</w:body></w:document>";
      const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
        "[Content_Types].xml": strToU8("<Types/>"),
        "word/document.xml": strToU8(xml),
      };
      if (kind === "docx") {
        const image = new Uint8Array(target - 512 * 1024);
        let seed = 7;
        for (let i = 0; i < image.length; i++) image[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
        files["word/media/image1.png"] = [image, { level: 0 }];
      }
      return { name: `${kind}.docx`, bytes: zipSync(files) };
    }
    case "pdf": {
      const pages: PdfPage[] = [];
      const page: PdfPage = { texts: [], rects: [] };
      // A dense ruled table (100 rows × 8 columns) per page, so ~20 MB stays under the page cap.
      for (let r = 0; r < 100; r++) {
        const y = 800 - r * 7.6;
        page.rects!.push({ x: 40, y, width: 515, height: 0.4, paint: "fill" });
        for (let c = 0; c < 8; c++) {
          page.rects!.push({ x: 40 + c * 64, y: y - 7.6, width: 0.4, height: 7.6, paint: "fill" });
          page.texts!.push({ x: 44 + c * 64, y: y - 6, text: c === 0 ? `Row ${r}` : String((r * c) % 97), size: 5 });
        }
      }
      const onePage = makePdf([page]).length;
      const count = Math.floor(target / onePage);
      for (let i = 0; i < count; i++) pages.push(page);
      return { name: "big.pdf", bytes: makePdf(pages) };
    }
  }
}

function peakRssMb(): number {
  const status = readFileSync("/proc/self/status", "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function runCase(kind: Case, file: string): Promise<void> {
  const input = { name: file.split("/").pop()!, bytes: new Uint8Array(readFileSync(file)) };
  const before = process.memoryUsage().rss / MB;
  const started = performance.now();
  let outcome: string;
  try {
    const doc = await extractDocument(input.name, input.bytes, {});
    outcome = `${doc.kind}: ${(doc.text.length / 1e6).toFixed(1)}M chars, ${doc.tables.length} tables`;
  } catch (error) {
    outcome = `error ${(error as { code?: string }).code ?? ""}: ${(error as Error).message.slice(0, 100)}`;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      case: kind,
      inputMB: +(input.bytes.length / MB).toFixed(1),
      rssBeforeMB: Math.round(before),
      peakRssMB: Math.round(peakRssMb()),
      seconds: +seconds.toFixed(1),
      outcome,
    }),
  );
}

const caseFlag = process.argv.indexOf("--case");
if (caseFlag >= 0) {
  await runCase(process.argv[caseFlag + 1] as Case, process.argv[caseFlag + 2]);
} else {
  // Inputs are generated here and read from disk by each child, so the children's peaks hold
  // only what extraction itself needs (plus Node and the libraries).
  // BENCH_INPUT_DIR keeps the generated inputs there for a closer look.
  const kept = process.env.BENCH_INPUT_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), "bench-parse-memory-"));
  try {
    const wanted = process.argv.slice(2).filter((a): a is Case => (CASES as readonly string[]).includes(a));
    for (const kind of wanted.length > 0 ? wanted : CASES) {
      const input = makeInput(kind);
      const file = join(dir, input.name);
      writeFileSync(file, input.bytes);
      const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], "--case", kind, file], { encoding: "utf8" });
      process.stdout.write(child.stdout || `${kind}: failed\n${child.stderr}\n`);
    }
  } finally {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
  console.log("Budget: peak RSS under 300 MB for a 20 MB input.");
}
