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
  withValue.sort((a, b) => (b.value as number) - (a.value as number) || a.label.localeCompare(b.label, "zh"));
  without.sort((a, b) => a.label.localeCompare(b.label, "zh"));
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
  values: Record<string, number | null>;
}

/** Each row's segments as fractions of the row's sum; a row summing to 0 gets nulls (no share to show). */
export function toShares(rows: readonly StackRow[], segments: readonly StackSegment[]): StackRow[] {
  return rows.map((r) => {
    const sum = segments.reduce((s, seg) => s + (r.values[seg.key] ?? 0), 0);
    const values: Record<string, number | null> = {};
    for (const seg of segments) {
      const v = r.values[seg.key];
      values[seg.key] = sum > 0 && v !== null && v !== undefined ? v / sum : null;
    }
    return { ...r, values };
  });
}

export function rowTotal(row: StackRow, segments: readonly StackSegment[]): number {
  return segments.reduce((s, seg) => s + (row.values[seg.key] ?? 0), 0);
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
