/**
 * Every filtered report with all its values, in batches, for the CSV export. The ids are read first in
 * list order (cheap), then the wide rows batch by batch, so memory stays flat however many reports
 * match and the export holds exactly the reports the list shows.
 */
import { FIELDS, type ReportValues } from "../report/catalog";
import type { ReportFilters } from "../filters/report-filters";
import { CURRENT_REPORTS_META_FROM, type Db, Params, filterConditions, num, resolveDb } from "./sql";
import { REPORT_ITEM_COLUMNS, REPORT_ITEM_FROM, REPORT_ORDER, type ReportListItem, readReportItem } from "./report-list";

export interface ExportReport extends ReportListItem {
  /** Every catalog key of both formats; null where blank or not in the report's format. */
  values: ReportValues;
}

/** Ids of the filtered reports in list order (no paging). */
export async function filteredReportIds(filters: ReportFilters, db?: Db): Promise<number[]> {
  const pool = await resolveDb(db);
  const params = new Params();
  const where = filterConditions(filters, params);
  const { rows } = await pool.query(`SELECT r.id FROM ${CURRENT_REPORTS_META_FROM} WHERE ${where} ORDER BY ${REPORT_ORDER}`, params.values);
  return rows.map((r) => Number(r.id));
}

export async function* exportReports(filters: ReportFilters, options: { batchSize?: number } = {}, db?: Db): AsyncGenerator<ExportReport[]> {
  const pool = await resolveDb(db);
  const ids = await filteredReportIds(filters, pool);
  const batchSize = options.batchSize ?? 500;
  const valueCols = FIELDS.map((f) => `rv."${f.column}"`).join(", ");
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    const { rows } = await pool.query(`SELECT ${REPORT_ITEM_COLUMNS}, ${valueCols} FROM ${REPORT_ITEM_FROM} JOIN report_values rv ON rv.version_id = r.current_version_id WHERE r.id = ANY($1::int[])`, [batch]);
    const byId = new Map<number, ExportReport>();
    for (const row of rows as Record<string, unknown>[]) {
      const values: ReportValues = {};
      for (const f of FIELDS) values[f.key] = num(row[f.column]);
      const item = readReportItem(row);
      byId.set(item.reportId, { ...item, values });
    }
    // A report deleted between the two reads is simply absent.
    yield batch.map((id) => byId.get(id)).filter((x): x is ExportReport => x !== undefined);
  }
}
