import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocumentProxy, getResolvedPDFJS } from "unpdf";
import { extractError } from "./errors";
import { joinCellPieces } from "./grid";
import type { ExtractedDocument, Grid, GridCell } from "./types";

/**
 * PDF text in reading order. Ruled tables (the borders Word and browsers draw) are rebuilt
 * from the page's thin filled/stroked rectangles into Grids, and each table row becomes one
 * tab-joined line even when its label wraps over several visual lines. Text outside tables is
 * grouped into lines by baseline; wrapped paragraph lines are joined back together.
 */
export async function readPdf(fileName: string, bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<ExtractedDocument> {
  installArrayBufferPolyfill();
  const { OPS } = await getResolvedPDFJS();
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js transfers (detaches) the buffer it is given: hand it one plain copy, never the
    // caller's bytes (a Node Buffer's slice() would be a view, and pdf.js refuses Buffers).
    // (Handing pdf.js ranges on request instead of a copy needs iterator helpers, absent in Node 20.)
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
      stopAtErrors: false,
      // Text and ruling lines need no pixels: images are skipped before they are decoded (a
      // scanned page or a photo would otherwise be inflated to width × height × 4 bytes).
      maxImageSize: 0,
      ...assetOptions(),
    });
  } catch (error) {
    const name = (error as { name?: string }).name ?? "";
    if (name === "PasswordException" || /password/i.test(String((error as Error).message))) {
      throw extractError(
        "encrypted_file",
        fileName,
        "是加密的 PDF，需要密码才能打开。请上传未加密的版本（或在阅读器中输入密码后另存为 PDF）。",
        "is an encrypted PDF that needs a password. Upload an unencrypted copy (or open it with the password and save it as a new PDF).",
      );
    }
    throw extractError(
      "corrupt_file",
      fileName,
      "无法作为 PDF 打开（文件可能损坏或不完整）。请重新下载后再上传，或上传 Word/网页版本。",
      `could not be opened as a PDF (${String((error as Error).message ?? error).slice(0, 120)}). Download it again, or upload the Word/web version.`,
    );
  }
  const ops = OPS as Record<string, number>;
  const paintOps = new Set(
    ["fill", "eoFill", "stroke", "closeStroke", "fillStroke", "eoFillStroke", "closeFillStroke", "closeEOFillStroke"].map((k) => ops[k]),
  );
  const strokeOps = new Set(["stroke", "closeStroke"].map((k) => ops[k]));
  const warnings: string[] = [];
  const pageBlocks: string[][] = [];
  const tables: PageTable[] = [];
  let visibleChars = 0;
  let undecodableChars = 0;
  let failedPages = 0;
  const pagesWithoutText: number[] = [];
  try {
    if (pdf.numPages > limits.maxPages) {
      throw extractError(
        "too_large",
        fileName,
        `有 ${pdf.numPages} 页，超过 ${limits.maxPages} 页的上限（年度报告通常只有几十页）。请只上传年度报告本身（可把报告所在的页另存为新的 PDF）。`,
        `has ${pdf.numPages} pages, above the ${limits.maxPages}-page limit (an annual report runs to a few dozen). Upload the report alone (save its pages as a new PDF).`,
      );
    }
    const pageCount = pdf.numPages;
    let textItems = 0;
    let tableSlots = 0;
    for (let p = 1; p <= pageCount; p++) {
      let page;
      try {
        page = await pdf.getPage(p);
      } catch {
        failedPages++;
        continue;
      }
      // Viewport space: top-left origin, y downwards, the page's /Rotate and crop applied, so a
      // landscape table printed on a rotated page reads like any other.
      const view = page.getViewport({ scale: 1 }).transform as number[];
      // pdf.js's text content and operator list are read in helpers and dropped there, so only
      // the compact items and rules outlive each await.
      const counts = { textItems, visibleChars, undecodableChars };
      const items = await readTextItems(page, view, counts, limits.maxTextItems, () => tooMuchText(fileName, p, pageCount, limits));
      ({ textItems, visibleChars, undecodableChars } = counts);
      if (items.length === 0) pagesWithoutText.push(p);
      let rules: Rule[] = [];
      if (items.length > 0) {
        try {
          rules = await readRules(page, view, ops, paintOps, strokeOps);
        } catch {
          warnings.push(`${fileName}: page ${p}: drawing could not be read; tables there are read as plain lines`);
        }
      }
      // Frees the page's operator list and fonts' per-page objects before the layout work.
      page.cleanup();
      const { lines, pageTables } = layoutPage(items, rules, p);
      pageBlocks.push(lines);
      for (const t of pageTables) {
        tableSlots += t.rowCount * (t.columns.length - 1);
        if (tableSlots > limits.maxTableSlots) throw tooMuchText(fileName, p, pageCount, limits);
        tables.push(t);
      }
    }
  } finally {
    await pdf.loadingTask.destroy().catch(() => undefined);
  }
  if (failedPages > 0) warnings.push(`${fileName}: ${failedPages} page(s) could not be read`);
  if (visibleChars >= 20 && undecodableChars / visibleChars > 0.3) {
    throw extractError(
      "no_text_layer",
      fileName,
      "的文字无法解码（字体缺少字符编码映射），提取出来是乱码。请上传报告的 Word/网页版本，或对 PDF 进行文字识别（OCR）。",
      "has text in fonts without a Unicode mapping, so it comes out as gibberish. Upload the Word/web version of the report, or run OCR on the PDF.",
    );
  }
  if (undecodableChars > 0 && visibleChars > 0 && undecodableChars / visibleChars > 0.02) {
    warnings.push(`${fileName}: ${undecodableChars} characters could not be decoded (fonts without a Unicode mapping)`);
  }
  if (pagesWithoutText.length > 0 && visibleChars >= 20) {
    warnings.push(`${fileName}: page(s) ${formatPages(pagesWithoutText)} have no text layer (scanned images?); their content is missing`);
  }
  if (visibleChars < 20) {
    throw extractError(
      "no_text_layer",
      fileName,
      "是扫描件或图片型 PDF，没有可提取的文字。请先进行文字识别（OCR），或上传报告的 Word/网页版本。",
      "is a scanned (image-only) PDF without a text layer. Run OCR on it first, or upload the Word/web version of the report.",
    );
  }
  const text = pageBlocks
    .map((lines) => lines.join("\n"))
    .filter((t) => t.trim())
    .join("\n\f\n");
  return { kind: "pdf", text, tables: mergeAcrossPages(tables), warnings };
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof getDocumentProxy>>["getPage"]>>;

/** The page's visible text runs running left to right, in viewport coordinates. */
async function readTextItems(
  page: PdfPage,
  view: number[],
  counts: { textItems: number; visibleChars: number; undecodableChars: number },
  maxTextItems: number,
  tooMuch: () => Error,
): Promise<TextItem[]> {
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  for (const raw of content.items as Array<{ str?: string; transform?: number[]; width?: number; height?: number }>) {
    const str = raw.str ?? "";
    if (!raw.transform || !str.trim()) continue;
    if (++counts.textItems > maxTextItems) throw tooMuch();
    counts.visibleChars += str.replace(/\s/g, "").length;
    counts.undecodableChars += str.match(UNDECODABLE)?.length ?? 0;
    const m = multiply(view, raw.transform);
    // Only text running left to right on the viewed page; vertical stamps and rotated
    // watermarks would scramble the lines.
    if (Math.abs(m[1]) > Math.abs(m[0]) * 0.1 || m[0] <= 0) continue;
    const size = Math.hypot(m[2], m[3]) || raw.height || 10;
    items.push({ str, x: m[4], baseline: m[5], width: raw.width ?? 0, size });
  }
  return items;
}

async function readRules(
  page: PdfPage,
  view: number[],
  ops: Record<string, number>,
  paintOps: Set<number>,
  strokeOps: Set<number>,
): Promise<Rule[]> {
  const operatorList = await page.getOperatorList();
  return collectRules(operatorList.fnArray, operatorList.argsArray, ops, paintOps, strokeOps, view);
}

/** Private-use code points, U+FFFD and control characters: what unmapped glyphs decode to. */
const UNDECODABLE = /[\ue000-\uf8ff\ufffd\u0000-\u0008\u000e-\u001f]/g;

/** "3, 5–7" */
function formatPages(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j;
  }
  return parts.join(", ");
}

interface TextItem {
  str: string;
  /** Left edge and baseline in points, y measured from the top of the page. */
  x: number;
  baseline: number;
  width: number;
  size: number;
}

interface Rule {
  horizontal: boolean;
  /** Centre line (y for horizontal, x for vertical) and extent along the rule. */
  at: number;
  from: number;
  to: number;
}

/** A ruled table found on one page, with the geometry needed to join it to the next page's. */
interface PageTable {
  page: number;
  top: number;
  bottom: number;
  columns: number[];
  rowCount: number;
  cells: TableCell[];
  /** Nothing but page furniture between this table and the page edge. */
  atPageStart: boolean;
  atPageEnd: boolean;
}

const TOLERANCE = 2;
export interface PdfLimits {
  maxPages: number;
  /** Non-blank text runs (pdf.js text items) over the whole file. */
  maxTextItems: number;
  /** Slots of ruled tables over the whole file (empty grids cost memory too). */
  maxTableSlots: number;
}

/**
 * An annual report runs to a few dozen pages, a few thousand text runs (tens of thousands if
 * every character is placed on its own) and tables of a few hundred cells. Files far beyond
 * that are something else, and reading them would take most of the 300 MB memory budget: at
 * these limits a 20 MB PDF is parsed within about 240 MB (`npm run bench:parse-memory`).
 */
export const PDF_LIMITS: PdfLimits = { maxPages: 200, maxTextItems: 60_000, maxTableSlots: 100_000 };

function tooMuchText(fileName: string, page: number, pageCount: number, limits: PdfLimits) {
  return extractError(
    "too_large",
    fileName,
    `的文字或表格过多（读到第 ${page} 页 / 共 ${pageCount} 页时已超过 ${limits.maxTextItems} 个文字块或 ${limits.maxTableSlots} 个表格单元格），远超年度报告的正常范围，无法在限定内读取。请只上传年度报告本身，或上传其 Word/网页版本。`,
    `holds too much text or too many table cells to read within limits (more than ${limits.maxTextItems} text runs or ${limits.maxTableSlots} table cells by page ${page} of ${pageCount}), far beyond any annual report. Upload the report alone, or its Word/web version.`,
  );
}
/** A ruled "cell" holding this much text is a box around a paragraph, not a table cell. */
const LAYOUT_CELL_CHARS = 400;
const MAX_RULES_PER_PAGE = 4000;

/**
 * Thin rectangles and line segments painted on the page, in viewport coordinates (y down).
 * pdf.js (v5+) gives each constructPath its bounding box, so the path data need not be walked.
 */
function collectRules(
  fnArray: number[],
  argsArray: unknown[],
  ops: Record<string, number>,
  paintOps: Set<number>,
  strokeOps: Set<number>,
  view: number[],
): Rule[] {
  const rules: Rule[] = [];
  let ctm = view;
  const saved: number[][] = [];
  for (let i = 0; i < fnArray.length && rules.length <= MAX_RULES_PER_PAGE; i++) {
    const fn = fnArray[i];
    if (fn === ops.save) saved.push(ctm);
    else if (fn === ops.restore) ctm = saved.pop() ?? view;
    else if (fn === ops.transform) ctm = multiply(ctm, argsArray[i] as number[]);
    else if (fn === ops.constructPath) {
      const args = argsArray[i] as [number, unknown, ArrayLike<number> | null];
      if (!paintOps.has(args[0]) || !args[2] || args[2].length < 4) continue;
      if (strokeOps.has(args[0])) {
        strokedSegments(args[1], ctm, rules);
        continue;
      }
      // Fills: each subpath on its own, since one path may hold every border of a table.
      if (!filledSubpaths(args[1], ctm, rules)) {
        const [x0, y0, x1, y1] = Array.from(args[2]);
        addThinBox(rules, apply(ctm, x0, y0), apply(ctm, x1, y1));
      }
      // Filled and stroked (a shaded cell with a border): the outline counts too.
      if (args[0] !== ops.fill && args[0] !== ops.eoFill) strokedSegments(args[1], ctm, rules);
    }
  }
  return rules.length > MAX_RULES_PER_PAGE ? [] : rules;
}

/** A thin box (a filled rule) between two corner points becomes a horizontal or vertical rule. */
function addThinBox(rules: Rule[], p: [number, number], q: [number, number]): void {
  const left = Math.min(p[0], q[0]);
  const right = Math.max(p[0], q[0]);
  const upper = Math.min(p[1], q[1]);
  const lower = Math.max(p[1], q[1]);
  const w = right - left;
  const h = lower - upper;
  if (h <= TOLERANCE && w > 3) rules.push({ horizontal: true, at: (upper + lower) / 2, from: left, to: right });
  else if (w <= TOLERANCE && h > 3) rules.push({ horizontal: false, at: (left + right) / 2, from: upper, to: lower });
}

/** The bounding box of every filled subpath; false when the path data is not in a known form. */
function filledSubpaths(pathArg: unknown, ctm: number[], rules: Rule[]): boolean {
  const paths = Array.isArray(pathArg) ? pathArg : [pathArg];
  let understood = false;
  for (const data of paths as Array<ArrayLike<number> | null>) {
    if (!data || typeof data.length !== "number") continue;
    understood = true;
    let box: [number, number, number, number] | null = null;
    const close = () => {
      if (box) addThinBox(rules, [box[0], box[1]], [box[2], box[3]]);
      box = null;
    };
    const extend = (x: number, y: number) => {
      const [u, v] = apply(ctm, x, y);
      box = box ? [Math.min(box[0], u), Math.min(box[1], v), Math.max(box[2], u), Math.max(box[3], v)] : [u, v, u, v];
    };
    for (let k = 0; k < data.length; ) {
      const command = data[k];
      if (command === MOVE_TO) {
        close();
        extend(data[k + 1], data[k + 2]);
        k += 3;
      } else if (command === LINE_TO) {
        extend(data[k + 1], data[k + 2]);
        k += 3;
      } else if (command === CURVE_TO) {
        for (let j = 1; j < 7; j += 2) extend(data[k + j], data[k + j + 1]);
        k += 7;
      } else if (command === QUADRATIC_CURVE_TO) {
        for (let j = 1; j < 5; j += 2) extend(data[k + j], data[k + j + 1]);
        k += 5;
      } else if (command === CLOSE_PATH) {
        k += 1;
      } else return false;
    }
    close();
  }
  return understood;
}

/** pdf.js path commands inside constructPath data. */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/**
 * The straight horizontal/vertical segments of a stroked path: some writers stroke each cell as
 * a rectangle outline, or draw borders as lines, instead of filling thin rectangles.
 */
function strokedSegments(pathArg: unknown, ctm: number[], rules: Rule[]): void {
  const paths = Array.isArray(pathArg) ? pathArg : [pathArg];
  for (const data of paths as Array<ArrayLike<number> | null>) {
    if (!data || typeof data.length !== "number") continue;
    let start: [number, number] | null = null;
    let current: [number, number] | null = null;
    const segment = (a: [number, number], b: [number, number]) => {
      const p = apply(ctm, a[0], a[1]);
      const q = apply(ctm, b[0], b[1]);
      const dx = Math.abs(p[0] - q[0]);
      const dy = Math.abs(p[1] - q[1]);
      if (dy <= 0.5 && dx > 3) rules.push({ horizontal: true, at: (p[1] + q[1]) / 2, from: Math.min(p[0], q[0]), to: Math.max(p[0], q[0]) });
      else if (dx <= 0.5 && dy > 3) rules.push({ horizontal: false, at: (p[0] + q[0]) / 2, from: Math.min(p[1], q[1]), to: Math.max(p[1], q[1]) });
    };
    for (let k = 0; k < data.length; ) {
      const command = data[k];
      if (command === MOVE_TO) {
        current = start = [data[k + 1], data[k + 2]];
        k += 3;
      } else if (command === LINE_TO) {
        const next: [number, number] = [data[k + 1], data[k + 2]];
        if (current) segment(current, next);
        current = next;
        k += 3;
      } else if (command === CURVE_TO) {
        current = [data[k + 5], data[k + 6]];
        k += 7;
      } else if (command === QUADRATIC_CURVE_TO) {
        current = [data[k + 3], data[k + 4]];
        k += 5;
      } else if (command === CLOSE_PATH) {
        if (current && start) segment(current, start);
        current = start;
        k += 1;
      } else break;
    }
  }
}

function multiply(m: number[], n: number[]): number[] {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: number[], x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

interface Block {
  y: number;
  line: string;
  /** Set for lines of running text, used to rejoin wrapped paragraph lines. */
  geometry?: { left: number; right: number; size: number; baseline: number };
}

function layoutPage(items: TextItem[], rules: Rule[], page: number): { lines: string[]; pageTables: PageTable[] } {
  const found = findTables(rules);
  const blocks: Block[] = [];
  const pageTables: PageTable[] = [];
  const claimed = new Set<TextItem>();
  for (const table of found) {
    const inside = items.filter((item) => !claimed.has(item) && table.contains(item));
    const built = table.build(inside);
    // A frame around the page or a boxed paragraph is not a table: leave its text to the lines.
    if (built.cells.length < 2 || built.cells.some((cell) => cell.text.length > LAYOUT_CELL_CHARS)) continue;
    for (const item of inside) claimed.add(item);
    blocks.push(...built.rows);
    pageTables.push({
      page,
      top: table.top,
      bottom: table.bottom,
      columns: table.columns,
      rowCount: table.rowCount,
      cells: built.cells,
      atPageStart: false,
      atPageEnd: false,
    });
  }
  const loose = items.filter((item) => !claimed.has(item));
  blocks.push(...mergeCentredNumberRows(groupLines(loose)));
  blocks.sort((a, b) => a.y - b.y);
  for (const t of pageTables) {
    t.atPageStart = !blocks.some((b) => b.geometry && b.y < t.top && !isPageFurniture(b.line));
    t.atPageEnd = !blocks.some((b) => b.geometry && b.y > t.bottom && !isPageFurniture(b.line));
  }
  return { lines: joinWrappedLines(blocks), pageTables };
}

/** Page numbers such as "- 4 -", "第 4 页", "4/12". */
function isPageFurniture(line: string): boolean {
  return /^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d{1,3})\s*$/.test(line);
}

/** Groups items sharing a baseline into lines; far-apart items get a tab, near ones a space. */
function groupLines(items: TextItem[]): Block[] {
  const sorted = [...items].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const groups: TextItem[][] = [];
  for (const item of sorted) {
    const current = groups[groups.length - 1];
    if (current && Math.abs(item.baseline - current[0].baseline) <= Math.min(item.size, current[0].size) * 0.45) current.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let line = "";
    let end = -Infinity;
    for (const item of group) {
      const gap = item.x - end;
      if (line) line += gap > item.size * 1.5 ? "\t" : gap > item.size * 0.2 ? " " : "";
      line += item.str;
      end = Math.max(end, item.x + item.width);
    }
    const size = Math.max(...group.map((i) => i.size));
    return {
      y: group[0].baseline - size,
      line: line.replace(/[ \u00a0\u3000]+/g, " ").replace(/ *\t */g, "\t").trim(),
      geometry: { left: group[0].x, right: end, size, baseline: group[0].baseline },
    };
  });
}

const NUMBER_CELL = /^(?:[-+]?\d[\d,.]*%?|[-—–/])$/;

/**
 * In a table without drawn borders, a row whose label wraps onto two lines has its numbers
 * vertically centred between them: label start / numbers / label end come out as three lines.
 * When a numbers-only line sits less than a line apart from a label line above and its
 * continuation below (same left edge), the three are one row: "label start+end\tnumbers".
 */
function mergeCentredNumberRows(lines: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i];
    const b = lines[i + 1];
    const c = lines[i + 2];
    if (a?.geometry && b?.geometry && c?.geometry) {
      const ga = a.geometry;
      const gb = b.geometry;
      const gc = c.geometry;
      const numbersOnly = b.line.split(/[\t ]+/).every((cell) => NUMBER_CELL.test(cell));
      const textOnly = (line: string) => !line.includes("\t") && !/\d\s*$/.test(line);
      if (
        numbersOnly &&
        textOnly(a.line) &&
        textOnly(c.line) &&
        gb.left > ga.right &&
        Math.abs(gc.left - ga.left) <= ga.size * 0.5 &&
        gb.baseline - ga.baseline <= ga.size * 1.05 &&
        gc.baseline - gb.baseline <= ga.size * 1.05
      ) {
        const numbers = b.line.split(/[\t ]+/).join("\t");
        out.push({ y: a.y, line: `${a.line}${c.line}\t${numbers}` });
        i += 2;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * Rejoins the visual lines of one paragraph: a line that reaches the right margin continues on
 * the next when that one starts no further right, is the same size and follows directly.
 * Lines with tabs (table-like) are never joined.
 */
function joinWrappedLines(blocks: Block[]): string[] {
  const texts = blocks.filter((b) => b.geometry && !b.line.includes("\t"));
  const rightMargin = texts.length > 0 ? Math.max(...texts.map((b) => b.geometry!.right)) : 0;
  const leftMargin = texts.length > 0 ? Math.min(...texts.map((b) => b.geometry!.left)) : 0;
  const bodySize = dominantSize(texts);
  // A title larger than the body text wraps onto a centred second line.
  const centredContinuation = (g: NonNullable<Block["geometry"]>, p: NonNullable<Block["geometry"]>) =>
    p.size >= bodySize * 1.2 &&
    p.left <= leftMargin + p.size * 2 &&
    Math.abs(g.left - leftMargin - (rightMargin - g.right)) <= g.size * 1.5;
  const out: string[] = [];
  let previous: Block | null = null;
  for (const block of blocks) {
    if (!block.line) continue;
    const g = block.geometry;
    const p = previous?.geometry;
    if (
      previous &&
      g &&
      p &&
      !previous.line.includes("\t") &&
      !block.line.includes("\t") &&
      p.right >= rightMargin - p.size * 1.5 &&
      // A paragraph line starts at the margin or a first-line indent, not mid-page.
      p.left <= leftMargin + p.size * 3 &&
      Math.abs(g.size - p.size) < 0.5 &&
      g.baseline - p.baseline > 0 &&
      g.baseline - p.baseline <= p.size * 2.2 &&
      (g.left <= p.left + p.size * 0.5 || centredContinuation(g, p)) &&
      !isPageFurniture(block.line)
    ) {
      const joiner = /[A-Za-z0-9]$/.test(out[out.length - 1]) && /^[A-Za-z0-9]/.test(block.line) ? " " : "";
      out[out.length - 1] += joiner + block.line;
      previous = block;
      continue;
    }
    out.push(block.line);
    previous = block;
  }
  return out;
}

/** A (possibly merged) cell of a ruled table: slot rows r0..r1, columns c0..c1. */
interface TableCell {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  text: string;
}

/** The font size carrying most characters: the body text's. */
function dominantSize(blocks: Block[]): number {
  const weight = new Map<number, number>();
  for (const b of blocks) {
    const size = Math.round(b.geometry!.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + b.line.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best || 10;
}

interface FoundTable {
  top: number;
  bottom: number;
  columns: number[];
  rowCount: number;
  contains(item: TextItem): boolean;
  build(items: TextItem[]): { rows: Block[]; cells: TableCell[] };
}

/** Connected groups of horizontal and vertical rules that outline at least a 1×2 table. */
function findTables(rules: Rule[]): FoundTable[] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const box = (r: Rule) =>
    r.horizontal
      ? { x0: r.from - TOLERANCE, x1: r.to + TOLERANCE, y0: r.at - TOLERANCE, y1: r.at + TOLERANCE }
      : { x0: r.at - TOLERANCE, x1: r.at + TOLERANCE, y0: r.from - TOLERANCE, y1: r.to + TOLERANCE };
  const boxes = rules.map(box);
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1) {
        const ra = find(i);
        const rb = find(j);
        if (ra !== rb) parent[ra] = rb;
      }
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(r);
    groups.set(root, list);
  });
  const tables: FoundTable[] = [];
  for (const group of groups.values()) {
    const table = ruledTable(group);
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => a.top - b.top);
}

function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const v of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && v - last[last.length - 1] <= TOLERANCE) last.push(v);
    else clusters.push([v]);
  }
  return clusters.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

function ruledTable(rules: Rule[]): FoundTable | null {
  const horizontal = rules.filter((r) => r.horizontal);
  const vertical = rules.filter((r) => !r.horizontal);
  const ys = clusterPositions(horizontal.map((r) => r.at));
  const xs = clusterPositions(vertical.map((r) => r.at));
  if (ys.length < 2 || xs.length < 2) return null;
  const rowCount = ys.length - 1;
  const colCount = xs.length - 1;
  if (rowCount * colCount > 100_000) return null;
  const top = ys[0];
  const bottom = ys[ys.length - 1];
  const left = xs[0];
  const right = xs[xs.length - 1];
  // Too small to hold text (a box drawn around a check mark, a double underline).
  if (bottom - top < 6 || right - left < 6) return null;

  const hasVertical = (x: number, y: number) =>
    vertical.some((r) => Math.abs(r.at - x) <= TOLERANCE && r.from - TOLERANCE <= y && y <= r.to + TOLERANCE);
  const hasHorizontal = (y: number, x: number) =>
    horizontal.some((r) => Math.abs(r.at - y) <= TOLERANCE && r.from - TOLERANCE <= x && x <= r.to + TOLERANCE);

  // Slots with no rule between them belong to one merged cell.
  const slot = (r: number, c: number) => r * colCount + c;
  const parent = Array.from({ length: rowCount * colCount }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rowCount; r++) {
    const midY = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c < colCount; c++) {
      const midX = (xs[c] + xs[c + 1]) / 2;
      if (c + 1 < colCount && !hasVertical(xs[c + 1], midY)) union(slot(r, c), slot(r, c + 1));
      if (r + 1 < rowCount && !hasHorizontal(ys[r + 1], midX)) union(slot(r, c), slot(r + 1, c));
    }
  }
  interface Cell extends TableCell {
    items: TextItem[];
  }
  const cells = new Map<number, Cell>();
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < colCount; c++) {
      const root = find(slot(r, c));
      const cell = cells.get(root);
      if (!cell) cells.set(root, { r0: r, c0: c, r1: r, c1: c, items: [], text: "" });
      else {
        cell.r0 = Math.min(cell.r0, r);
        cell.c0 = Math.min(cell.c0, c);
        cell.r1 = Math.max(cell.r1, r);
        cell.c1 = Math.max(cell.c1, c);
      }
    }
  }
  const indexIn = (edges: number[], v: number) => {
    for (let i = 0; i < edges.length - 1; i++) if (v < edges[i + 1]) return i;
    return edges.length - 2;
  };
  const centre = (item: TextItem) => ({ x: item.x + item.width / 2, y: item.baseline - item.size * 0.35 });
  return {
    top,
    bottom,
    columns: xs,
    rowCount,
    contains(item) {
      const { x, y } = centre(item);
      return x >= left - TOLERANCE && x <= right + TOLERANCE && y >= top - TOLERANCE && y <= bottom + TOLERANCE;
    },
    build(items) {
      for (const item of items) {
        const { x, y } = centre(item);
        cells.get(find(slot(indexIn(ys, y), indexIn(xs, x))))!.items.push(item);
      }
      for (const cell of cells.values()) cell.text = cellText(cell.items);
      const rows: Block[] = [];
      for (let r = 0; r < rowCount; r++) {
        const origins: string[] = [];
        for (let c = 0; c < colCount; c++) {
          const cell = cells.get(find(slot(r, c)))!;
          if (cell.r0 === r && cell.c0 === c) origins.push(cell.text);
        }
        const line = origins.join("\t");
        if (line.trim()) rows.push({ y: ys[r], line });
      }
      const plain = [...cells.values()].map(({ r0, c0, r1, c1, text }) => ({ r0, c0, r1, c1, text }));
      return { rows, cells: plain };
    },
  };
}

/** A cell's text: its visual lines top to bottom, joined without separator like a wrapped label. */
function cellText(items: TextItem[]): string {
  if (items.length === 0) return "";
  const lines = groupLines(items);
  return joinCellPieces(lines.map((l) => l.line));
}

/**
 * Chromium splits a table at a page break. When a table ends its page and the next page starts
 * with a table spanning the same width whose column rules agree (one piece may lack rules the
 * other has, e.g. label columns merged in every row of the first piece), they are one table.
 */
function mergeAcrossPages(tables: PageTable[]): Grid[] {
  const grids: Grid[] = [];
  let merged: PageTable | null = null;
  // The merged table's cells reaching its last row: the only ones a cut label can continue.
  let tail: TableCell[] = [];
  // Pieces are joined in place (cells remapped only when the columns move): a table running
  // over hundreds of pages must not be copied once per page.
  for (const table of tables) {
    if (
      merged &&
      table.page === merged.page + 1 &&
      merged.atPageEnd &&
      table.atPageStart &&
      compatibleColumns(merged.columns, table.columns)
    ) {
      const columns = clusterPositions([...merged.columns, ...table.columns]);
      remapColumns(merged.cells, merged.columns, columns);
      remapColumns(table.cells, table.columns, columns);
      const boundary: number = merged.rowCount;
      for (const cell of table.cells) {
        cell.r0 += boundary;
        cell.r1 += boundary;
      }
      const rowCount: number = boundary + table.rowCount;
      const kept = continueSplitLabels(tail, table.cells, boundary);
      for (const cell of kept) merged.cells.push(cell);
      tail = [...tail, ...kept].filter((cell) => cell.r1 === rowCount - 1);
      merged = { ...table, columns, rowCount, cells: merged.cells };
    } else {
      if (merged) grids.push(toGrid(merged));
      merged = table;
      tail = table.cells.filter((cell) => cell.r1 === table.rowCount - 1);
    }
  }
  if (merged) grids.push(toGrid(merged));
  return grids;
}

/** Moves cells from one set of column rules to another (nearest rule for each edge), in place. */
function remapColumns(cells: TableCell[], from: number[], to: number[]): void {
  const edge = from.map((x) => nearestIndex(to, x));
  if (edge.length === to.length && edge.every((e, i) => e === i)) return;
  for (const cell of cells) {
    const c1Edge = edge[cell.c1 + 1];
    cell.c0 = edge[cell.c0];
    cell.c1 = c1Edge - 1;
  }
}

/**
 * A row label merged over several rows (三、本年度办理结果) that a page break cuts in two leaves
 * an empty merged cell at the top of the next page's piece: join it to the label above. Only a
 * cell already spanning rows is continued, so a blank value under a number is never filled.
 */
function continueSplitLabels(before: TableCell[], after: TableCell[], boundary: number): TableCell[] {
  const kept: TableCell[] = [];
  for (const cell of after) {
    const above =
      cell.r0 === boundary && cell.text === ""
        ? before.find((b) => b.r1 === boundary - 1 && b.r1 > b.r0 && b.c0 === cell.c0 && b.c1 === cell.c1 && b.text !== "")
        : undefined;
    if (above) above.r1 = cell.r1;
    else kept.push(cell);
  }
  return kept;
}

function compatibleColumns(a: number[], b: number[]): boolean {
  const near = (x: number, list: number[]) => list.some((y) => Math.abs(x - y) <= TOLERANCE * 2);
  if (Math.abs(a[0] - b[0]) > TOLERANCE * 2 || Math.abs(a[a.length - 1] - b[b.length - 1]) > TOLERANCE * 2) return false;
  const [fewer, more] = a.length <= b.length ? [a, b] : [b, a];
  return fewer.every((x) => near(x, more));
}

function nearestIndex(list: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < list.length; i++) if (Math.abs(list[i] - x) < Math.abs(list[best] - x)) best = i;
  return best;
}

function toGrid(table: PageTable): Grid {
  const width = table.columns.length - 1;
  const grid: Grid = Array.from({ length: table.rowCount }, () =>
    Array.from({ length: width }, (): GridCell => ({ text: "", origin: true, rowSpan: 1, colSpan: 1 })),
  );
  for (const cell of table.cells) {
    const rowSpan = cell.r1 - cell.r0 + 1;
    const colSpan = cell.c1 - cell.c0 + 1;
    for (let r = cell.r0; r <= cell.r1; r++) {
      for (let c = cell.c0; c <= cell.c1; c++) {
        grid[r][c] = { text: cell.text, origin: r === cell.r0 && c === cell.c0, rowSpan, colSpan };
      }
    }
  }
  return grid;
}

/**
 * Chinese PDFs from Java tools (iText with STSong-Light) and older Acrobat use fonts that are
 * not embedded and map text through Adobe's predefined CMaps (UniGB-UCS2-H, GBK-EUC-H): without
 * the CMap files pdf.js returns no text at all. The files ship with pdfjs-dist; pdf.js's own
 * Node loader fails on file paths here, so they are read with fs.
 */
let assets: Record<string, unknown> | null = null;

function assetOptions(): Record<string, unknown> {
  if (assets) return assets;
  let root: string | null = null;
  try {
    root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  } catch {
    root = join(process.cwd(), "node_modules", "pdfjs-dist");
  }
  const directories: Record<string, string> = {
    cMapUrl: join(root, "cmaps") + "/",
    standardFontDataUrl: join(root, "standard_fonts") + "/",
  };
  class FileBinaryDataFactory {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      const directory = directories[kind];
      if (!directory || filename.includes("..")) throw new Error(`no ${kind} data for ${filename}`);
      return new Uint8Array(await readFile(directory + filename));
    }
  }
  assets = { ...directories, cMapPacked: true, useWorkerFetch: false, BinaryDataFactory: FileBinaryDataFactory };
  return assets;
}

/**
 * Node 20 lacks ArrayBuffer.prototype.transferToFixedLength (ES2024), which pdf.js uses while
 * loading fonts; without it the drawing operators after the first text are lost. A copying
 * stand-in is enough here.
 */
function installArrayBufferPolyfill(): void {
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (length?: number) => ArrayBuffer };
  if (typeof proto.transferToFixedLength === "function") return;
  Object.defineProperty(ArrayBuffer.prototype, "transferToFixedLength", {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length?: number) {
      const out = new ArrayBuffer(length ?? this.byteLength);
      new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(this.byteLength, out.byteLength)));
      return out;
    },
  });
}
