/**
 * Pure helpers shared by the chart components: number formatting, shares, ranking. Kept apart from
 * the client components so they can be unit-tested and used by server-rendered tables alike.
 */
export type Lang = "zh" | "en";

/** How a chart's values read: plain counts, or fractions shown as percentages. */
export type ValueFormat = "count" | "percent" | "decimal";

export function formatChartValue(value: number | null | undefined, format: ValueFormat): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (format === "percent") return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
  if (format === "decimal") return (Math.round(value * 100) / 100).toLocaleString("en-US", { maximumFractionDigits: 2 });
  return Math.round(value).toLocaleString("en-US");
}

/** One collator for every sort (localeCompare with a locale argument builds a new one per call). */
const zhCollator = new Intl.Collator("zh");

/** Names in Chinese dictionary order (pinyin). */
export function compareLabels(a: string, b: string): number {
  return zhCollator.compare(a, b);
}

export interface RankedRow {
  id: string;
  label: string;
  value: number | null;
  /** Optional link (agency page …) shown in the table view. */
  href?: string;
  /** Extra context shown in the table, e.g. "3 / 10". */
  note?: string;
}

/**
 * Highest first; rows without a value (nothing to compute, e.g. a rate with a zero total) go last
 * and are kept, so the table still names them. Ties keep the label order, for a stable page.
 */
export function rankRows(rows: readonly RankedRow[]): Array<RankedRow & { rank: number | null }> {
  const withValue = rows.filter((r) => r.value !== null && Number.isFinite(r.value));
  const without = rows.filter((r) => !(r.value !== null && Number.isFinite(r.value)));
  withValue.sort((a, b) => (b.value as number) - (a.value as number) || compareLabels(a.label, b.label));
  without.sort((a, b) => compareLabels(a.label, b.label));
  let rank = 0;
  let prev: number | null = null;
  const ranked = withValue.map((r, i) => {
    if (r.value !== prev) rank = i + 1;
    prev = r.value;
    return { ...r, rank };
  });
  return [...ranked, ...without.map((r) => ({ ...r, rank: null }))];
}

export interface StackSegment {
  key: string;
  label: string;
}

export interface StackRow {
  id: string;
  label: string;
  href?: string;
  /** One value per segment, in the segments' order (an array, not a keyed object: the page sends these to the browser). */
  values: Array<number | null>;
}

/** Each row's segments as fractions of the row's sum; a row summing to 0 gets nulls (no share to show). */
export function toShares(rows: readonly StackRow[]): StackRow[] {
  return rows.map((r) => {
    const sum = rowTotal(r);
    return { ...r, values: r.values.map((v) => (sum > 0 && v !== null && v !== undefined ? v / sum : null)) };
  });
}

export function rowTotal(row: StackRow): number {
  let sum = 0;
  for (const v of row.values) sum += v ?? 0;
  return sum;
}

/**
 * Cell padding and alignment set once on a data table instead of on each of its hundreds of cells:
 * the same look, a fraction of the HTML. Numbers right-aligned, row headers left.
 */
export const DATA_TABLE_CLASS =
  "w-full border-collapse text-sm [&_td]:px-2 [&_td]:py-1 [&_td]:text-right [&_th]:px-2 [&_th]:py-1 [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_tbody_tr]:border-b [&_tbody_tr]:border-slate-100";

/** The rows with the largest `value` first (blanks last; ties keep their order), at most `limit`; each value computed once. */
export function topRows<R>(rows: readonly R[], value: (r: R) => number | null, limit: number): R[] {
  if (rows.length <= limit) return [...rows];
  const scored = rows.map((row, i) => {
    const v = value(row);
    return { row, v: v === null || !Number.isFinite(v) ? -Infinity : v, i };
  });
  scored.sort((a, b) => (b.v === a.v ? a.i - b.i : b.v > a.v ? 1 : -1));
  return scored.slice(0, limit).map((s) => s.row);
}

export interface TrendPoint {
  year: number;
  value: number | null;
  /** False where this year's figure is not comparable with the rest of the series (e.g. another format). */
  comparable?: boolean;
  /** Why: shown beside the point in the table and tooltip. */
  note?: string;
}

export interface TrendSeries {
  id: string;
  label: string;
  href?: string;
  points: TrendPoint[];
}

/**
 * Rows for a line chart: one per year of the span (missing years included, so a gap shows as a gap),
 * `<id>` = comparable value, `<id>__nc` = value that is not comparable (drawn as a separate marker only).
 */
export function trendChartRows(series: readonly TrendSeries[], years: readonly number[]): Array<Record<string, number | null>> {
  return years.map((year) => {
    const row: Record<string, number | null> = { year };
    for (const s of series) {
      const p = s.points.find((x) => x.year === year);
      const comparable = p?.comparable !== false;
      row[s.id] = p && comparable ? p.value : null;
      row[`${s.id}__nc`] = p && !comparable ? p.value : null;
    }
    return row;
  });
}

/** Every year from the first to the last that any series has, so missing years are visible. */
export function yearRange(series: readonly TrendSeries[], extra: readonly number[] = []): number[] {
  const ys = [...series.flatMap((s) => s.points.map((p) => p.year)), ...extra];
  if (ys.length === 0) return [];
  const min = Math.min(...ys);
  const max = Math.max(...ys);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** A palette that stays distinguishable for common colour-vision deficiencies (Okabe–Ito + greys). */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000", "#999999", "#7f3b08"];

export function colorAt(i: number): string {
  return PALETTE[i % PALETTE.length];
}
