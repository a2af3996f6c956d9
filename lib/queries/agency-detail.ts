/**
 * One agency for /agencies/[id]: who it is, its report for each year (with the headline metrics and
 * data quality), the years it is missing, and the relations across consecutive years.
 */
import { METRICS, type MetricId, metricValue } from "../report/ratios";
import { FIELDS, keysForFormat, FIELD_BY_KEY, type ReportFormat, type ReportValues } from "../report/catalog";
import { type Check, checkAcrossYears } from "../report/relations";
import { type AgencySummary } from "./report-detail";
import { type Db, int, iso, metricSums, num, readMetricSums, resolveDb } from "./sql";

export interface AgencyYear {
  year: number;
  reportId: number;
  format: ReportFormat;
  versionNo: number;
  failedCheckCount: number;
  warningCount: number;
  updatedAt: string;
  metrics: Record<MetricId, number | null>;
}

export interface AgencyDetail {
  agency: AgencySummary & { aliases: string[] };
  /** Oldest first. */
  years: AgencyYear[];
  /** Years between the first and last report without one. */
  missingYears: number[];
  /** Relation 5 between each pair of consecutive years (keys of the earlier report prefixed "prev:"). */
  acrossYears: Array<Check & { fromYear: number; toYear: number }>;
}

export async function getAgencyDetail(id: number, db?: Db): Promise<AgencyDetail | null> {
  const pool = await resolveDb(db);
  const head = await pool.query(
    `SELECT id, name, full_name, kind, level, province, city, county, division_code, aliases FROM agency WHERE id = $1`,
    [id],
  );
  const a = head.rows[0];
  if (!a) return null;
  const { select, sums } = metricSums(METRICS);
  const valueCols = FIELDS.map((f) => `rv."${f.column}"`).join(", ");
  const { rows } = await pool.query(
    `SELECT r.id, r.year, v.format, v.version_no, v.failed_check_count, COALESCE(cardinality(v.warnings), 0) AS warning_count,
       v.created_at, ${valueCols}, ${select}
     FROM report r JOIN report_version v ON v.id = r.current_version_id JOIN report_values rv ON rv.version_id = v.id
     WHERE r.agency_id = $1
     GROUP BY r.id, v.id, rv.version_id
     ORDER BY r.year`,
    [id],
  );
  const years: AgencyYear[] = [];
  const valuesByYear = new Map<number, { format: ReportFormat; values: ReportValues }>();
  for (const row of rows as Record<string, unknown>[]) {
    const s = readMetricSums(row, sums);
    const metrics = {} as Record<MetricId, number | null>;
    for (const m of METRICS) metrics[m.id] = metricValue(m, s);
    const format = row.format as ReportFormat;
    years.push({
      year: int(row.year),
      reportId: int(row.id),
      format,
      versionNo: int(row.version_no),
      failedCheckCount: int(row.failed_check_count),
      warningCount: int(row.warning_count),
      updatedAt: iso(row.created_at),
      metrics,
    });
    const values: ReportValues = {};
    for (const k of keysForFormat(format)) values[k] = num(row[FIELD_BY_KEY.get(k)!.column]);
    valuesByYear.set(int(row.year), { format, values });
  }
  const missingYears: number[] = [];
  const acrossYears: AgencyDetail["acrossYears"] = [];
  if (years.length > 0) {
    for (let y = years[0].year; y <= years[years.length - 1].year; y++) if (!valuesByYear.has(y)) missingYears.push(y);
    for (const { year } of years) {
      const prev = valuesByYear.get(year - 1);
      const cur = valuesByYear.get(year)!;
      if (!prev) continue;
      for (const c of checkAcrossYears({ year: year - 1, ...prev }, { year, ...cur })) acrossYears.push({ ...c, fromYear: year - 1, toYear: year });
    }
  }
  return {
    agency: {
      id: int(a.id),
      name: String(a.name),
      fullName: a.full_name ?? null,
      kind: a.kind,
      level: a.level,
      province: a.province ?? null,
      city: a.city ?? null,
      county: a.county ?? null,
      divisionCode: a.division_code ?? null,
      aliases: a.aliases ?? [],
    },
    years,
    missingYears,
    acrossYears,
  };
}
