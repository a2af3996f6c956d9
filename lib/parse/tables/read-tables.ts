/**
 * The report's three tables → canonical values (every key of the detected format).
 * Works on the token stream of any layout: real table grids, PDF/Word text, Markdown,
 * column-major PDF text and flattened page text with glued digits.
 */
import { checkReport } from "../../report/relations";
import { keysForFormat, REVIEW_GROUPS, REVIEW_RESULTS, type ReportFormat, type ReportValues } from "../../report/catalog";
import type { ExtractedDocument } from "../extract/types";
import { splitRuns, type Cell, type Reading } from "./digit-split";
import { detectFormat } from "./format";
import { makeGroups, type Group } from "./groups";
import { activeRows, applicationRows, fieldKey, findRowMentions, fuzzyRow, type RowDef } from "./labels";
import { normalizeLabel, toHalfWidth } from "./normalize";
import { scoreReading, sumsToTotal, type ScoreContext } from "./score-readings";
import { tokenizeGrids, tokenizeText, type Token, type ValueToken } from "./tokens";

export interface TablesResult {
  format: ReportFormat;
  values: ReportValues;
  warnings: string[];
  /** How much of the tables was found, to tell a report from anything else. */
  found: { activeRows: number; appRows: number; review: boolean };
}

/**
 * How willing each applicant column is to be empty when cells were lost: natural persons and
 * businesses almost always print, research and public-interest bodies rarely; a blank total is
 * common for the outcome rows. (natural, business, research, nonprofit, legal, other, total)
 */
const NULL_PREFERENCE = [0, 1, 5, 4, 2, 3, 3.5];

/** Words of the tables' column headers: a label ending in them names no row. */
const HEADER_WORDS = /自然人|法人或其他组织|商业企业|科研机构|公益组织|服务机构|申请人情况|信息内容|其他$|总计$|结果维持|尚未审结/;

/** Column-header words that end a header cell: what follows them is the next row's label. */
const HEADER_CELL_END = /自然人|法人或其他组织|商业企业|科研机构|公益组织|服务机构|申请人情况|信息内容|结果维持|尚未审结|数量|件数|增\/?减|金额(?:\(单位:?万?元\)|\(万?元\))?/g;

function labelAfterHeaders(label: string): string {
  let end = 0;
  for (const m of label.matchAll(HEADER_CELL_END)) end = m.index + m[0].length;
  return end > 0 && end < label.length ? label.slice(end) : label;
}

/** Beyond this a "number" is a glued run that could not be read, not a count or an amount. */
const MAX_CELL = 1e13;

const REVIEW_KEYS: string[] = REVIEW_GROUPS.flatMap((g) => REVIEW_RESULTS.map((r) => `${g.key}.${r.key}`));

interface RowOutcome {
  row: RowDef;
  /** Readings that fit the row's hard rules, best first (only kept when several fit). */
  alternatives: Reading[];
  raw: string;
  /** False when the printed numbers could not fill the row (a later printing may). */
  complete: boolean;
}

/** The part of a text that holds the tables: from 第二十条（一） to 五、存在的主要问题. */
export function tableRegion(text: string): { start: number; end: number } {
  const t = text;
  // Specific anchors first; a heading also named in the introduction only counts where a
  // table row follows it closely.
  const anchors: Array<[RegExp, RegExp | null]> = [
    [/第\s*二\s*十\s*条\s*第\s*[（(]\s*一\s*[)）]\s*项/g, null],
    [/第\s*二\s*十\s*条\s*第/g, null],
    [/信息内容/g, /规章|规范性文件/],
    [/主动公开政府信息情况/g, /规章|规范性文件|信息内容/],
    [/收到和处理政府信息公开申请/g, /本年新收|申请人情况/],
  ];
  let start = -1;
  for (const [a, near] of anchors) {
    a.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = a.exec(t)) !== null) {
      if (!near || near.test(t.slice(m.index, m.index + 400))) {
        start = m.index;
        break;
      }
    }
    if (start >= 0) break;
  }
  if (start < 0) start = 0;
  const endRe = /存在的主要问题|五\s*[、.．]\s*(?:政府信息公开工作)?存在/g;
  endRe.lastIndex = start;
  // The end must come after table 四's heading when there is one (titles can mention 问题 earlier).
  const t4 = /行政复议|行政法复议/.exec(t.slice(start));
  const from = t4 ? start + t4.index : start;
  endRe.lastIndex = from;
  const m = endRe.exec(t);
  return { start, end: m ? m.index : t.length };
}

function numberOf(t: ValueToken): number | null {
  if (t.t === "blank") return null;
  const v = Number(t.frac ? `${t.int}.${t.frac}` : t.int);
  return t.neg && v !== 0 ? -v : v;
}

/**
 * Drops or keeps the soft blanks (empty tab cells) of a row: the printed numbers alone when
 * they fill the row, else the cell sequence with its padding trimmed to the row's width.
 */
export function resolveSoftBlanks(vals: readonly ValueToken[], k: number): ValueToken[] {
  const hard = vals.filter((v) => !(v.t === "blank" && v.soft));
  if (hard.length === vals.length || hard.length >= k) return hard;
  // Printed zeros only, fewer than the cells: the row is zeros (a lost cell), whatever padding
  // (a label's merged cells) stands beside them.
  // An empty cell printed between two cells is a cell of the row, zeros or not.
  const isSoft = (v: ValueToken) => v.t === "blank" && Boolean((v as { soft?: boolean }).soft);
  const firstHard = vals.findIndex((v) => !isSoft(v));
  const lastHard = vals.length - 1 - [...vals].reverse().findIndex((v) => !isSoft(v));
  const interiorEmpty = vals.some((v, i) => isSoft(v) && i > firstHard && i < lastHard);
  // …and so is an empty last cell of a row printed exactly as wide as the table (`行政事业性收费 | 0 | |`).
  const emptyLastCell = vals.length === k && firstHard === 0 && lastHard < k - 1;
  if (!interiorEmpty && !emptyLastCell && hard.length > 0 && hard.every((v) => v.t === "num" && v.int === "0" && !v.frac)) return hard;
  let seq = vals.slice();
  while (seq.length > k && seq[seq.length - 1].t === "blank" && (seq[seq.length - 1] as { soft?: boolean }).soft) seq.pop();
  while (seq.length > k && seq[0].t === "blank" && (seq[0] as { soft?: boolean }).soft) seq.shift();
  if (seq.length === k) return seq;
  return hard;
}

function rawOf(vals: readonly ValueToken[]): string {
  return vals.map((v) => (v.t === "blank" ? v.raw || "∅" : v.raw)).join(" ");
}

function fmtCells(cells: Cell[]): string {
  return cells.map((c) => (c === null ? "null" : String(c))).join("/");
}

class TableReader {
  readonly values: ReportValues = {};
  readonly warnings: string[] = [];
  readonly outcomes = new Map<string, RowOutcome>();
  /** Unit named by the money column's header (采购总金额（元）), when the cells print none. */
  moneyHeaderUnit: string | null = null;
  /** Where an extra 合计 column stands in table 三's rows, once a row has shown it unambiguously. */
  appsSubtotalAt: number | null = null;
  activeFound = 0;
  appsFound = 0;
  review = false;

  constructor(
    readonly format: ReportFormat,
    readonly ctx: ScoreContext,
  ) {
    for (const k of keysForFormat(format)) this.values[k] = null;
  }

  private setRow(row: RowDef, cells: Cell[], units: Array<string | null>): void {
    row.cells.forEach((cell, i) => {
      let v = cells[i] ?? null;
      const key = fieldKey(row, cell);
      if (v !== null && !(Math.abs(v) <= MAX_CELL)) {
        this.warnings.push(`${key}: printed number too large to be a count or an amount (${String(v).slice(0, 24)}…); left empty`);
        v = null;
      }
      // Money is kept in 万元; a figure printed in 元 (by its cell or its column header) is converted.
      const isMoney = key === "active.procurement.amount" || key === "active.fees";
      const unit = units[i] ?? (isMoney ? this.moneyHeaderUnit : null);
      const toWan = unit === "元" ? 1e-4 : unit === "亿" || unit === "亿元" ? 1e4 : 1;
      if (v !== null && isMoney && toWan !== 1) {
        v = Math.round(v * toWan * 1e8) / 1e8;
        if (!units[i]) this.warnings.push(`${key}: the column header gives the amount in ${unit}; converted to 万元`);
      } else if (v !== null && !isMoney && (unit === "万" || unit === "亿")) {
        // A count printed with a magnitude (1.2万 decisions) is the whole number it names.
        v = Math.round(v * (unit === "万" ? 1e4 : 1e8));
      }
      this.values[key] = v;
    });
    if (row.key.startsWith("apps.")) this.appsFound++;
    else this.activeFound++;
  }

  /** All printed numbers are zero but fewer than the cells: the row is zeros (OCR drops cells). */
  private fillZeroRow(row: RowDef, vals: readonly ValueToken[]): boolean {
    const k = row.cells.length;
    const nums = vals.filter((v) => v.t === "num");
    if (nums.length === 0 || vals.length >= k || !nums.every((v) => numberOf(v) === 0)) return false;
    this.warnings.push(`${row.key}: ${vals.length} numbers for ${k} cells; all zero, read as zeros`);
    this.setRow(row, new Array(k).fill(0), new Array(k).fill(null));
    return true;
  }

  /**
   * Separate numbers fewer than the applicant cells (empty cells lost in PDF text): where do
   * the blanks go? A placement whose six columns add up to the printed total wins; otherwise
   * blanks go to the total and the rarer kinds of applicant first.
   */
  private placeApplicantCells(vals: readonly ValueToken[]): { cells: Cell[]; verified: boolean; count: number } | null {
    const k = 7;
    const n = vals.length;
    if (n === 0 || n >= k) return null;
    const nums = vals.map(numberOf);
    let best: { cells: Cell[]; verified: boolean; score: number } | null = null;
    let bestCount = 0;
    const positions: number[] = [];
    const visit = (from: number): void => {
      if (positions.length === n) {
        const cells: Cell[] = new Array(k).fill(null);
        positions.forEach((p, i) => (cells[p] = nums[i]));
        const totalPrinted = cells[k - 1] !== null;
        const verified = totalPrinted && sumsToTotal(cells);
        let score = verified ? 100 : totalPrinted ? -100 : 0;
        for (let c = 0; c < k; c++) if (cells[c] === null) score += NULL_PREFERENCE[c];
        if (!best || score > best.score) {
          best = { cells, verified, score };
          bestCount = 1;
        } else if (score === best.score) bestCount++;
        return;
      }
      for (let p = from; p <= k - (n - positions.length); p++) {
        positions.push(p);
        visit(p + 1);
        positions.pop();
      }
    };
    visit(0);
    if (!best) return null;
    const chosen = best as { cells: Cell[]; verified: boolean; score: number };
    return { cells: chosen.cells, verified: chosen.verified, count: bestCount };
  }

  /** Whether these printed values can fill the row (exactly, or by cutting digit runs). */
  private fills(row: RowDef, vals: readonly ValueToken[]): boolean {
    const k = row.cells.length;
    if (vals.length >= k) return true;
    return splitRuns(vals, k, { budget: 20_000, maxReadings: 1 }).readings.length > 0;
  }

  /** Reads one row's printed values into exactly its number of cells. */
  assign(row: RowDef, printed: readonly ValueToken[]): void {
    const vals = resolveSoftBlanks(printed, row.cells.length);
    const earlier = this.outcomes.get(row.key);
    if (earlier) {
      // A first reading of only empty cells gives way to one with numbers.
      const earlierEmpty = row.cells.every((c) => this.values[fieldKey(row, c)] === null);
      if ((earlier.complete && !(earlierEmpty && vals.some((v) => v.t === "num"))) || !this.fills(row, vals)) {
        this.warnings.push(`${row.key}: printed twice; kept the first (${earlier.raw}), ignored ${rawOf(vals)}`);
        return;
      }
      this.warnings.push(
        earlier.complete
          ? `${row.key}: printed twice; the first (${earlier.raw}) has only empty cells, read the later ${rawOf(vals)}`
          : `${row.key}: the first numbers found (${earlier.raw}) did not fill the row; read the later ${rawOf(vals)}`,
      );
      this.outcomes.delete(row.key);
      if (row.key.startsWith("apps.")) this.appsFound--;
      else this.activeFound--;
    }
    const k = row.cells.length;
    const raw = rawOf(vals);
    const outcome: RowOutcome = { row, alternatives: [], raw, complete: true };
    this.outcomes.set(row.key, outcome);
    if (vals.length === k) {
      let cells = vals;
      // 总计 printed as the first column: the row adds up only with its first cell moved last.
      if (row.kind === "apps" && !sumsToTotal(vals.map(numberOf)) && sumsToTotal([...vals.slice(1), vals[0]].map(numberOf))) {
        cells = [...vals.slice(1), vals[0]];
        this.warnings.push(`${row.key}: the row adds up only with its first cell as the total (总计 printed first); read ${rawOf(cells)}`);
      }
      this.setRow(
        row,
        cells.map(numberOf),
        cells.map((v) => (v.t === "num" ? v.unit : null)),
      );
      return;
    }
    if (vals.length === k + 1 && row.kind === "apps") {
      // An extra 合计/小计 column: the one cell that is the sum of the legal-person columns left
      // when it is taken out, where the rest adds up. Rows that cannot tell follow earlier rows.
      const nums = vals.map(numberOf);
      const subtotalAt = [1, 6].filter((j) => {
        const rest = nums.filter((_, i) => i !== j);
        const legal = rest.slice(1, 6).reduce<number>((a, b) => a + (b ?? 0), 0);
        return nums[j] !== null && sumsToTotal(rest) && Math.abs((nums[j] as number) - legal) < 1e-9;
      });
      if (subtotalAt.length > 0) {
        const j = subtotalAt.length === 1 ? subtotalAt[0] : subtotalAt.includes(this.appsSubtotalAt ?? -1) ? this.appsSubtotalAt! : 6;
        if (subtotalAt.length === 1 && nums.some((n, i) => i !== j && n !== nums[j])) this.appsSubtotalAt = j;
        const cells = vals.filter((_, i) => i !== j);
        this.warnings.push(`${row.key}: ${vals.length} numbers for ${k} cells (${raw}); cell ${j + 1} is the legal persons' subtotal (合计), left out`);
        this.setRow(row, cells.map(numberOf), cells.map((v) => (v.t === "num" ? v.unit : null)));
        return;
      }
    }
    if (vals.length > k) {
      // A stray number (page number, footnote mark) beside the row: keep the run of k cells
      // that adds up when there is one, else the first k.
      let at = 0;
      if (row.kind === "apps") {
        for (let i = 0; i + k <= vals.length; i++) {
          if (sumsToTotal(vals.slice(i, i + k).map(numberOf))) {
            at = i;
            break;
          }
        }
      }
      this.warnings.push(`${row.key}: ${vals.length} numbers for ${k} cells (${raw}); read cells ${at + 1}–${at + k}`);
      const first = vals.slice(at, at + k);
      this.setRow(row, first.map(numberOf), first.map((v) => (v.t === "num" ? v.unit : null)));
      return;
    }
    const glued = looksGlued(vals, k);
    if (!glued && this.fillZeroRow(row, vals)) return;
    // Applicant rows: readings whose six columns add up to the total first (cheap even for
    // long runs); only when none does, every reading, to find the nearest miss.
    const constrained = row.kind === "apps" ? splitRuns(vals, k, { totals: [{ at: 6, from: 0 }] }) : null;
    const fitsByCutting = constrained !== null && constrained.readings.some((r) => sumsToTotal(r.cells));
    // Separate, well-formed numbers fewer than the cells: empty cells were lost (PDF text) more
    // likely than digits glued, unless only a cut adds up.
    if (row.kind === "apps" && !glued) {
      const placed = this.placeApplicantCells(vals);
      if (placed && (placed.verified || !fitsByCutting)) {
        this.warnings.push(
          `${row.key}: ${vals.length} numbers for ${k} cells (${raw}); empty cells assumed, read as ${fmtCells(placed.cells)}${
            placed.verified ? " (the columns add up to the total" : " (the total is empty, so unchecked"
          }${placed.count > 1 ? `; ${placed.count} placements equally likely, the usual applicant mix chosen)` : ")"}`,
        );
        this.setRow(row, placed.cells, new Array(k).fill(null));
        return;
      }
    }
    const { readings, truncated } = constrained && constrained.readings.length > 0 ? constrained : splitRuns(vals, k);
    if (readings.length > 0) {
      const scored = readings
        // An amount's unit named only by its column header (采购总金额（元）) weighs the same as one printed in the cell.
        .map((r) => ({
          r,
          s: scoreReading(row.kind, row.kind === "procurement" && !r.units[1] && this.moneyHeaderUnit ? { ...r, units: [r.units[0], this.moneyHeaderUnit] } : r, this.ctx),
        }))
        .sort((a, b) => a.s - b.s);
      const best = scored[0];
      this.setRow(row, best.r.cells, best.r.units);
      const fitting = row.kind === "apps" ? scored.filter((x) => sumsToTotal(x.r.cells)) : scored;
      if (row.kind === "apps" && fitting.length === 0) {
        // Let the column relations choose among the nearest misses.
        if (scored.length > 1) outcome.alternatives = scored.slice(0, 24).map((x) => x.r);
        this.warnings.push(
          `${row.key}: digit run "${raw}" has no reading whose applicant columns add up to the total; read ${fmtCells(best.r.cells)}`,
        );
      } else if (fitting.length > 1) {
        outcome.alternatives = fitting.slice(0, 24).map((x) => x.r);
        const shown = fitting.slice(0, 4).map((x) => fmtCells(x.r.cells));
        this.warnings.push(
          `${row.key}: digit run "${raw}" allows ${fitting.length}${truncated ? "+" : ""} readings (${shown.join("; ")}${
            fitting.length > 4 ? "; …" : ""
          }); chose ${fmtCells(best.r.cells)} as ${reasonFor(row.kind, best.r.cells, this.ctx)}`,
        );
      } else if (best.r.cells.some((c) => c !== null && Math.abs(c) >= 10)) {
        // Only worth saying when a multi-digit cell was cut out of the run.
        this.warnings.push(`${row.key}: digit run "${raw}" read as ${fmtCells(best.r.cells)} (the only reading that fits)`);
      }
      return;
    }
    if (this.fillZeroRow(row, vals)) return;
    outcome.complete = false;
    this.warnings.push(`${row.key}: ${vals.length} numbers for ${k} cells (${raw}); cells left empty`);
    if (row.key.startsWith("apps.")) this.appsFound++;
    else this.activeFound++;
  }

  /** Table 二 or 三: each group's label names the row(s) its numbers belong to. */
  readRows(groups: readonly Group[], rows: readonly RowDef[], allowFallback: boolean): void {
    let pending: RowDef[] = [];
    let lastIndex = -1;
    // Numbers under a label naming no row, kept for one group: PDF text prints a wrapped label's
    // numbers on its first line, so the row's words may come only after them.
    let orphan: readonly ValueToken[] | null = null;
    for (const printed of groups) {
      let g = printed;
      const orphanBefore = orphan;
      orphan = null;
      if (/金额/.test(g.label)) this.moneyHeaderUnit = /金额[^万亿]{0,8}万元/.test(g.label) ? "万元" : /金额[^万亿]{0,8}亿元/.test(g.label) ? "亿元" : /金额[^万亿]{0,8}元/.test(g.label) ? "元" : null;

      // A row already read, named with more label text after it: the tail of that row's label
      // wrapped under its numbers (PDF text), not the row again.
      const found = findRowMentions(g.label, rows, g.pieceStarts);
      const lastFound = found[found.length - 1];
      let mentioned = found
        .filter((m) => !(this.outcomes.get(m.row.key)?.complete && m.end < g.label.length - 1))
        // （六）其他处理 followed by its first item's words (1.申请人…, cut by a wrap): a group title.
        .filter((m) => !(m === lastFound && m.row.key === "apps.other.combined" && m.end < g.label.length - 1))
        .map((m) => m.row);
      if (mentioned.some((r) => /^apps\.other\.(no_correction|no_fee|misc)$/.test(r.key))) {
        mentioned = mentioned.filter((r) => r.key !== "apps.other.combined");
      }
      g = this.withoutPageNumber(g, [...pending, ...mentioned]);
      const hasNumber = g.values.some((v) => v.t === "num");
      const hardCount = g.values.filter((v) => !(v.t === "blank" && v.soft)).length;
      if (g.values.length === 0) {
        // Rows named without numbers: column-major text prints the numbers later.
        if (mentioned.length > 0) pending = mentioned.filter((r) => !this.outcomes.has(r.key));
        continue;
      }
      const own = labelAfterHeaders(g.label);
      // An enumerated label (2.其他…) is a row even when cut after a header-like word, and its
      // row of blank marks (/ / /) is a row of empty cells.
      // (The enumerator may follow the wrapped tail of the previous row's label.)
      const enumerated = /(?:^|\D)\d{1,2}[.、](?=[\u3400-\u9fff])|(?<!第)\([一二三四五六七]\)(?!项)|^[一二三四]、/.test(own);
      if (!hasNumber && mentioned.length === 0 && !(allowFallback && enumerated)) continue;
      if (orphanBefore && mentioned.length >= 2 && !this.outcomes.has(mentioned[0].key)) {
        const first = mentioned[0];
        this.warnings.push(`${first.key}: its numbers (${rawOf(orphanBefore)}) are printed before the end of its wrapped label`);
        this.assign(first, orphanBefore);
        lastIndex = Math.max(lastIndex, rows.indexOf(first));
        mentioned = mentioned.slice(1);
      }
      // A group title printed with numbers ((三)不予公开 | 5 | …): a subtotal of the items that
      // follow, not a row of the template.
      if (mentioned.length === 0 && allowFallback && /^(?:\([三四五]\))?(?:不予公开|无法提供|不予处理)$/.test(own)) {
        if (hasNumber) this.warnings.push(`apps: "${own}" printed with numbers (${rawOf(g.values)}), a subtotal of its items; not a row of the template, ignored`);
        continue;
      }
      if (mentioned.length === 0) {
        if (pending.length > 0) {
          this.assignMany(pending, g.values);
          pending = [];
          continue;
        }
        // Header rows (sometimes with column numbers 1…7 under them) are not data rows; a header
        // glued before an unrecognised row label is not part of it.
        // Before the first row is recognised, only a table heading (信息内容, 第二十条) makes an
        // unknown label a row: a page's own tables (索引号, 发布日期, 浏览次数) come first.
        // A sentence (其中自然人申请20件,…) is never a row.
        const sentence = /[,;%]/.test(g.label.slice(-40)) && !/区分处理/.test(g.label);
        const inTable = !sentence && (lastIndex >= 0 || /信息内容|第二十条|申请人情况|自然人/.test(g.label));
        if (allowFallback && inTable && (enumerated || !HEADER_WORDS.test(own.slice(-40)))) {
          const fuzzy = fuzzyRow(own, rows);
          // Rows come in the template's order: a weak likeness far ahead of the reading position
          // (其他法… cut from 2.其他法律… resembling 3.其他) is not evidence enough.
          const ahead = fuzzy ? rows.slice(lastIndex + 1, rows.indexOf(fuzzy.row)).filter((r) => !this.outcomes.has(r.key)).length : 0;
          const inOrder = fuzzy !== null && rows.indexOf(fuzzy.row) > lastIndex && (fuzzy.score >= 0.75 || ahead <= 2);
          if (fuzzy && inOrder && !this.outcomes.has(fuzzy.row.key) && (hasNumber || enumerated)) {
            this.warnings.push(
              `${fuzzy.row.key}: label "${g.label.slice(-24)}" read as "${fuzzy.row.labelZh}" (similar wording, ${Math.round(fuzzy.score * 100)}%)`,
            );
            this.assign(fuzzy.row, g.values);
            lastIndex = Math.max(lastIndex, rows.indexOf(fuzzy.row));
            continue;
          }
          const next = rows.slice(lastIndex + 1).find((r) => !this.outcomes.has(r.key) && r.key !== "apps.other.combined");
          if (next && resolveSoftBlanks(g.values, next.cells.length).length === next.cells.length && (hasNumber || enumerated)) {
            this.warnings.push(`${next.key}: label "${g.label.slice(-24)}" not recognised; read as the next row by position`);
            this.assign(next, g.values);
            lastIndex = rows.indexOf(next);
            continue;
          }
        }
        // Column numbers printed under the headers (1 2 … 7) belong to no row.
        const columnNumbers = g.values.length >= 5 && g.values.every((v, i) => v.t === "num" && v.int === String(i + 1) && !v.frac);
        if (hasNumber && inTable && !columnNumbers) orphan = g.values;
        continue;
      }
      // Rows named on an earlier page whose numbers did not fit there come first.
      const carried = pending.filter((r) => !mentioned.includes(r) && !this.outcomes.has(r.key));
      pending = [];
      const last = mentioned[mentioned.length - 1];
      if (carried.length === 0 && (mentioned.length === 1 || hardCount === last.cells.length || resolveSoftBlanks(g.values, last.cells.length).length === last.cells.length)) {
        this.assign(last, g.values);
        lastIndex = Math.max(lastIndex, rows.indexOf(last));
        continue;
      }
      // Several rows named, then their numbers: column-major (pdfminer-style) text.
      const open = [...carried, ...mentioned.filter((r) => !this.outcomes.has(r.key))];
      let sum = 0;
      let taken = -1;
      for (let i = 0; i < open.length; i++) {
        sum += open[i].cells.length;
        if (sum === hardCount && i >= 1) {
          taken = i;
          break;
        }
      }
      if (taken >= 1) {
        this.assignColumnMajor(open.slice(0, taken + 1), g.values);
        pending = open.slice(taken + 1);
        lastIndex = Math.max(lastIndex, rows.indexOf(open[taken]));
      } else {
        this.assign(last, g.values);
        lastIndex = Math.max(lastIndex, rows.indexOf(last));
      }
    }
  }

  /**
   * A bare page number among a group's numbers (a lone number at a page break): dropped when the
   * rows the numbers are for fit without it and not with it.
   */
  private withoutPageNumber(g: Group, named: readonly RowDef[]): Group {
    const edge = g.values.findIndex((v) => v.t === "num" && v.pageEdge);
    if (edge < 0) return g;
    const open = named.filter((r) => !this.outcomes.has(r.key));
    if (open.length === 0) return g;
    const hard = (vs: readonly ValueToken[]) => vs.filter((v) => !(v.t === "blank" && v.soft)).length;
    const fits = (n: number) => {
      let sum = 0;
      for (const r of open) {
        sum += r.cells.length;
        if (sum === n) return true;
      }
      return false;
    };
    const without = g.values.filter((_, i) => i !== edge);
    if (fits(hard(g.values)) || !fits(hard(without))) return g;
    this.warnings.push(`${open[0].key}: a lone ${rawOf([g.values[edge]])} at a page break read as a page number, not a cell`);
    return { ...g, values: without };
  }

  private assignMany(rowsToFill: RowDef[], vals: readonly ValueToken[]): void {
    const total = rowsToFill.reduce((a, r) => a + r.cells.length, 0);
    if (rowsToFill.length > 1 && total === vals.length) this.assignColumnMajor(rowsToFill, vals);
    else this.assign(rowsToFill[0], vals);
  }

  /** Numbers printed column by column for rows with the same cells. */
  private assignColumnMajor(rowsToFill: RowDef[], vals: readonly ValueToken[]): void {
    const widths = new Set(rowsToFill.map((r) => r.cells.length));
    if (widths.size !== 1) {
      // Different widths cannot interleave; read row by row.
      let at = 0;
      for (const r of rowsToFill) {
        this.assign(r, vals.slice(at, at + r.cells.length));
        at += r.cells.length;
      }
      return;
    }
    const width = rowsToFill[0].cells.length;
    const n = rowsToFill.length;
    const byColumn = rowsToFill.map((_, i) => Array.from({ length: width }, (_, c) => vals[c * n + i]));
    const byRow = rowsToFill.map((_, i) => vals.slice(i * width, (i + 1) * width));
    // Text boxes usually hold a column, sometimes a row: the order whose rows add up (or look
    // plausible) wins; column order on a tie, as PDF text boxes usually hold columns.
    // Only applicant rows carry strong evidence (their sums); table 二's cells have none.
    const plausibility = (rowsVals: ValueToken[][]) =>
      rowsVals.reduce((acc, rv, i) => acc + (rowsToFill[i].kind === "apps" && sumsToTotal(rv.map(numberOf)) ? 1 : 0), 0);
    // Layout evidence first: numbers printed one row per line, or one column per line.
    const lines = new Map<number, number>();
    for (const v of vals) if (v.line !== undefined) lines.set(v.line, (lines.get(v.line) ?? 0) + 1);
    const perLine = [...lines.values()];
    const allOnLines = perLine.reduce((a, b) => a + b, 0) === vals.length;
    const rowLines = allOnLines && perLine.length === n && perLine.every((c) => c === width);
    const columnLines = allOnLines && perLine.length === width && perLine.every((c) => c === n);
    const columnOrder = rowLines && !columnLines ? false : columnLines ? true : plausibility(byColumn) >= plausibility(byRow);
    const chosen = columnOrder ? byColumn : byRow;
    rowsToFill.forEach((r, i) => this.assign(r, chosen[i]));
    if (width === 1) return;
    this.warnings.push(
      `${rowsToFill[0].key} … ${rowsToFill[n - 1].key}: ${n} rows named before their numbers; read ${
        columnOrder ? "column by column" : "row by row"
      } (${n} rows × ${width} columns)`,
    );
  }

  /** Table 四: fifteen numbers after its heading, possibly over several small tables. */
  readReview(allGroups: readonly Group[]): void {
    // Numbers in a sentence before the table (共发生行政复议案件2件) are not cells: start at the
    // group whose label holds the table's column headers, when there is one.
    const header = allGroups.findIndex((g) => /维持|纠正|审结|其他结果/.test(g.label) && g.values.some((v) => v.t === "num"));
    const groups = header > 0 ? allGroups.slice(header) : allGroups;
    if (this.readTransposedReview(groups)) return;
    const vals: ValueToken[] = [];
    const first = groups.findIndex((g) => g.values.some((v) => v.t === "num"));
    const rowGroups = first >= 0 ? this.reviewRowsByGroup(groups, first) : null;
    if (rowGroups) vals.push(...rowGroups);
    else {
      for (const g of groups) {
        if (vals.length === 0 && !g.values.some((v) => v.t === "num")) continue;
        // A sentence after the table (本年度发生行政复议案件2件。) ends it.
        if (vals.length > 0 && (/[。，,;；]/.test(g.label) || g.values.some((v) => v.t === "num" && v.unit !== null))) break;
        vals.push(...g.values);
        if (vals.length >= 15) break;
      }
    }
    if (vals.length > 15 && vals.some((v) => v.t === "num" && v.pageEdge)) {
      const kept = vals.filter((v) => !(v.t === "num" && v.pageEdge));
      this.warnings.push(`review: a lone number at a page break read as a page number, not a cell`);
      vals.length = 0;
      vals.push(...kept);
    }
    if (vals.length === 0) return;
    this.review = true;
    const resolved = resolveSoftBlanks(vals, 15);
    vals.length = 0;
    vals.push(...resolved);
    let cells: Cell[] | null = null;
    if (vals.length >= 15) {
      if (vals.length > 15) this.warnings.push(`review: ${vals.length} numbers for 15 cells; read the first 15`);
      cells = vals.slice(0, 15).map(numberOf);
    } else if (!looksGlued(vals, 15) && vals.every((v) => v.t === "num" && numberOf(v) === 0)) {
      this.warnings.push(`review: ${vals.length} numbers for 15 cells; all zero, read as zeros`);
      cells = new Array(15).fill(0);
    } else if (!looksGlued(vals, 15) && vals.length > 1 && (cells = placeReviewCells(vals))) {
      this.warnings.push(
        `review: ${vals.length} numbers for 15 cells (${rawOf(vals)}); empty cells assumed, read as ${fmtCells(cells)} (each printed group adds up; blanks put where results are rarest)`,
      );
    } else {
      // Each group's total is the sum of its four results: search with as many of the three
      // groups adding up as the printed digits allow.
      const groupOk = (c: Cell[]) =>
        [0, 5, 10].filter((o) => sumsToTotal(c.slice(o, o + 5))).length;
      const groups = [0, 5, 10].map((o) => ({ at: o + 4, from: o }));
      const subsets = [7, 3, 5, 6, 1, 2, 4, 0].map((mask) => groups.filter((_, i) => mask & (1 << i)));
      let readings: Reading[] = [];
      for (const totals of subsets) {
        readings = splitRuns(vals, 15, { totals, budget: 50_000 }).readings;
        if (readings.length > 0) break;
      }
      const sorted = readings
        .map((r) => ({ r, s: groupOk(r.cells) - lengthPenalty(r.cells) }))
        .sort((a, b) => b.s - a.s);
      if (sorted.length > 0) {
        cells = sorted[0].r.cells;
        const best = sorted.filter((x) => groupOk(x.r.cells) === groupOk(sorted[0].r.cells));
        if (best.length > 1) {
          this.warnings.push(
            `review: digit run "${rawOf(vals)}" allows ${best.length} readings; chose ${fmtCells(cells)} (totals add up in ${groupOk(cells)} of 3 groups; cells of similar width)`,
          );
        } else if (cells.some((c) => c !== null && Math.abs(c) >= 10)) {
          this.warnings.push(`review: digit run "${rawOf(vals)}" read as ${fmtCells(cells)}`);
        }
      } else if (vals.every((v) => v.t === "blank" || numberOf(v) === 0)) {
        this.warnings.push(`review: ${vals.length} numbers for 15 cells; all zero, read as zeros`);
        cells = new Array(15).fill(0);
      } else {
        this.warnings.push(`review: ${vals.length} numbers for 15 cells (${rawOf(vals)}); cells left empty`);
      }
    }
    if (cells) REVIEW_KEYS.forEach((k, i) => (this.values[k] = cells![i] !== null && Math.abs(cells![i]!) <= MAX_CELL ? cells![i] : null));
  }

  /**
   * Table 四 printed one row per group (行政复议 | 5 cells, then 行政诉讼 | 10 cells, or one row
   * for each lawsuit kind): inside one real table the shorter rows are padded with empty cells
   * up to the table's width, which are not cells of the report. Null when not laid out so.
   */
  private reviewRowsByGroup(groups: readonly Group[], first: number): ValueToken[] | null {
    const isPadding = (v: ValueToken) => v.t === "blank" && v.raw === "" && !v.soft;
    const trim = (p: readonly ValueToken[]) => {
      let end = p.length;
      while (end > 0 && isPadding(p[end - 1])) end--;
      return p.slice(0, end);
    };
    const parts: ValueToken[][] = [groups[first].values.slice()];
    let core = trim(parts[0]).length;
    for (let j = first + 1; j < groups.length && core < 15; j++) {
      const g = groups[j];
      if (!/诉讼|起诉/.test(g.label) || !g.values.some((v) => v.t === "num")) break;
      parts.push(g.values.slice());
      core += trim(g.values).length;
    }
    if (parts.length < 2) return null;
    const out = parts.slice(0, -1).flatMap(trim);
    const last = parts[parts.length - 1];
    // The last row keeps its empty cells up to the fifteen (a whole group may be blank).
    out.push(...last.slice(0, Math.max(trim(last).length, 15 - out.length)));
    return out.length >= 15 ? out : null;
  }

  /**
   * Table 四 printed the other way round: one row per result (结果维持 … 总计), each with the
   * three groups' numbers (复议, 直接起诉, 复议后起诉).
   */
  private readTransposedReview(groups: readonly Group[]): boolean {
    const results: Array<[string, RegExp]> = [
      ["upheld", /维持$/],
      ["corrected", /纠正$/],
      ["other", /其他(结果)?$/],
      ["pending", /(尚未|未)审结$/],
      ["total", /总[计记]$/],
    ];
    const found = new Map<string, ValueToken[]>();
    for (const g of groups.slice(0, 8)) {
      const hard = g.values.filter((v) => !(v.t === "blank" && v.soft));
      const hit = results.find(([, re]) => re.test(g.label));
      if (!hit || hard.length !== 3 || found.has(hit[0])) continue;
      found.set(hit[0], hard);
    }
    if (found.size < 4) return false;
    this.review = true;
    const order = ["review", "litigation.direct", "litigation.after_review"];
    for (const [key] of results) {
      const vals = found.get(key);
      order.forEach((g, i) => (this.values[`${g}.${key}`] = vals ? numberOf(vals[i]) : null));
    }
    this.warnings.push("review: table 四 is printed with one row per result and one column per group; read accordingly");
    return true;
  }

  /** Where glued digits allowed several readings, prefer the one the column relations confirm. */
  resolveWithColumns(): void {
    const ambiguous = [...this.outcomes.values()].filter((o) => o.alternatives.length > 1 && o.row.kind === "apps");
    if (ambiguous.length === 0) return;
    const okCount = () => checkReport(this.format, this.values).filter((c) => c.ok).length;
    for (let round = 0; round < 2; round++) {
      for (const o of ambiguous) {
        let bestScore = -1;
        let best: Reading | null = null;
        for (const alt of o.alternatives) {
          this.setRowQuiet(o.row, alt);
          const s = okCount();
          if (s > bestScore) {
            bestScore = s;
            best = alt;
          }
        }
        if (best) {
          this.setRowQuiet(o.row, best);
          if (round === 1 && best !== o.alternatives[0]) {
            this.warnings.push(`${o.row.key}: chose ${fmtCells(best.cells)} instead, the reading the column relations confirm`);
          }
        }
      }
    }
  }

  private setRowQuiet(row: RowDef, r: Reading): void {
    row.cells.forEach((cell, i) => (this.values[fieldKey(row, cell)] = r.cells[i] ?? null));
  }

  /** The two shapes of （六）其他处理: map whichever was printed onto the format's keys. */
  reconcileOtherRows(): void {
    const cols = ["natural", "business", "research", "nonprofit", "legal", "other", "total"];
    const combined = this.outcomes.get("apps.other.combined");
    const subs = ["no_correction", "no_fee", "misc"].map((s) => this.outcomes.get(`apps.other.${s}`));
    if (this.format === "2021") {
      if (combined && subs.every((s) => !s)) {
        const vals = cols.map((c) => this.values[`apps.other.combined.${c}`] ?? null);
        const allZero = vals.every((v) => v === 0);
        for (const c of cols) {
          this.values[`apps.other.no_correction.${c}`] = allZero ? 0 : null;
          this.values[`apps.other.no_fee.${c}`] = allZero ? 0 : null;
          this.values[`apps.other.misc.${c}`] = allZero ? 0 : vals[cols.indexOf(c)];
        }
        this.warnings.push(
          allZero
            ? "apps.other: a single （六）其他处理 row is printed (2019 shape) with all zeros; its three 2021 sub-rows read as zeros"
            : "apps.other: a single （六）其他处理 row is printed (2019 shape); its numbers are kept under other.misc, sub-rows 1 and 2 left empty",
        );
      }
      for (const c of cols) delete this.values[`apps.other.combined.${c}`];
    } else {
      if (!combined && subs.some((s) => s)) {
        for (const c of cols) {
          const parts = ["no_correction", "no_fee", "misc"].map((s) => this.values[`apps.other.${s}.${c}`]);
          const any = parts.some((p) => p !== null && p !== undefined);
          this.values[`apps.other.combined.${c}`] = any ? parts.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
        }
        this.warnings.push("apps.other.combined: the 2021 sub-rows of （六）其他处理 are printed; their sum is recorded");
      }
      for (const s of ["no_correction", "no_fee", "misc"]) for (const c of cols) delete this.values[`apps.other.${s}.${c}`];
    }
  }
}

/** A small preference for readings without very wide cells (tie-breaker only). */
function lengthPenalty(cells: Cell[]): number {
  let p = 0;
  for (const c of cells) if (c !== null) p += Math.max(0, String(Math.abs(c)).length - 1) * 1e-3;
  return p;
}

/**
 * Evidence that separate numbers are really glued cells: a multi-digit number with a leading
 * zero (`000023`, `00`), one number alone with at least as many digits as the row has cells,
 * or empty cells printed as marks.
 */
function looksGlued(vals: readonly ValueToken[], k: number): boolean {
  // Blanks printed as marks: the empty cells are all there, so the numbers must be glued.
  if (vals.some((v) => v.t === "blank" && !v.soft)) return true;
  const nums = vals.filter((v): v is Extract<ValueToken, { t: "num" }> => v.t === "num");
  if (nums.some((v) => v.int.length > 1 && v.int.startsWith("0"))) return true;
  return nums.length === 1 && vals.length === 1 && nums[0].int.length >= k;
}

/** How willing each review cell is to be empty (upheld, corrected, other, pending, total). */
const REVIEW_NULL_PREFERENCE = [0, 3, 3, 1, 0.5];

/**
 * Table 四 with empty cells lost: the placement of the printed numbers in which every group
 * with numbers adds up to its total, blanks where results are rarest (and in the later groups).
 * Null when no placement adds up.
 */
function placeReviewCells(vals: readonly ValueToken[]): Cell[] | null {
  const nums = vals.map(numberOf);
  const n = nums.length;
  if (n === 0 || n >= 15) return null;
  let best: Cell[] | null = null;
  let bestScore = -Infinity;
  const positions: number[] = [];
  const visit = (from: number): void => {
    if (positions.length === n) {
      const cells: Cell[] = new Array(15).fill(null);
      positions.forEach((p, i) => (cells[p] = nums[i]));
      let score = 0;
      for (let g = 0; g < 3; g++) {
        const group = cells.slice(g * 5, g * 5 + 5);
        if (group.every((c) => c === null)) {
          score += 1 + g;
          continue;
        }
        if (group[4] === null || !sumsToTotal(group)) return;
        group.forEach((c, i) => c === null && (score += REVIEW_NULL_PREFERENCE[i]));
      }
      if (score > bestScore) {
        bestScore = score;
        best = cells;
      }
      return;
    }
    for (let p = from; p <= 15 - (n - positions.length); p++) {
      positions.push(p);
      visit(p + 1);
      positions.pop();
    }
  };
  visit(0);
  return best;
}

function reasonFor(kind: string, cells: Cell[], ctx: ScoreContext): string {
  switch (kind) {
    case "apps":
      return "its applicant columns add up to the total with the applications under natural persons rather than the rarer organisations";
    case "procurement":
      return "it gives the most usual amount per purchase";
    case "items2019":
    case "fees2019":
      return "it keeps the change within last year's count and the cells of similar width";
    default: {
      const stated = cells.filter((c) => c !== null && Math.abs(c) >= 10 && ctx.narrativeNumbers.has(c));
      return stated.length > 0
        ? `the narrative states ${stated.join(" and ")} and the cells are plausible (in force ≥ issued)`
        : "its cells are of similar width and plausible (in force ≥ issued, total ≥ published)";
    }
  }
}

/**
 * Counts of rules and normative documents the narrative states (集中公开现行有效行政规范性文件
 * 698件, 本年度制发的规范性文件88件): evidence for cutting a glued table 二 run.
 */
function narrativeNumbers(text: string): Set<number> {
  const out = new Set<number>();
  const t = toHalfWidth(text).replace(/\s+/g, "");
  const patterns = [/(?:规章|规范性文件)[^。;；,，]{0,20}?(\d+)[件部个份条]/g, /(\d+)[件部个份条](?:规章|[^。;；]{0,4}规范性文件)/g];
  for (const re of patterns) {
    for (const m of t.matchAll(re)) {
      if (out.size > 200) break;
      out.add(Number(m[1]));
    }
  }
  return out;
}

function readFromTokens(tokens: Token[], gridMode: boolean, narrative: string): TablesResult {
  const groups = makeGroups(tokens, gridMode);
  const verdict = detectFormat(groups.map((g) => g.label).join("|"));
  const format = verdict.format;
  const reader = new TableReader(format, { narrativeNumbers: narrativeNumbers(narrative) });
  if (verdict.guessed) reader.warnings.push("format: the tables print no 2019/2021 column headers; assumed the 2021 format");

  const appRows = applicationRows();
  const isT3Start = (g: Group) => /收到和处理政府信息公开申请|本年新收|新收.{0,6}申请/.test(g.label);
  let t3 = groups.findIndex(isT3Start);
  if (t3 < 0) t3 = groups.findIndex((g) => findRowMentions(g.label, appRows).length > 0 && g.values.length > 0);
  if (t3 < 0) t3 = groups.length;
  let t4 = -1;
  for (let i = Math.max(0, t3); i < groups.length; i++) {
    const l = groups[i].label;
    if (/复议/.test(l) && /诉讼|维持/.test(l)) {
      t4 = i;
      break;
    }
  }
  if (t4 < 0) t4 = groups.length;
  reader.readRows(groups.slice(0, t3), activeRows(format), true);
  reader.readRows(groups.slice(t3, t4), appRows, true);
  reader.readReview(groups.slice(t4));
  reader.resolveWithColumns();
  reader.reconcileOtherRows();
  // Only the format's keys, in catalog order.
  const values: ReportValues = {};
  for (const k of keysForFormat(format)) values[k] = reader.values[k] ?? null;
  return {
    format,
    values,
    warnings: reader.warnings,
    found: { activeRows: reader.activeFound, appRows: reader.appsFound, review: reader.review },
  };
}

function coverage(r: TablesResult): number {
  return r.found.activeRows + r.found.appRows + (r.found.review ? 1 : 0);
}

/** Reads the tables of one extracted document; null when nothing like the report's tables is there. */
export function readTables(doc: ExtractedDocument): TablesResult | null {
  const candidates: TablesResult[] = [];
  const text = doc.text ?? "";
  if (doc.tables && doc.tables.length > 0 && (doc.kind === "html" || doc.kind === "docx" || doc.kind === "doc")) {
    candidates.push(readFromTokens(tokenizeGrids(doc.tables), true, text));
  }
  // Real tables that hold every row need no second reading of the text.
  const complete = candidates.some((c) => c.found.appRows >= 24 && c.found.activeRows >= 6 && c.found.review);
  if (complete) return candidates[0];
  const { start, end } = tableRegion(text);
  candidates.push(readFromTokens(tokenizeText(text.slice(start, end)), false, text.slice(0, start)));
  let best = candidates[0];
  for (const c of candidates.slice(1)) if (coverage(c) > coverage(best)) best = c;
  if (coverage(best) === 0) return null;
  return best;
}

export { normalizeLabel };
