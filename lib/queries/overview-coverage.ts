/**
 * Overview · coverage: which agencies reported for which years, and which expected reports are
 * missing (shown as missing, never counted as zero).
 *
 * Expected: an agency is expected to report every year of the span from the first year it ever
 * reported (an office created in 2021 is not "missing" 2019). The span is the filters' year range, or
 * else the first to the last year with any report in the filters.
 */
import type { AgencyKind, AgencyLevel, ReportFormat } from "../report/catalog";
import { yearSpan, type ReportFilters } from "../filters/report-filters";
import { type Db, Params, filterConditions, int, num, resolveDb } from "./sql";

export type CoverageStatus = "reported" | "missing" | "not_expected";

export interface CoverageCell {
  year: number;
  status: CoverageStatus;
  reportId: number | null;
  format: ReportFormat | null;
  failedCheckCount: number | null;
}

export interface CoverageAgencyRow {
  agencyId: number;
  name: string;
  kind: AgencyKind;
  level: AgencyLevel;
  province: string | null;
  city: string | null;
  county: string | null;
  firstYear: number;
  /** One cell per year of the span, in order. */
  cells: CoverageCell[];
  reported: number;
  missing: number;
}

export interface CoverageYear {
  year: number;
  /** Agencies expected to report this year. */
  expected: number;
  reported: number;
  missing: number;
}

export interface Coverage {
  /** The span, every year in order (empty when no report matches). */
  years: number[];
  byYear: CoverageYear[];
  /** Agencies matching the filters (with at least one report, any year). */
  totalAgencies: number;
  totalReported: number;
  totalMissing: number;
  /** One page of agencies (options.limit / offset), most missing first unless sort = "name". */
  agencies: CoverageAgencyRow[];
}

export interface CoverageOptions {
  limit?: number;
  offset?: number;
  sort?: "missing" | "name";
  /** Only agencies with at least one missing year. */
  onlyMissing?: boolean;
}

export async function getOverviewCoverage(filters: ReportFilters, options: CoverageOptions = {}, db?: Db): Promise<Coverage> {
  const pool = await resolveDb(db);
  const params = new Params();
  // The agencies: every filter but the years (an agency that stopped reporting must still show up).
  const where = filterConditions({ ...filters, year: undefined, from: undefined, to: undefined }, params);
  const agencyCte = `
    ag AS (
      SELECT a.id, a.name, a.kind, a.level, a.province, a.city, a.county, MIN(r.year) AS first_year, MAX(r.year) AS last_year
      FROM report r JOIN agency a ON a.id = r.agency_id
      WHERE r.current_version_id IS NOT NULL AND ${where}
      GROUP BY a.id
    )`;
  const span = yearSpan(filters);
  let from = span.from;
  let to = span.to;
  if (from === null || to === null) {
    const { rows } = await pool.query(`WITH ${agencyCte} SELECT MIN(first_year) AS lo, MAX(last_year) AS hi, COUNT(*) AS n FROM ag`, params.values);
    from ??= num(rows[0]?.lo);
    to ??= num(rows[0]?.hi);
  }
  if (from === null || to === null || from > to) {
    return { years: [], byYear: [], totalAgencies: 0, totalReported: 0, totalMissing: 0, agencies: [] };
  }
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  const pFrom = params.add(from);
  const pTo = params.add(to);

  const yearRows = await pool.query(
    `WITH ${agencyCte},
    yrs AS (SELECT generate_series(${pFrom}::int, ${pTo}::int) AS year),
    rep AS (
      SELECT r.agency_id, r.year FROM report r JOIN ag ON ag.id = r.agency_id
      WHERE r.current_version_id IS NOT NULL AND r.year BETWEEN ${pFrom} AND ${pTo}
    )
    SELECT yrs.year,
      (SELECT COUNT(*) FROM ag WHERE ag.first_year <= yrs.year) AS expected,
      (SELECT COUNT(*) FROM rep WHERE rep.year = yrs.year) AS reported,
      (SELECT COUNT(*) FROM ag) AS agencies
    FROM yrs ORDER BY yrs.year`,
    params.values,
  );
  const byYear: CoverageYear[] = yearRows.rows.map((r) => {
    const expected = int(r.expected);
    const reported = int(r.reported);
    return { year: int(r.year), expected, reported, missing: Math.max(0, expected - reported) };
  });
  const totalAgencies = int(yearRows.rows[0]?.agencies);

  const limit = params.add(options.limit ?? 50);
  const offset = params.add(options.offset ?? 0);
  const order = options.sort === "name" ? "province NULLS LAST, city NULLS LAST, county NULLS LAST, name, id" : "missing DESC, province NULLS LAST, city NULLS LAST, county NULLS LAST, name, id";
  const agencyRows = await pool.query(
    `WITH ${agencyCte},
    counted AS (
      SELECT ag.*,
        GREATEST(0, ${pTo}::int - GREATEST(${pFrom}::int, ag.first_year) + 1) AS expected,
        (SELECT COUNT(*) FROM report r WHERE r.agency_id = ag.id AND r.current_version_id IS NOT NULL
           AND r.year BETWEEN ${pFrom} AND ${pTo}) AS reported
      FROM ag
    ),
    scored AS (SELECT counted.*, GREATEST(0, expected - reported) AS missing FROM counted)
    SELECT * FROM scored ${options.onlyMissing ? "WHERE missing > 0" : ""}
    ORDER BY ${order}
    LIMIT ${limit} OFFSET ${offset}`,
    params.values,
  );
  const ids = agencyRows.rows.map((r) => int(r.id));
  const cellRows = ids.length
    ? await pool.query(
        `SELECT r.agency_id, r.year, r.id, v.format, v.failed_check_count
         FROM report r JOIN report_version v ON v.id = r.current_version_id
         WHERE r.agency_id = ANY($1::int[]) AND r.year BETWEEN $2 AND $3`,
        [ids, from, to],
      )
    : { rows: [] };
  const reportsOf = new Map<string, { id: number; format: ReportFormat; failed: number }>();
  for (const r of cellRows.rows) reportsOf.set(`${r.agency_id}:${r.year}`, { id: int(r.id), format: r.format, failed: int(r.failed_check_count) });

  const agencies: CoverageAgencyRow[] = agencyRows.rows.map((r) => {
    const firstYear = int(r.first_year);
    const cells: CoverageCell[] = years.map((year) => {
      const rep = reportsOf.get(`${r.id}:${year}`);
      if (rep) return { year, status: "reported", reportId: rep.id, format: rep.format, failedCheckCount: rep.failed };
      return { year, status: year >= firstYear ? "missing" : "not_expected", reportId: null, format: null, failedCheckCount: null };
    });
    return {
      agencyId: int(r.id),
      name: String(r.name),
      kind: r.kind,
      level: r.level,
      province: r.province ?? null,
      city: r.city ?? null,
      county: r.county ?? null,
      firstYear,
      cells,
      reported: int(r.reported),
      missing: int(r.missing),
    };
  });
  return {
    years,
    byYear,
    totalAgencies,
    totalReported: byYear.reduce((s, y) => s + y.reported, 0),
    totalMissing: byYear.reduce((s, y) => s + y.missing, 0),
    agencies,
  };
}
