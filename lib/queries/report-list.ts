/**
 * The filtered reports with their metadata, one page at a time (overview list, GET /api/reports).
 * Order: newest year first, then region and agency name — the order the CSV export uses too.
 */
import type { AgencyKind, AgencyLevel, ReportFormat } from "../report/catalog";
import type { ReportFilters } from "../filters/report-filters";
import { CURRENT_REPORTS_META_FROM, type Db, Params, filterConditions, int, iso, num, resolveDb } from "./sql";

export interface ReportListItem {
  reportId: number;
  year: number;
  agencyId: number;
  agencyName: string;
  agencyFullName: string | null;
  kind: AgencyKind;
  level: AgencyLevel;
  province: string | null;
  city: string | null;
  county: string | null;
  format: ReportFormat;
  /** The current version. */
  versionId: number;
  versionNo: number;
  /** upload | reparse | correction */
  origin: string;
  parserVersion: string;
  activeDisclosureTotal: number | null;
  failedCheckCount: number;
  warningCount: number;
  sourceFileId: number;
  sourceFileName: string;
  /** When the current version was made (ISO). */
  updatedAt: string;
}

export interface ReportList {
  total: number;
  page: number;
  pageSize: number;
  reports: ReportListItem[];
}

export const REPORT_ORDER = "r.year DESC, a.province NULLS LAST, a.city NULLS LAST, a.county NULLS LAST, a.name, r.id";

export const REPORT_ITEM_COLUMNS = `
  r.id AS report_id, r.year, a.id AS agency_id, a.name AS agency_name, a.full_name AS agency_full_name,
  a.kind, a.level, a.province, a.city, a.county, v.format, v.id AS version_id, v.version_no, v.origin,
  v.parser_version, v.active_disclosure_total, v.failed_check_count,
  COALESCE(cardinality(v.warnings), 0) AS warning_count, v.source_file_id, sf.file_name AS source_file_name,
  v.created_at AS version_created_at`;

export const REPORT_ITEM_FROM = `${CURRENT_REPORTS_META_FROM}
  JOIN source_file sf ON sf.id = v.source_file_id`;

export function readReportItem(row: Record<string, unknown>): ReportListItem {
  return {
    reportId: int(row.report_id),
    year: int(row.year),
    agencyId: int(row.agency_id),
    agencyName: String(row.agency_name),
    agencyFullName: (row.agency_full_name as string | null) ?? null,
    kind: row.kind as AgencyKind,
    level: row.level as AgencyLevel,
    province: (row.province as string | null) ?? null,
    city: (row.city as string | null) ?? null,
    county: (row.county as string | null) ?? null,
    format: row.format as ReportFormat,
    versionId: int(row.version_id),
    versionNo: int(row.version_no),
    origin: String(row.origin),
    parserVersion: String(row.parser_version),
    activeDisclosureTotal: num(row.active_disclosure_total),
    failedCheckCount: int(row.failed_check_count),
    warningCount: int(row.warning_count),
    sourceFileId: int(row.source_file_id),
    sourceFileName: String(row.source_file_name),
    updatedAt: iso(row.version_created_at),
  };
}

/** One page of the filtered reports (filters.page, filters.pageSize) and how many there are in all. */
export async function listReports(filters: ReportFilters, db?: Db): Promise<ReportList> {
  const pool = await resolveDb(db);
  const params = new Params();
  const where = filterConditions(filters, params);
  const count = await pool.query(`SELECT COUNT(*) AS n FROM ${CURRENT_REPORTS_META_FROM} WHERE ${where}`, params.values);
  const limit = params.add(filters.pageSize);
  const offset = params.add((filters.page - 1) * filters.pageSize);
  const { rows } = await pool.query(
    `SELECT ${REPORT_ITEM_COLUMNS} FROM ${REPORT_ITEM_FROM} WHERE ${where} ORDER BY ${REPORT_ORDER} LIMIT ${limit} OFFSET ${offset}`,
    params.values,
  );
  return { total: int(count.rows[0]?.n), page: filters.page, pageSize: filters.pageSize, reports: rows.map(readReportItem) };
}
