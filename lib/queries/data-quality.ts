/**
 * Overview · data quality: how many of the filtered reports break a 勾稽 relation, by rule and by year,
 * and the reports with the most broken relations (to review first).
 *
 * Relations 1–4 (within a report) come from the check rows ingest stored with each version. Relation 5
 * (across years: carry-over and 现行有效) depends on two reports, either of which can be corrected later,
 * so it is evaluated here, live, between the current versions of consecutive years — same arithmetic and
 * tolerance as lib/report/relations.ts checkAcrossYears — and counted on the later year's report.
 */
import { RULES, type RuleId } from "../report/relations";
import type { ReportFilters } from "../filters/report-filters";
import { APPLICANT_COLUMNS, columnForKey } from "../report/catalog";
import { CURRENT_REPORTS_FROM, CURRENT_REPORTS_META_FROM, type Db, Params, col, filterConditions, int, resolveDb } from "./sql";

const ACROSS_YEAR_RULES = ["carry_across_years", "in_force_across_years"];

/** Columns relation 5 reads, this year's and (as p_…) the previous year's. */
const ACROSS_KEYS = [
  ...APPLICANT_COLUMNS.flatMap((c) => [`apps.carried_forward.${c.key}`, `apps.carried_over.${c.key}`]),
  ...["rules", "normative"].flatMap((g) => [`active.${g}.in_force`, `active.${g}.issued`, `active.${g}.repealed`]),
];
const cur = (key: string) => `"${columnForKey(key)}"`;
const prev = (key: string) => `"p_${columnForKey(key)}"`;

/** Failed carry-over checks of one report against the year before: one per applicant column. */
const CARRY_FAILED = APPLICANT_COLUMNS.map((c) => {
  const left = prev(`apps.carried_forward.${c.key}`);
  const right = cur(`apps.carried_over.${c.key}`);
  return `(CASE WHEN ${left} IS NOT NULL AND ${right} IS NOT NULL AND abs(${left} - ${right}) > 1e-6 * greatest(1, abs(${right})) THEN 1 ELSE 0 END)`;
}).join(" + ");

/** Failed 现行有效 checks (规章, 规范性文件) when both years use the 2021 format. */
const IN_FORCE_FAILED = ["rules", "normative"]
  .map((g) => {
    const before = prev(`active.${g}.in_force`);
    const issued = cur(`active.${g}.issued`);
    const repealed = cur(`active.${g}.repealed`);
    const inForce = cur(`active.${g}.in_force`);
    return `(CASE WHEN format = '2021' AND p_format = '2021' AND (${before} IS NOT NULL OR ${issued} IS NOT NULL) AND ${inForce} IS NOT NULL
      AND abs(COALESCE(${before}, 0) + COALESCE(${issued}, 0) - COALESCE(${repealed}, 0) - ${inForce}) > 1e-6 THEN 1 ELSE 0 END)`;
  })
  .join(" + ");

/**
 * Each filtered report beside its agency's previous report (LAG over the agency's years: one pass, no
 * self-join), then relation 5 where the two years are consecutive. The year filters apply to the later
 * report only — the earlier one may lie just outside the range.
 */
function acrossYearsSql(filters: ReportFilters, params: Params): string {
  const agencyWhere = filterConditions(filters, params, { years: false });
  const years: string[] = ["TRUE"];
  if (filters.year !== undefined) years.push(`year = ${params.add(filters.year)}`);
  if (filters.from !== undefined) years.push(`year >= ${params.add(filters.from)}`);
  if (filters.to !== undefined) years.push(`year <= ${params.add(filters.to)}`);
  return `SELECT COUNT(*) FILTER (WHERE carry > 0) AS carry_reports, COALESCE(SUM(carry), 0) AS carry_checks,
            COUNT(*) FILTER (WHERE in_force > 0) AS in_force_reports, COALESCE(SUM(in_force), 0) AS in_force_checks
     FROM (
       SELECT ${CARRY_FAILED} AS carry, ${IN_FORCE_FAILED} AS in_force
       FROM (
         SELECT r.year, v.format, ${ACROSS_KEYS.map((k) => `${col(k)} AS ${cur(k)}`).join(", ")},
           LAG(r.year) OVER w AS p_year, LAG(v.format) OVER w AS p_format,
           ${ACROSS_KEYS.map((k) => `LAG(${col(k)}) OVER w AS ${prev(k)}`).join(", ")}
         FROM ${CURRENT_REPORTS_FROM}
         WHERE ${agencyWhere}
         WINDOW w AS (PARTITION BY r.agency_id ORDER BY r.year)
       ) pairs
       WHERE p_year = year - 1 AND ${years.join(" AND ")}
     ) x`;
}

export interface RuleFailures {
  ruleId: string;
  labelZh: string;
  labelEn: string;
  /** Reports with at least one failed check of the rule. */
  reports: number;
  /** Failed checks of the rule (a report can fail a rule in several columns). */
  checks: number;
}

export interface QualityYear {
  year: number;
  reports: number;
  reportsWithFailedChecks: number;
  reportsWithWarnings: number;
}

export interface WorstReport {
  reportId: number;
  agencyId: number;
  agencyName: string;
  year: number;
  failedCheckCount: number;
  /** Rule ids failed, sorted. */
  rules: string[];
}

export interface DataQuality {
  reports: number;
  reportsWithFailedChecks: number;
  reportsWithWarnings: number;
  byRule: RuleFailures[];
  byYear: QualityYear[];
  worst: WorstReport[];
}

export async function getDataQuality(filters: ReportFilters, options: { worstLimit?: number } = {}, db?: Db): Promise<DataQuality> {
  const pool = await resolveDb(db);
  const params = new Params();
  const where = filterConditions(filters, params);
  const limitParam = `$${params.values.length + 1}`;
  const [years, rules, across, worst] = await Promise.all([
    pool.query(
      `SELECT r.year, COUNT(*) AS reports,
         COUNT(*) FILTER (WHERE v.failed_check_count > 0) AS failed,
         COUNT(*) FILTER (WHERE cardinality(v.warnings) > 0) AS warned
       FROM ${CURRENT_REPORTS_META_FROM} WHERE ${where} GROUP BY r.year ORDER BY r.year`,
      params.values,
    ),
    pool.query(
      `SELECT c.rule_id, COUNT(DISTINCT c.version_id) AS reports, COUNT(*) AS checks
       FROM ${CURRENT_REPORTS_META_FROM} JOIN check_result c ON c.version_id = r.current_version_id AND NOT c.ok
       WHERE ${where} AND c.rule_id NOT IN (${ACROSS_YEAR_RULES.map((r) => `'${r}'`).join(", ")}) GROUP BY c.rule_id`,
      params.values,
    ),
    (() => {
      const acrossParams = new Params();
      const sql = acrossYearsSql(filters, acrossParams);
      return pool.query(sql, acrossParams.values);
    })(),
    pool.query(
      `SELECT r.id AS report_id, a.id AS agency_id, a.name AS agency_name, r.year, v.failed_check_count,
         ARRAY(SELECT DISTINCT c.rule_id FROM check_result c WHERE c.version_id = v.id AND NOT c.ok ORDER BY 1) AS rules
       FROM ${CURRENT_REPORTS_META_FROM}
       WHERE ${where} AND v.failed_check_count > 0
       ORDER BY v.failed_check_count DESC, r.year DESC, a.name, r.id
       LIMIT ${limitParam}`,
      [...params.values, options.worstLimit ?? 20],
    ),
  ]);
  const byYear: QualityYear[] = years.rows.map((r) => ({
    year: int(r.year),
    reports: int(r.reports),
    reportsWithFailedChecks: int(r.failed),
    reportsWithWarnings: int(r.warned),
  }));
  const ruleOrder = Object.keys(RULES);
  const a = across.rows[0] ?? {};
  const acrossRows = [
    { rule_id: "carry_across_years", reports: a.carry_reports, checks: a.carry_checks },
    { rule_id: "in_force_across_years", reports: a.in_force_reports, checks: a.in_force_checks },
  ].filter((r) => int(r.checks) > 0);
  const byRule: RuleFailures[] = [...rules.rows, ...acrossRows]
    .map((r) => {
      const known = RULES[r.rule_id as RuleId];
      return {
        ruleId: String(r.rule_id),
        labelZh: known?.labelZh ?? String(r.rule_id),
        labelEn: known?.labelEn ?? String(r.rule_id),
        reports: int(r.reports),
        checks: int(r.checks),
      };
    })
    .sort((a, b) => ruleOrder.indexOf(a.ruleId) - ruleOrder.indexOf(b.ruleId));
  return {
    reports: byYear.reduce((s, y) => s + y.reports, 0),
    reportsWithFailedChecks: byYear.reduce((s, y) => s + y.reportsWithFailedChecks, 0),
    reportsWithWarnings: byYear.reduce((s, y) => s + y.reportsWithWarnings, 0),
    byRule,
    byYear,
    worst: worst.rows.map((r) => ({
      reportId: int(r.report_id),
      agencyId: int(r.agency_id),
      agencyName: String(r.agency_name),
      year: int(r.year),
      failedCheckCount: int(r.failed_check_count),
      rules: r.rules as string[],
    })),
  };
}
