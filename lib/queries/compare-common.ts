/**
 * The shape shared by the four compare views: one year, the filtered reports grouped by agency or
 * region, ranked, with a grand total — all read from the one compare scan (compare-scan.ts).
 */
import type { ReportFilters } from "../filters/report-filters";
import { getCompareScan, type ScanRow } from "./compare-scan";
import type { Db, GroupInfo } from "./sql";

export { TOTAL_GROUP } from "./compare-scan";

export interface CompareResult<Row> {
  /** The year shown (the filter's year, else the latest year with data in the filters), null when nothing matches. */
  year: number | null;
  groupBy: ReportFilters["groupBy"];
  /** Ranked, largest first; every group (slice for a top-N chart). */
  rows: Row[];
  /** All filtered reports of the year taken together (key "total", label 合计). */
  totals: Row;
}

/** Maps the scan's groups and total to a view's rows and ranks them by `rank` (blanks last, then by name). */
export async function runCompare<Row extends GroupInfo>(
  filters: ReportFilters,
  db: Db | undefined,
  map: (sums: ScanRow, group: GroupInfo) => Row,
  rank: (row: Row) => number | null,
): Promise<CompareResult<Row>> {
  const s = await getCompareScan(filters, db);
  const ranked = s.groups.map(({ group, sums, order }) => {
    const row = map(sums, group);
    return { row, measure: rank(row) ?? -Infinity, order };
  });
  ranked.sort((a, b) => b.measure - a.measure || a.order - b.order);
  return { year: s.year, groupBy: s.groupBy, rows: ranked.map((r) => r.row), totals: map(s.total.sums, s.total.group) };
}
