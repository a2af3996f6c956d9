/**
 * Peak memory of the whole parse (parseFile: extraction, table reading, metadata, checks) on
 * worst-case inputs near the limits: a 20 MB HTML page, a 20 MB text file, a text file just under the
 * most one report may hold (lib/parse REPORT_LIMITS; larger ones are refused), a 20 MB .docx (text,
 * tables and images), a small .docx whose document.xml is close to the XML cap, and three 20 MB
 * PDFs: the densest one still read (ruled tables up to the text-run cap, plus photos), a report
 * of 300-dpi scans with a text layer, and one with more pages than any report. Each run of a case is its own child process and reports the kernel's peak RSS (VmHWM),
 * so a case's garbage cannot hide in another's numbers.
 *
 *   npx tsx scripts/bench-parse-memory.ts              # all cases, 3 runs each
 *   npx tsx scripts/bench-parse-memory.ts html pdf     # some of them
 *   npx tsx scripts/bench-parse-memory.ts --runs 1 pdf # fewer runs
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync, strToU8 } from "fflate";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_XML_BYTES } from "../lib/parse/extract/index";
import { parseFile } from "../lib/parse/index";
import { makePdf, type PdfPage } from "../lib/parse/extract/test-support/make-pdf";

const MB = 1024 * 1024;
const CASES = ["html", "text", "text-at-limit", "docx", "docx-xml-cap", "pdf", "pdf-scans", "pdf-pages"] as const;
type Case = (typeof CASES)[number];

const LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（七）总计", "四、结转下年度继续办理"];
const SENTENCE = "本年度我单位认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息共757条，依申请公开办理及时规范。";

function repeatTo(unit: string, bytes: number): string {
  const unitBytes = Buffer.byteLength(unit);
  return unit.repeat(Math.max(1, Math.floor(bytes / unitBytes)));
}

async function makeInput(kind: Case): Promise<{ name: string; bytes: Uint8Array }> {
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
    case "text-at-limit": {
      // The most a file may hold and still be read as one report (just under REPORT_LIMITS.textChars),
      // every line a table row: the table reader's worst accepted case.
      const { REPORT_LIMITS } = await import("../lib/parse/index");
      const unit = `${SENTENCE}\n${LABELS.map((l) => `${l}\t3\t0\t0\t0\t0\t0\t3`).join("\n")}\n`;
      return { name: "at-limit.txt", bytes: new TextEncoder().encode(unit.repeat(Math.floor((REPORT_LIMITS.textChars - 1) / unit.length))) };
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
        files["word/media/image1.png"] = [noise(target - 512 * 1024, 7), { level: 0 }];
      }
      return { name: `${kind}.docx`, bytes: zipSync(files) };
    }
    case "pdf": {
      // The densest PDF still read: ruled 100×8 tables on as many pages as the text-run cap
      // allows, the rest of the 20 MB in photos (which are skipped, never decoded).
      // Imported here so the children of the other cases do not load the PDF reader.
      const { PDF_LIMITS } = await import("../lib/parse/extract/pdf");
      const photos = 4;
      const pages = Array.from({ length: Math.floor((PDF_LIMITS.maxTextItems - photos) / DENSE_PAGE_ITEMS) }, () => densePage());
      const textBytes = makePdf(pages).length;
      const side = Math.floor(Math.sqrt((target - textBytes) / 2 / 3 / photos));
      for (let i = 0; i < photos; i++) pages.push({ image: { width: side, height: side, rgb: noise(side * side * 3, i + 1) }, texts: [{ x: 50, y: 40, text: `Photo ${i + 1}` }] });
      return { name: "dense.pdf", bytes: makePdf(pages) };
    }
    case "pdf-scans": {
      // A report of A4 pages scanned at 300 dpi with a text layer, mostly white paper around a
      // photo-like (incompressible) band: each image would inflate to 26 MB of RGB (35 MB of
      // RGBA) if it were decoded.
      const width = 2480;
      const height = 3508;
      const rgb = new Uint8Array(width * height * 3).fill(255);
      rgb.set(noise(width * 3 * 340, 3));
      const scan = (i: number): PdfPage => ({
        image: { width, height, rgb },
        texts: LABELS.map((l, r) => ({ x: 60, y: 780 - r * 14, text: `${i} ${r} ${l.length}` })),
      });
      const count = Math.max(1, Math.floor(target / makePdf([scan(0)]).length));
      return { name: "scans.pdf", bytes: makePdf(Array.from({ length: count }, (_, i) => scan(i))) };
    }
    case "pdf-pages": {
      // 20 MB of dense ruled pages: more pages than any report (refused before reading).
      const page = densePage();
      const count = Math.floor(target / makePdf([page]).length);
      return { name: "many-pages.pdf", bytes: makePdf(Array.from({ length: count }, () => page)) };
    }
  }
}

/** Text runs on one densePage(). */
const DENSE_PAGE_ITEMS = 800;

/** A dense ruled table, 100 rows × 8 columns, on one page. */
function densePage(): PdfPage {
  const page: PdfPage = { texts: [], rects: [] };
  for (let r = 0; r < 100; r++) {
    const y = 800 - r * 7.6;
    page.rects!.push({ x: 40, y, width: 515, height: 0.4, paint: "fill" });
    for (let c = 0; c < 8; c++) {
      page.rects!.push({ x: 40 + c * 64, y: y - 7.6, width: 0.4, height: 7.6, paint: "fill" });
      page.texts!.push({ x: 44 + c * 64, y: y - 6, text: c === 0 ? `Row ${r}` : String((r * c) % 97), size: 5 });
    }
  }
  return page;
}

/** Incompressible bytes (a photo's worth of entropy). */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed | 1;
  for (let i = 0; i < length; i++) {
    // xorshift32: exact in 32-bit integers, so the bytes really are incompressible.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function peakRssMb(): number {
  const status = readFileSync("/proc/self/status", "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function runCase(kind: Case, file: string): Promise<void> {
  // The file's own buffer (not a second copy): the upload holds the bytes once, so does the bench.
  const read = readFileSync(file);
  const input = { name: file.split("/").pop()!, bytes: new Uint8Array(read.buffer, read.byteOffset, read.byteLength) };
  const before = process.memoryUsage().rss / MB;
  const started = performance.now();
  let outcome: string;
  try {
    // parseFile never throws; a throw here is a bug worth seeing in the output.
    const result = await parseFile(input.name, input.bytes);
    outcome = result.ok ? `ok: ${result.format}, ${result.warnings.length} warnings` : `${result.error.code}: ${result.error.message.slice(0, 160)}`;
  } catch (error) {
    outcome = `THREW ${(error as Error).message.slice(0, 160)}`;
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
    const runsFlag = process.argv.indexOf("--runs");
    const runs = runsFlag >= 0 ? Math.max(1, Number(process.argv[runsFlag + 1]) || 1) : 3;
    const wanted = process.argv.slice(2).filter((a): a is Case => (CASES as readonly string[]).includes(a));
    for (const kind of wanted.length > 0 ? wanted : CASES) {
      const input = await makeInput(kind);
      const file = join(dir, input.name);
      writeFileSync(file, input.bytes);
      const peaks: number[] = [];
      for (let run = 0; run < runs; run++) {
        const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], "--case", kind, file], { encoding: "utf8" });
        process.stdout.write(child.stdout || `${kind}: failed\n${child.stderr}\n`);
        const peak = /"peakRssMB":(\d+)/.exec(child.stdout ?? "")?.[1];
        if (peak) peaks.push(Number(peak));
      }
      if (peaks.length > 1) console.log(`${kind}: peak RSS ${Math.min(...peaks)}–${Math.max(...peaks)} MB over ${peaks.length} runs`);
    }
  } finally {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
  console.log("Budget: peak RSS under 300 MB for a 20 MB input.");
}
