/**
 * Trends: metrics over the years, for one agency, a chosen set (one line each) or the filtered region
 * taken together (one line). 2019- and 2021-format reports are bridged where the spec calls the
 * series comparable (lib/report/ratios.ts: METRICS keys per format, from CROSS_FORMAT_SERIES); a point
 * built from reports some of which do not carry the metric is marked non-comparable, never silently
 * summed over fewer reports.
 */
import type { ReportFormat } from "../report/catalog";
import { METRICS, type MetricDef, type MetricId, formatsOf, getMetric, isBridged, metricValue } from "../report/ratios";
import type { ReportFilters } from "../filters/report-filters";
import { CURRENT_REPORTS_FROM, type Db, Params, filterConditions, int, metricSums, readMetricSums, resolveDb, zhCollator } from "./sql";

export interface TrendPoint {
  year: number;
  /** Null when no report of the point carries the metric (or a ratio's denominator is 0). */
  value: number | null;
  /** Reports behind the point. */
  reports: number;
  /** Of those, reports whose format carries the metric. */
  reportsWithMetric: number;
  /** Formats of the reports behind the point. */
  formats: ReportFormat[];
  /** Every report behind the point carries the metric: the value can be compared with other comparable points. */
  comparable: boolean;
  /** The point's formats differ from the previous point's: the series crosses the 2019 ↔ 2021 format here. */
  formatChange: boolean;
  /** Why the point is not comparable, or how it is bridged (Chinese / English); null when nothing to say. */
  noteZh: string | null;
  noteEn: string | null;
}

export interface TrendSeries {
  /** Agency id as a string, or "all" for the aggregate line. */
  key: string;
  label: string;
  agencyId: number | null;
  points: TrendPoint[];
}

export interface TrendResult {
  metric: MetricId;
  labelZh: string;
  labelEn: string;
  unit: "count" | "amount" | "ratio";
  /** Formats that carry the metric; a 2021-only metric has ["2021"]. */
  formats: ReportFormat[];
  /** The metric reads different keys in the two formats (e.g. 2019 active.penalty.decisions ↔ 2021 active.penalty). */
  bridged: boolean;
  /** Every year from the first to the last with data (gaps included as points with 0 reports). */
  years: number[];
  series: TrendSeries[];
}

export interface TrendsOptions {
  /** Metrics to return (default: filters.metric, else disclosure_rate). */
  metrics?: MetricId[];
  /**
   * "agency": one line per agency — the default when filters.agency is set (at most `maxSeries`, largest
   * first); "aggregate": one line for all filtered reports.
   */
  by?: "agency" | "aggregate";
  maxSeries?: number;
}

export async function getTrends(filters: ReportFilters, options: TrendsOptions = {}, db?: Db): Promise<TrendResult[]> {
  const pool = await resolveDb(db);
  const metricIds: MetricId[] = options.metrics ?? [filters.metric ?? "disclosure_rate"];
  const metrics = metricIds.map(getMetric);
  const by = options.by ?? (filters.agency.length > 0 ? "agency" : "aggregate");
  const maxSeries = options.maxSeries ?? 20;
  const { select, sums } = metricSums(metrics);
  const params = new Params();
  const where = filterConditions(filters, params);
  const groupCols = by === "agency" ? "a.id AS agency_id, a.name AS agency_name," : "";
  const groupBy = by === "agency" ? "a.id, a.name, r.year, v.format" : "r.year, v.format";
  const sql = `
SELECT ${groupCols} r.year, v.format, COUNT(*) AS reports,
  ${select}
FROM ${CURRENT_REPORTS_FROM}
WHERE ${where}
GROUP BY ${groupBy}
ORDER BY r.year`;
  const { rows } = await pool.query(sql, params.values);

  // Cells: series key → year → format → sums
  type Cell = { reports: number; byFormat: Map<ReportFormat, { reports: number; sums: Record<string, number | null> }> };
  const series = new Map<string, { label: string; agencyId: number | null; years: Map<number, Cell>; weight: number }>();
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (const row of rows as Record<string, unknown>[]) {
    const key = by === "agency" ? String(row.agency_id) : "all";
    let s = series.get(key);
    if (!s) {
      s = {
        label: by === "agency" ? String(row.agency_name) : aggregateLabel(filters),
        agencyId: by === "agency" ? Number(row.agency_id) : null,
        years: new Map(),
        weight: 0,
      };
      series.set(key, s);
    }
    const year = Number(row.year);
    minYear = Math.min(minYear, year);
    maxYear = Math.max(maxYear, year);
    const cell = s.years.get(year) ?? { reports: 0, byFormat: new Map() };
    const reports = int(row.reports);
    cell.reports += reports;
    cell.byFormat.set(row.format as ReportFormat, { reports, sums: readMetricSums(row, sums) });
    s.years.set(year, cell);
    s.weight += reports;
  }
  const years: number[] = [];
  if (Number.isFinite(minYear)) for (let y = minYear; y <= maxYear; y++) years.push(y);

  let chosen = [...series.entries()];
  if (by === "agency") chosen = chosen.sort((a, b) => b[1].weight - a[1].weight || zhCollator.compare(a[1].label, b[1].label)).slice(0, maxSeries);

  return metrics.map((metric) => {
    const carrying = formatsOf(metric);
    return {
      metric: metric.id as MetricId,
      labelZh: metric.labelZh,
      labelEn: metric.labelEn,
      unit: metric.unit,
      formats: carrying,
      bridged: isBridged(metric),
      years,
      series: chosen.map(([key, s]) => ({
        key,
        label: s.label,
        agencyId: s.agencyId,
        points: pointsFor(metric, carrying, years, s.years),
      })),
    };
  });
}

function pointsFor(
  metric: MetricDef,
  carrying: ReportFormat[],
  years: number[],
  cells: Map<number, { reports: number; byFormat: Map<ReportFormat, { reports: number; sums: Record<string, number | null> }> }>,
): TrendPoint[] {
  const points: TrendPoint[] = [];
  let prevFormats: ReportFormat[] | null = null;
  for (const year of years) {
    const cell = cells.get(year);
    if (!cell) {
      points.push({ year, value: null, reports: 0, reportsWithMetric: 0, formats: [], comparable: false, formatChange: false, noteZh: "本年无报告", noteEn: "no report this year" });
      continue;
    }
    const formats = [...cell.byFormat.keys()].sort();
    // Add the base sums of the formats that carry the metric; the others have nothing to add.
    const total: Record<string, number | null> = {};
    let reportsWithMetric = 0;
    for (const [format, part] of cell.byFormat) {
      if (!carrying.includes(format)) continue;
      reportsWithMetric += part.reports;
      for (const [id, v] of Object.entries(part.sums)) {
        if (v === null) continue;
        total[id] = (total[id] ?? 0) + v;
      }
    }
    const value = reportsWithMetric === 0 ? null : metricValue(metric, total);
    const comparable = reportsWithMetric === cell.reports;
    const formatChange = prevFormats !== null && prevFormats.join() !== formats.join();
    prevFormats = formats;
    let noteZh: string | null = null;
    let noteEn: string | null = null;
    if (!comparable) {
      const missing = cell.reports - reportsWithMetric;
      noteZh = `${missing} 份报告采用的格式（${formats.filter((f) => !carrying.includes(f)).join("、")} 版）没有此项，不可比`;
      noteEn = `${missing} report(s) use a format (${formats.filter((f) => !carrying.includes(f)).join(", ")}) without this figure: not comparable`;
    } else if (isBridged(metric) && formats.length > 0 && (formatChange || formats.length > 1)) {
      noteZh = "跨 2019/2021 格式衔接（同一口径）";
      noteEn = "bridged across the 2019/2021 formats (same quantity)";
    }
    points.push({ year, value, reports: cell.reports, reportsWithMetric, formats, comparable, formatChange, noteZh, noteEn });
  }
  return points;
}

function aggregateLabel(filters: ReportFilters): string {
  const region = [filters.province, filters.city, filters.county].filter(Boolean).join("");
  return region !== "" ? region : "全部";
}

/** Metric ids a trends page can offer, in catalog order. */
export const TREND_METRIC_IDS: readonly MetricId[] = METRICS.map((m) => m.id);
