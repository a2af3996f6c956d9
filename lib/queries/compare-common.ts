/**
 * The shape shared by the four compare queries: one year, the filtered reports grouped by agency or
 * region with a grand-total row computed in the same statement (GROUPING SETS), then ranked.
 */
import type { ReportFilters } from "../filters/report-filters";
import { CURRENT_REPORTS_FROM, type Db, type GroupInfo, Params, filterConditions, groupColumns, readGroup, resolveDb, resolveYear, zhCollator } from "./sql";

export interface CompareResult<Row> {
  /** The year shown (the filter's year, else the latest year with data in the filters), null when nothing matches. */
  year: number | null;
  groupBy: ReportFilters["groupBy"];
  /** Ranked, largest first; every group (slice for a top-N chart). */
  rows: Row[];
  /** All filtered reports of the year taken together (key "total", label 合计). */
  totals: Row;
}

export const TOTAL_GROUP: Omit<GroupInfo, "reports"> = {
  key: "total",
  label: "合计",
  agencyId: null,
  province: null,
  city: null,
  county: null,
  ownLevel: false,
};

/**
 * Runs `SELECT <group>, COUNT(*) AS reports, <sums> … GROUP BY GROUPING SETS ((group), ())` for the
 * filters' year and maps each row; `rank` gives the sort measure (nulls last).
 */
export async function runCompare<Row extends GroupInfo>(
  filters: ReportFilters,
  dbArg: Db | undefined,
  sums: string,
  map: (row: Record<string, unknown>, group: GroupInfo) => Row,
  rank: (row: Row) => number | null,
): Promise<CompareResult<Row>> {
  const db = await resolveDb(dbArg);
  const year = await resolveYear(db, filters);
  const params = new Params();
  const where = filterConditions({ ...filters, year: year ?? -1, from: undefined, to: undefined }, params);
  const g = groupColumns(filters.groupBy);
  const sql = `
SELECT ${g.select},
  COUNT(*) AS reports,
  ${sums},
  GROUPING(${g.groupBy}) AS is_total
FROM ${CURRENT_REPORTS_FROM}
WHERE ${where}
GROUP BY GROUPING SETS ((${g.groupBy}), ())`;
  const { rows } = await db.query(sql, params.values);
  let totals: Row | null = null;
  const groups: Row[] = [];
  for (const row of rows as Record<string, unknown>[]) {
    if (Number(row.is_total) !== 0) {
      totals = map(row, { ...TOTAL_GROUP, reports: Number(row.reports) });
    } else {
      groups.push(map(row, readGroup(row, filters.groupBy)));
    }
  }
  groups.sort((a, b) => (rank(b) ?? -Infinity) - (rank(a) ?? -Infinity) || zhCollator.compare(a.label, b.label));
  // GROUPING SETS always yields the () row, even over no input rows.
  return { year, groupBy: filters.groupBy, rows: groups, totals: totals ?? map({ reports: 0 }, { ...TOTAL_GROUP, reports: 0 }) };
}
