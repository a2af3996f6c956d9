/**
 * Turns the report's tables, whatever layout they reached us in, into one stream of tokens:
 * label text, numbers (with sign, decimals and a unit when printed) and explicit blanks.
 * Readers of rows work on this stream, so each layout only needs its own tokenizer.
 */
import type { Grid } from "../extract/types";
import { CJK, toHalfWidth } from "./normalize";

export interface NumToken {
  t: "num";
  neg: boolean;
  /** Integer digits as printed (thousands separators removed); may be a run of several cells. */
  int: string;
  /** Decimal digits, or null. */
  frac: string | null;
  unit: string | null;
  raw: string;
  /** Source line (text layouts), to tell numbers printed row by row from one per line. */
  line?: number;
  /** A lone number on its own line at a page break (text with form feeds): maybe a page number. */
  pageEdge?: boolean;
}
export interface TextToken {
  t: "text";
  s: string;
}
export interface BlankToken {
  t: "blank";
  raw: string;
  /**
   * An empty tab-separated cell in text (PDF text rebuilt into columns, text copied from Word):
   * a real empty cell in some layouts, padding in others. Used only when the printed numbers
   * alone do not fill the row.
   */
  soft?: boolean;
  /** Source line (text layouts), as for numbers: a '—' cell is part of the printed row. */
  line?: number;
}
export interface EolToken {
  t: "eol";
}
export type ValueToken = NumToken | BlankToken;
export type Token = TextToken | NumToken | BlankToken | EolToken;

/** A cell printed as '/', '-', '—' (or left empty in a real table) means "nothing to report": null. */
const BLANK_MARK = /^(?:[-－—–―~～/／\\]{1,2}|——|无)$/;
const PAGE_MARKER = /^\s*[-—–]\s*\d{1,3}\s*[-—–]\s*$|^\s*第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?\s*$|^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/;
const MD_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

const NUMBER = /([-−]?)(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?(万元|亿元|元|万|亿|件|条|个|笔|次|项)?/g;
/** A change cell written in words (增加3, 减少2 in 本年增/减): the word is the number's sign. */
const CHANGE_WORD = /(?:^|(?<=[\s|\d]))(增加|增长|新增|增|减少|下降|减)\s*$/;
/** …and no change written as a word (持平): a zero cell. */
const NO_CHANGE = /(?<=^|[\s|\d])(?:持平|无变化)(?=$|[\s|\d])/g;
/** Digits that are part of words, not cells: years, dates, 第N项, OCR column names 数据1. */
const NOT_A_CELL_AFTER = /^(?:年|月|日|号|时|分|季度|届|周岁|%|％|个月)/;

/** Noise left by converters: cells holding only punctuation or symbols carry no label text. */
function meaningful(s: string): boolean {
  return CJK.test(s) || /[A-Za-z]/.test(s);
}

function pushText(out: Token[], s: string): void {
  const trimmed = s.trim();
  if (!trimmed) return;
  // Blank marks run together with other cells (`规章/ / 5`, `0—0`): one null cell each.
  if (/^(?:——|[-－—–/／]|\s)+$/.test(trimmed)) {
    for (const m of trimmed.matchAll(/——|[-－—–/／]/g)) out.push({ t: "blank", raw: m[0] });
    return;
  }
  if (!meaningful(trimmed)) return;
  // Marks glued to a label's edges (`/（二）部分公开`, `…数量/`) are cells of their own.
  const lead = /^(?:——|[-－—–/／]|\s)+(?=[\u3400-\u9fff(（])/.exec(trimmed);
  const trail = /(?<=[\u3400-\u9fff)）])(?:——|[-－—–/／]|\s)+$/.exec(trimmed);
  if (lead) pushText(out, lead[0]);
  const core = trimmed.slice(lead ? lead[0].length : 0, trail ? trail.index : trimmed.length).trim();
  if (core) out.push({ t: "text", s: core });
  if (trail) pushText(out, trail[0]);
}

/**
 * Tokenizes one cell or one free-running piece of text. Digits glued to labels (flattened
 * page text) become number tokens; an enumerator digit glued to the end of a run
 * (`00000002.其他法律…`) is given back to the label it numbers.
 */
export function tokenizePiece(piece: string, out: Token[]): void {
  const s = toHalfWidth(piece);
  const trimmed = s.trim();
  if (!trimmed) return;
  // Dates, times and document numbers of a page's chrome (2024-01-05, 16:24:38, 11350128/2024-00012)
  // are words, not cells.
  DATE_LIKE.lastIndex = 0;
  if (DATE_LIKE.test(s)) {
    DATE_LIKE.lastIndex = 0;
    let at = 0;
    for (const m of s.matchAll(DATE_LIKE)) {
      if (m.index > at) tokenizeCells(s.slice(at, m.index), out);
      pushText(out, m[0]);
      at = m.index + m[0].length;
    }
    if (at < s.length) tokenizeCells(s.slice(at), out);
    return;
  }
  tokenizeCells(s, out);
}

const DATE_LIKE = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}:\d{2}|\d{6,}\/\d{4}-\d{3,}/g;

function tokenizeCells(cellText: string, out: Token[]): void {
  const s = cellText.replace(NO_CHANGE, " 0 ");
  const trimmed = s.trim();
  if (!trimmed) return;
  if (BLANK_MARK.test(trimmed)) {
    out.push({ t: "blank", raw: trimmed });
    return;
  }
  // OCR reads a lone zero as the letter O or as 〇.
  if (/^[Oo〇]$/.test(trimmed)) {
    out.push({ t: "num", neg: false, int: "0", frac: null, unit: null, raw: trimmed });
    return;
  }
  // …and digits inside a number as look-alike letters (7O5, 1l2): a cell of digits and those.
  if (/^(?=.*\d)[\dOoIl]+$/.test(trimmed) && /[OoIl]/.test(trimmed)) {
    const int = trimmed.replace(/[Oo]/g, "0").replace(/[Il]/g, "1");
    out.push({ t: "num", neg: false, int, frac: null, unit: null, raw: trimmed });
    return;
  }
  let last = 0;
  let pendingText = "";
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(s)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const before = s.slice(Math.max(0, start - 2), start);
    const after = s.slice(end, end + 4);
    let sign = m[1];
    const int = m[2].replace(/,/g, "");
    const frac = m[3] ? m[3].slice(1) : null;
    const unit = m[4] ?? null;
    // A minus only signs a number when it does not join two words (e.g. a date range).
    if (sign && start > 0 && /[A-Za-z]/.test(s[start - 1])) sign = "";
    // Word turns a typed minus into a dash (–3, —3): a dash glued to a number that stands alone.
    let textEnd = start;
    if (!sign && start > last && /[–—]/.test(s[start - 1]) && (start === 1 || /[\s|]/.test(s[start - 2]))) {
      sign = "-";
      textEnd = start - 1;
    }
    const changeWord = !sign && !pendingText ? CHANGE_WORD.exec(s.slice(last, start)) : null;
    if (changeWord) {
      textEnd = last + changeWord.index;
      if (/减|下降/.test(changeWord[1])) sign = "-";
    }
    const textBefore = pendingText + s.slice(last, textEnd);
    // A plus standing before a number (本年增/减 printed +3) is its sign, not a formula.
    const plusSign = /(?:^|[\s|])\+$/.test(s.slice(Math.max(0, start - 2), start)) || (start === 1 && s[0] === "+");
    const isWordDigit =
      (!plusSign && /数据$|第$|[A-Za-z+*#=@_]$/.test(before)) ||
      /^[A-Za-z+*#=@_]/.test(after) || (!unit && !frac && NOT_A_CELL_AFTER.test(after)) || /^[)）]/.test(after) && /[(（]$/.test(before);
    if (isWordDigit) {
      // OCR converters name columns 数据1..数据6: neither a label nor a cell.
      pendingText = /数据$/.test(before) ? textBefore.replace(/数据$/, "") : textBefore + m[0];
      last = end;
      continue;
    }
    // Enumerator: "1.属于…", "3、其他", "2. 其他法律…" — the last digit numbers the next label.
    // Spaced-out labels (`3 . 其 他`) put a space before the mark.
    if (!frac && !unit && /^\s?[.、．]\s*[\u3400-\u9fff(（]/.test(after)) {
      pushText(out, textBefore);
      if (int.length > 1) {
        out.push({ t: "num", neg: sign !== "", int: int.slice(0, -1), frac: null, unit: null, raw: sign + int.slice(0, -1) });
      }
      pendingText = int.slice(-1);
      last = end;
      continue;
    }
    pushText(out, textBefore);
    pendingText = "";
    out.push({ t: "num", neg: sign !== "", int, frac, unit, raw: (textEnd < start && sign ? "-" : "") + m[0] });
    last = end;
    // Punctuation right after a number (95件。, 20，) ends or continues a sentence: kept as words so
    // the narrative's numbers are not read as cells.
    const stop = /^\s*[,;:。](?!\d)/.exec(s.slice(end));
    if (stop) {
      out.push({ t: "text", s: stop[0].trim() });
      last = end + stop[0].length;
    }
  }
  pushText(out, pendingText + s.slice(last));
}

const VALUE_CELL = /^(?:[-−]?\d[\d,]*(?:\.\d+)?|[-－—–―/／]{1,2})$/;

/** Space-separated cells of a line holding only numbers and blank marks, or null. */
function valueCells(line: string): number | null {
  const parts = toHalfWidth(line).trim().split(/\s+/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => VALUE_CELL.test(p)) ? parts.length : null;
}

/**
 * A line shaped like a page number (`- 1 -`, `10 / 153`) is a row of cells when a line beside it
 * holds as many number or blank cells (rows of a table printed under their labels), or when it
 * cannot be "page N of M" (N > M).
 */
function rowOfCells(lines: readonly string[], at: number): boolean {
  const slash = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(toHalfWidth(lines[at]));
  if (slash && Number(slash[1]) > Number(slash[2])) return true;
  const width = valueCells(lines[at]);
  if (width === null) return false;
  for (const step of [-1, 1]) {
    let j = at + step;
    while (j >= 0 && j < lines.length && !lines[j].trim()) j += step;
    if (j >= 0 && j < lines.length && valueCells(lines[j]) === width) return true;
  }
  return false;
}

/** Template words that begin with 无 (无法提供, 无正当理由…): a 无 split from them is label text. */
const LABEL_AFTER_WU = /^(?:法提供|正当理由)/;

function isPipeRow(line: string): boolean {
  const trimmed = line.trim();
  // Markdown rows, and crawled site text that prints a row as `规章 | 0 | | 3 |` (no leading pipe).
  return (
    (trimmed.startsWith("|") && trimmed.indexOf("|", 1) > 0) ||
    /^[^|]*[\u3400-\u9fff][^|]*\|[^|]*\S[^|]*\|/.test(trimmed) ||
    (/^[-−\d\s.,—/|]+$/.test(trimmed) && /\d[^|]*\|.*\|/.test(trimmed))
  );
}

/** Cells of one text line: tab-separated, or a Markdown pipe row. */
function cellsOfLine(line: string): string[] {
  const trimmed = line.trim();
  if (isPipeRow(line)) {
    return trimmed.replace(/^\|/, "").replace(/\|$/, "").split("|");
  }
  return line.split("\t");
}

/**
 * Text layouts (PDF text, text copied from Word, Markdown, flattened page text): empty cells
 * are not evidence of anything (templates pad rows with them), only explicit marks are blanks.
 */
export function tokenizeText(text: string): Token[] {
  const out: Token[] = [];
  // Text copied from Word one cell per line: a row is a block of lines ending at an empty
  // line, and a line holding only a tab is an empty cell once the row's first cell is seen.
  let blockHasContent = false;
  let lineNo = -1;
  const parts = text.split(/(\r\n|\r|\n|\f)/);
  const allLines = parts.filter((_, i) => i % 2 === 0);
  // seps[i] separates allLines[i] and allLines[i + 1]: a form feed is a page break.
  const seps = parts.filter((_, i) => i % 2 === 1);
  const atPageBreak = (i: number): boolean => {
    for (let j = i; j < seps.length; j++) {
      if (seps[j] === "\f") return true;
      if (allLines[j + 1].trim()) break;
    }
    for (let j = i - 1; j >= 0; j--) {
      if (seps[j] === "\f") return true;
      if (allLines[j].trim()) break;
    }
    return false;
  };
  for (const rawLine of allLines) {
    lineNo++;
    const before = out.length;
    const line = rawLine.replace(/\f/g, "");
    if (!line.trim()) {
      if (/^\t+[ \u3000]*$/.test(line)) {
        if (blockHasContent) out.push({ t: "blank", raw: "", soft: true });
      } else {
        blockHasContent = false;
      }
      continue;
    }
    if ((PAGE_MARKER.test(toHalfWidth(line)) && !rowOfCells(allLines, lineNo)) || MD_SEPARATOR.test(line)) continue;
    blockHasContent = true;
    // A label split after its first character (无 / 法提供, 无 / 正当理由…): the 无 is its word, not a blank.
    if (line.trim() === "无") {
      let j = lineNo + 1;
      while (j < allLines.length && !allLines[j].trim()) j++;
      if (j < allLines.length && LABEL_AFTER_WU.test(allLines[j].trim())) {
        out.push({ t: "text", s: "无" });
        continue;
      }
    }
    let seenContent = false;
    // Markdown from converters pads rows with empty cells freely: only tab cells are evidence.
    const piped = isPipeRow(line);
    const cells = cellsOfLine(line);
    // Converters and crawlers pad pipe rows with empty cells at their end; an empty cell between
    // two printed cells is a cell of the row (soft: used only when the numbers do not fill it).
    // A pipe row of numbers only (table 四's values) has no label: its leading empty cells are cells.
    if (piped && !cells.some((c) => CJK.test(c))) seenContent = true;
    let lastFilled = cells.length - 1;
    while (lastFilled >= 0 && !cells[lastFilled].trim()) lastFilled--;
    for (let ci = 0; ci < cells.length; ci++) {
      const cell = cells[ci];
      if (!cell.trim()) {
        if (seenContent) out.push({ t: "blank", raw: "", soft: true });
        continue;
      }
      seenContent = true;
      // Space-separated cells: a blank mark is only a blank when it stands alone.
      const parts = cell.split(/\s+/).filter(Boolean);
      if (parts.some((p, i) => BLANK_MARK.test(toHalfWidth(p)) && !(p === "无" && LABEL_AFTER_WU.test(parts[i + 1] ?? "")))) {
        for (const p of parts) tokenizePiece(p, out);
      } else {
        tokenizePiece(cell, out);
      }
    }
    for (let i = before; i < out.length; i++) {
      const t = out[i];
      if (t.t === "num" || (t.t === "blank" && !t.soft)) t.line = lineNo;
    }
    // A page number printed bare (4, not - 4 -) cannot be told from a cell by its look; the
    // readers drop it only where the row counts show one number too many.
    const only = out.length === before + 1 ? out[before] : null;
    if (only && only.t === "num" && /^\s*\d{1,3}\s*$/.test(line) && atPageBreak(lineNo)) only.pageEdge = true;
  }
  return out;
}

/**
 * Real tables: every origin cell is one cell of the report, so an empty one is a blank
 * (null) and a number spanning several columns is still one value. Rows end with eol.
 */
export function tokenizeGrids(grids: Grid[]): Token[] {
  const out: Token[] = [];
  for (const grid of grids) {
    for (const row of grid) {
      for (const cell of row) {
        if (!cell.origin) continue;
        const text = cell.text.trim();
        if (!text) {
          out.push({ t: "blank", raw: "" });
          continue;
        }
        const before = out.length;
        tokenizePiece(text, out);
        if (out.length === before) out.push({ t: "blank", raw: text });
      }
      out.push({ t: "eol" });
    }
  }
  return out;
}
