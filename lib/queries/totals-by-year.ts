/**
 * Overview · totals by year: for the filtered reports, every metric of lib/report/ratios.ts per year
 * (sums, and ratios of sums), with how many reports and agencies stand behind each year.
 */
import { METRICS, type MetricId, metricValue } from "../report/ratios";
import type { ReportFilters } from "../filters/report-filters";
import { CURRENT_REPORTS_FROM, type Db, Params, filterConditions, int, metricSums, readMetricSums, resolveDb } from "./sql";

export interface YearTotals {
  year: number;
  reports: number;
  agencies: number;
  reports2019Format: number;
  reports2021Format: number;
  /** Reports whose current version breaks at least one relation. */
  reportsWithFailedChecks: number;
  /**
   * Every metric: sums (null when no report of the year carries it) and ratios of sums. A 2021-only
   * metric in a year of mixed formats covers the 2021-format reports only: see reports2021Format.
   */
  metrics: Record<MetricId, number | null>;
}

export async function getTotalsByYear(filters: ReportFilters, db?: Db): Promise<YearTotals[]> {
  const pool = await resolveDb(db);
  const params = new Params();
  const where = filterConditions(filters, params);
  const { select, sums } = metricSums(METRICS);
  const { rows } = await pool.query(
    `SELECT r.year, COUNT(*) AS reports,
       COUNT(*) FILTER (WHERE v.format = '2019') AS f2019,
       COUNT(*) FILTER (WHERE v.format = '2021') AS f2021,
       COUNT(*) FILTER (WHERE v.failed_check_count > 0) AS failed,
       ${select}
     FROM ${CURRENT_REPORTS_FROM}
     WHERE ${where}
     GROUP BY r.year ORDER BY r.year`,
    params.values,
  );
  return rows.map((row: Record<string, unknown>) => {
    const s = readMetricSums(row, sums);
    const metrics = {} as Record<MetricId, number | null>;
    for (const m of METRICS) metrics[m.id] = metricValue(m, s);
    return {
      year: int(row.year),
      reports: int(row.reports),
      // report is unique on (agency_id, year): within a year, one report is one agency. (COUNT(DISTINCT)
      // would force a sort of every wide row.)
      agencies: int(row.reports),
      reports2019Format: int(row.f2019),
      reports2021Format: int(row.f2021),
      reportsWithFailedChecks: int(row.failed),
      metrics,
    };
  });
}
