/**
 * How plausible one reading of a run of glued digits is for a given row. Lower is better.
 * Used only to choose among readings the printed text allows; the choice is always reported.
 */
import type { Cell, Reading } from "./digit-split";
import type { RowKind } from "./labels";

function digitsOf(v: Cell): number {
  if (v === null) return 0;
  return String(Math.trunc(Math.abs(v))).length;
}

/** Cells cut from one run tend to have similar widths; very uneven cuts are less likely. */
function lengthSpread(cells: Cell[]): number {
  const lens = cells.filter((c) => c !== null).map(digitsOf);
  if (lens.length < 2) return 0;
  const mean = lens.reduce((a, b) => a + b, 0) / lens.length;
  return lens.reduce((a, b) => a + (b - mean) ** 2, 0);
}

export interface ScoreContext {
  /** Numbers the report's narrative states (e.g. 集中公开现行有效行政规范性文件698件). */
  narrativeNumbers: ReadonlySet<number>;
}

export function sumsToTotal(cells: Cell[]): boolean {
  const parts = cells.slice(0, -1);
  const total = cells[cells.length - 1];
  if (total === null) return false;
  const s = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
  return Math.abs(s - total) < 1e-9;
}

export function scoreReading(kind: RowKind, reading: Reading, ctx: ScoreContext): number {
  const c = reading.cells;
  const v = (i: number) => c[i] ?? 0;
  let score = lengthSpread(c);
  const narrativeBonus = () => {
    let b = 0;
    for (const x of c) if (x !== null && Math.abs(x) >= 10 && ctx.narrativeNumbers.has(x)) b += 1;
    return b;
  };
  switch (kind) {
    case "docs2021":
      // In force includes this year's new ones, and more cannot be repealed than existed.
      if (v(2) < v(0)) score += 2;
      if (v(1) > v(2) + v(0)) score += 1;
      score -= narrativeBonus();
      break;
    case "docs2019":
      if (v(2) < v(1)) score += 2;
      if (v(1) > v(0)) score += 0.5;
      score -= narrativeBonus();
      break;
    case "items2019":
    case "fees2019":
      // No sign is printed: a change bigger than last year's count would be more than doubling.
      if (Math.abs(v(1)) > v(0)) score += 2.5;
      for (const x of c) if (x !== null && Math.abs(x) > 99_999) score += 3;
      break;
    case "procurement": {
      // Items and an amount in 元 glued together: prefer an average per item of 10万–100万元.
      const items = v(0);
      const unit = reading.units[1];
      const amountYuan = v(1) * (unit === "元" ? 1 : unit === "亿" || unit === "亿元" ? 100_000_000 : 10_000);
      score = 0;
      if (items <= 0) score += 10;
      else score += Math.abs(Math.log10(Math.max(1, amountYuan) / items) - 5.5);
      break;
    }
    case "apps": {
      // The six applicant columns add up to the total; when no reading does (the agency's own
      // error), the nearest miss is the likeliest.
      if (!sumsToTotal(c)) {
        const diff = Math.abs(c.slice(0, -1).reduce<number>((a, b) => a + (b ?? 0), 0) - (c[c.length - 1] ?? 0));
        score += 100 + Math.log10(1 + diff);
      }
      // Among readings that add up: most applicants are natural persons and the four rarer
      // kinds of organisation are usually 0, so prefer zeros there and the big number first.
      for (let i = 1; i <= 5; i++) {
        const x = c[i];
        if (x !== null && x !== 0) score += (i === 1 ? 0.3 : 0.5) + 0.2 * digitsOf(x);
      }
      break;
    }
    case "single":
      break;
  }
  // Prefer the shorter first cell when readings tie (a year's counts are short more often).
  score += digitsOf(c[0]) * 1e-3;
  return score;
}
