/**
 * Reading cells whose separators were lost (`规范性文件898989`, `230 000023`): every way of
 * cutting the printed digit runs into exactly the expected number of cells, without leading
 * zeros. The search is depth-first with pruning and a hard budget, so a hostile run of
 * thousands of digits costs a bounded amount of work and simply yields no reading.
 */
import type { ValueToken } from "./tokens";

export type Cell = number | null;

export interface Reading {
  cells: Cell[];
  /** Unit printed after the number a cell was cut from (only on that number's last cell). */
  units: Array<string | null>;
}

export interface SplitOptions {
  /** Most digits a cell cut out of a run may have. */
  maxCellDigits?: number;
  /** Search steps allowed before giving up (keeps the work bounded). */
  budget?: number;
  /** Readings kept (the caller scores them). */
  maxReadings?: number;
  /**
   * Cells that must equal the sum of the cells before them (`at` = index of the total cell,
   * `from` = index of the group's first cell). Only readings that satisfy them are produced,
   * and the search cuts the total's digits directly, which keeps long runs cheap.
   */
  totals?: ReadonlyArray<{ at: number; from: number }>;
}

export interface SplitResult {
  readings: Reading[];
  /** True when the budget ran out before every reading was seen. */
  truncated: boolean;
}

function toNumber(neg: boolean, int: string, frac: string | null): number {
  const v = Number(frac ? `${int}.${frac}` : int);
  return neg && v !== 0 ? -v : v;
}

/**
 * All readings of `tokens` as exactly `k` cells, in token order. A blank token is one null
 * cell; a number token becomes one or more cells: its sign goes to its first cell, its
 * decimals and unit to its last.
 */
export function splitRuns(tokens: readonly ValueToken[], k: number, opts: SplitOptions = {}): SplitResult {
  const maxDigits = opts.maxCellDigits ?? 9;
  let budget = opts.budget ?? 200_000;
  const maxReadings = opts.maxReadings ?? 5_000;
  const readings: Reading[] = [];
  let truncated = false;
  const n = tokens.length;
  if (n === 0 || n > k) return { readings, truncated };
  // Most cells the tokens from index i on can yield.
  const maxCells: number[] = new Array(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const t = tokens[i];
    maxCells[i] = maxCells[i + 1] + (t.t === "num" ? t.int.length : 1);
  }
  if (maxCells[0] < k) return { readings, truncated };
  // A run too long to fit k cells of maxDigits cannot be read at all.
  let digits = 0;
  for (const t of tokens) if (t.t === "num") digits += t.int.length;
  if (digits > k * maxDigits) return { readings, truncated };

  const cells: Cell[] = [];
  const units: Array<string | null> = [];
  const totalAt = new Map<number, number>();
  for (const t of opts.totals ?? []) totalAt.set(t.at, t.from);
  /** The digits the next cell must have when it is a total, or null when it is free. */
  const requiredDigits = (): string | null => {
    const from = totalAt.get(cells.length);
    if (from === undefined) return null;
    let sum = 0;
    for (let j = from; j < cells.length; j++) sum += cells[j] ?? 0;
    return Number.isInteger(sum) && sum >= 0 ? String(sum) : "";
  };

  const visit = (i: number): void => {
    if (truncated) return;
    if (--budget <= 0 || readings.length >= maxReadings) {
      truncated = true;
      return;
    }
    const remaining = k - cells.length;
    if (i === n) {
      if (remaining === 0) readings.push({ cells: cells.slice(), units: units.slice() });
      return;
    }
    if (remaining < n - i || remaining > maxCells[i]) return;
    const t = tokens[i];
    if (t.t === "blank") {
      // An empty total cannot be checked; an empty cell in a group counts as nothing.
      cells.push(null);
      units.push(null);
      visit(i + 1);
      cells.pop();
      units.pop();
      return;
    }
    // Cells this token may take: at least one, and leave one for each later token.
    const maxParts = remaining - (n - i - 1);
    const cut = (pos: number, partsLeft: number): void => {
      if (truncated) return;
      if (--budget <= 0) {
        truncated = true;
        return;
      }
      const rest = t.int.length - pos;
      if (rest === 0) {
        visit(i + 1);
        return;
      }
      if (partsLeft <= 0 || rest > partsLeft * maxDigits) return;
      const maxLen = t.int[pos] === "0" ? 1 : Math.min(rest, maxDigits);
      const required = requiredDigits();
      for (let len = 1; len <= maxLen; len++) {
        const end = pos + len;
        if (required !== null) {
          if (len !== required.length || t.int.slice(pos, end) !== required) continue;
          if (end === t.int.length && t.frac && !/^0*$/.test(t.frac)) continue;
        }
        const isLast = end === t.int.length;
        if (!isLast && partsLeft === 1) continue;
        cells.push(toNumber(pos === 0 && t.neg, t.int.slice(pos, end), isLast ? t.frac : null));
        units.push(isLast ? t.unit : null);
        cut(end, partsLeft - 1);
        cells.pop();
        units.pop();
        if (truncated) return;
      }
    };
    cut(0, maxParts);
  };

  visit(0);
  return { readings, truncated };
}
