/**
 * What every dashboard query shares: the database handle, the FROM clause that reads the CURRENT
 * version of each report only, and the WHERE clause built from the URL filters with bind parameters
 * (never string-spliced values).
 */
import type { ReportFormat } from "../report/catalog";
import { columnForKey } from "../report/catalog";
import { type MetricDef, type SumMetric, baseSums } from "../report/ratios";
import type { GroupBy, ReportFilters } from "../filters/report-filters";

/** A pg Pool, PoolClient or Client: anything with query(text, values). Tests pass their own pool. */
export interface Db {
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}

/** The app's pool (lib/db), loaded lazily so pure modules importing types never open a connection. */
export async function appDb(): Promise<Db> {
  const { getPool } = await import("../db");
  return getPool();
}

export async function resolveDb(db?: Db): Promise<Db> {
  return db ?? (await appDb());
}

/**
 * r = report, a = agency, v = current report_version, rv = its report_values row.
 * Joining on report.current_version_id (not report_version.is_current) uses the unique index and
 * guarantees one row per report.
 */
export const CURRENT_REPORTS_FROM = `
  report r
  JOIN agency a ON a.id = r.agency_id
  JOIN report_version v ON v.id = r.current_version_id
  JOIN report_values rv ON rv.version_id = r.current_version_id`;

/** The same without the values row, for queries that read metadata only. */
export const CURRENT_REPORTS_META_FROM = `
  report r
  JOIN agency a ON a.id = r.agency_id
  JOIN report_version v ON v.id = r.current_version_id`;

/** Collects bind parameters; `add` returns the $n placeholder. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export type FilterScope = Pick<ReportFilters, "year" | "from" | "to" | "province" | "city" | "county" | "kind" | "level" | "q" | "agency">;

/** LIKE pattern for a substring, with the user's % _ \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * SQL conditions (joined with AND, never empty) for the filters. `years: false` leaves the year
 * filters out (coverage and trends choose their own span).
 */
export function filterConditions(filters: Partial<FilterScope>, params: Params, options: { years?: boolean } = {}): string {
  const c: string[] = ["TRUE"];
  if (options.years !== false) {
    if (filters.year !== undefined) c.push(`r.year = ${params.add(filters.year)}`);
    if (filters.from !== undefined) c.push(`r.year >= ${params.add(filters.from)}`);
    if (filters.to !== undefined) c.push(`r.year <= ${params.add(filters.to)}`);
  }
  if (filters.province !== undefined) c.push(`a.province = ${params.add(filters.province)}`);
  if (filters.city !== undefined) c.push(`a.city = ${params.add(filters.city)}`);
  if (filters.county !== undefined) c.push(`a.county = ${params.add(filters.county)}`);
  if (filters.kind && filters.kind.length > 0) c.push(`a.kind = ANY(${params.add(filters.kind)}::text[])`);
  if (filters.level && filters.level.length > 0) c.push(`a.level = ANY(${params.add(filters.level)}::text[])`);
  if (filters.agency && filters.agency.length > 0) c.push(`a.id = ANY(${params.add(filters.agency)}::int[])`);
  if (filters.q !== undefined && filters.q !== "") {
    const p = params.add(containsPattern(filters.q));
    c.push(`(a.name ILIKE ${p} OR a.full_name ILIKE ${p})`);
  }
  return c.join(" AND ");
}

/** A quoted column of report_values for a catalog key. */
export function col(key: string): string {
  return `rv."${columnForKey(key)}"`;
}

/**
 * One report's value of a sum metric: the keys of its format added up, blanks as 0, but NULL when
 * every key is blank or the format does not carry the metric (not reported ≠ zero).
 */
export function sumMetricExpr(metric: SumMetric): string {
  const branches: string[] = [];
  for (const format of ["2019", "2021"] as ReportFormat[]) {
    const keys = metric.keys[format];
    if (!keys) continue;
    const cols = keys.map(col);
    const expr = cols.length === 1 ? cols[0] : `CASE WHEN num_nonnulls(${cols.join(", ")}) = 0 THEN NULL ELSE ${cols.map((x) => `COALESCE(${x}, 0)`).join(" + ")} END`;
    branches.push(`WHEN v.format = '${format}' THEN ${expr}`);
  }
  return branches.length === 0 ? "NULL::double precision" : `(CASE ${branches.join(" ")} ELSE NULL END)`;
}

/** A key's value, blanks as NULL, added over a group: SUM ignores NULLs and is NULL when all are. */
export function sumOfKey(key: string): string {
  return `SUM(${col(key)})`;
}

/** `SUM(<metric>) AS "<alias>"` for every base sum of the given metrics, deduplicated. */
export function metricSums(metrics: readonly MetricDef[]): { select: string; sums: SumMetric[] } {
  const seen = new Map<string, SumMetric>();
  for (const m of metrics) for (const s of baseSums(m)) seen.set(s.id, s);
  const sums = [...seen.values()];
  return { select: sums.map((s) => `SUM(${sumMetricExpr(s)}) AS "m_${s.id}"`).join(",\n  "), sums };
}

/** Reads the m_<id> columns of a row selected with metricSums into { id: number | null }. */
export function readMetricSums(row: Record<string, unknown>, sums: readonly SumMetric[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const s of sums) out[s.id] = num(row[`m_${s.id}`]);
  return out;
}

/** Chinese collation (pinyin order), created once: localeCompare(…, "zh-CN") builds a collator per call. */
export const zhCollator = new Intl.Collator("zh-CN");

/** pg returns bigint/numeric as strings: convert, keeping null. */
export function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

export function int(v: unknown): number {
  return num(v) ?? 0;
}

export function iso(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return new Date(String(v)).toISOString();
}

// ── Grouping (agency | county | city | province) ─────────────────────────────

/** Who a row of a compare chart stands for. */
export interface GroupInfo {
  /** Stable key: agency id, or "province|city|county" of the region. */
  key: string;
  /** Display name: the agency name, or the region's name (with 本级 for its own-level bodies). */
  label: string;
  agencyId: number | null;
  province: string | null;
  city: string | null;
  county: string | null;
  /**
   * At a region roll-up, the bodies that sit above that level (a city's own departments when rolling
   * up by county) form a group of their own, labelled "<city>本级", rather than vanishing.
   */
  ownLevel: boolean;
  /** Reports in the group. */
  reports: number;
}

/** SELECT list and GROUP BY columns for a roll-up. */
export function groupColumns(groupBy: GroupBy): { select: string; groupBy: string } {
  switch (groupBy) {
    case "agency":
      return {
        select: `a.id AS g_agency_id, a.name AS g_name, a.province AS g_province, a.city AS g_city, a.county AS g_county`,
        groupBy: "a.id, a.name, a.province, a.city, a.county",
      };
    case "county":
      return {
        select: `NULL::int AS g_agency_id, NULL::text AS g_name, a.province AS g_province, a.city AS g_city, a.county AS g_county`,
        groupBy: "a.province, a.city, a.county",
      };
    case "city":
      return {
        select: `NULL::int AS g_agency_id, NULL::text AS g_name, a.province AS g_province, a.city AS g_city, NULL::text AS g_county`,
        groupBy: "a.province, a.city",
      };
    case "province":
      return {
        select: `NULL::int AS g_agency_id, NULL::text AS g_name, a.province AS g_province, NULL::text AS g_city, NULL::text AS g_county`,
        groupBy: "a.province",
      };
  }
}

export function readGroup(row: Record<string, unknown>, groupBy: GroupBy): GroupInfo {
  const province = (row.g_province as string | null) ?? null;
  const city = (row.g_city as string | null) ?? null;
  const county = (row.g_county as string | null) ?? null;
  const reports = int(row.reports);
  if (groupBy === "agency") {
    return { key: String(row.g_agency_id), label: String(row.g_name), agencyId: Number(row.g_agency_id), province, city, county, reports, ownLevel: false };
  }
  const key = [province ?? "", city ?? "", county ?? ""].join("|");
  const unknown = "（地区未知）";
  let label: string;
  let ownLevel = false;
  if (groupBy === "province") {
    label = province ?? unknown;
  } else if (groupBy === "city") {
    if (city !== null) label = city;
    else {
      ownLevel = province !== null;
      label = province !== null ? `${province}本级` : unknown;
    }
  } else {
    if (county !== null) label = county;
    else {
      const parent = city ?? province;
      ownLevel = parent !== null;
      label = parent !== null ? `${parent}本级` : unknown;
    }
  }
  return { key, label, agencyId: null, province, city, county, reports, ownLevel };
}

/** The year a single-year view (compare) shows: the filter's year, else the latest year in range with data. */
export async function resolveYear(db: Db, filters: Partial<FilterScope>): Promise<number | null> {
  if (filters.year !== undefined) return filters.year;
  const params = new Params();
  const where = filterConditions(filters, params);
  const { rows } = await db.query(`SELECT MAX(r.year) AS year FROM ${CURRENT_REPORTS_META_FROM} WHERE ${where}`, params.values);
  return num(rows[0]?.year);
}
