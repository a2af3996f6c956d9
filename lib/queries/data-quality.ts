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
import { APPLICANT_COLUMNS } from "../report/catalog";
import { CURRENT_REPORTS_FROM, CURRENT_REPORTS_META_FROM, type Db, Params, col, filterConditions, int, resolveDb } from "./sql";

const ACROSS_YEAR_RULES = ["carry_across_years", "in_force_across_years"];
const prevCol = (key: string) => col(key).replace(/^rv\./, "p.");

/** Failed carry-over checks of one report against the year before: one per applicant column. */
const CARRY_FAILED = APPLICANT_COLUMNS.map((c) => {
  const left = prevCol(`apps.carried_forward.${c.key}`);
  const right = col(`apps.carried_over.${c.key}`);
  return `(CASE WHEN ${left} IS NOT NULL AND ${right} IS NOT NULL AND abs(${left} - ${right}) > 1e-6 * greatest(1, abs(${right})) THEN 1 ELSE 0 END)`;
}).join(" + ");

/** Failed 现行有效 checks (规章, 规范性文件) when both years use the 2021 format. */
const IN_FORCE_FAILED = ["rules", "normative"]
  .map((g) => {
    const prev = prevCol(`active.${g}.in_force`);
    const issued = col(`active.${g}.issued`);
    const repealed = col(`active.${g}.repealed`);
    const inForce = col(`active.${g}.in_force`);
    return `(CASE WHEN v.format = '2021' AND vp.format = '2021' AND (${prev} IS NOT NULL OR ${issued} IS NOT NULL) AND ${inForce} IS NOT NULL
      AND abs(COALESCE(${prev}, 0) + COALESCE(${issued}, 0) - COALESCE(${repealed}, 0) - ${inForce}) > 1e-6 THEN 1 ELSE 0 END)`;
  })
  .join(" + ");

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
  const years = await pool.query(
    `SELECT r.year, COUNT(*) AS reports,
       COUNT(*) FILTER (WHERE v.failed_check_count > 0) AS failed,
       COUNT(*) FILTER (WHERE cardinality(v.warnings) > 0) AS warned
     FROM ${CURRENT_REPORTS_META_FROM} WHERE ${where} GROUP BY r.year ORDER BY r.year`,
    params.values,
  );
  const rules = await pool.query(
    `SELECT c.rule_id, COUNT(DISTINCT c.version_id) AS reports, COUNT(*) AS checks
     FROM ${CURRENT_REPORTS_META_FROM} JOIN check_result c ON c.version_id = r.current_version_id AND NOT c.ok
     WHERE ${where} AND c.rule_id NOT IN (${ACROSS_YEAR_RULES.map((r) => `'${r}'`).join(", ")}) GROUP BY c.rule_id`,
    params.values,
  );
  const across = await pool.query(
    `SELECT COUNT(*) FILTER (WHERE carry > 0) AS carry_reports, COALESCE(SUM(carry), 0) AS carry_checks,
            COUNT(*) FILTER (WHERE in_force > 0) AS in_force_reports, COALESCE(SUM(in_force), 0) AS in_force_checks
     FROM (
       SELECT ${CARRY_FAILED} AS carry, ${IN_FORCE_FAILED} AS in_force
       FROM ${CURRENT_REPORTS_FROM}
       JOIN report rp ON rp.agency_id = r.agency_id AND rp.year = r.year - 1
       JOIN report_version vp ON vp.id = rp.current_version_id
       JOIN report_values p ON p.version_id = rp.current_version_id
       WHERE ${where}
     ) x`,
    params.values,
  );
  const limit = params.add(options.worstLimit ?? 20);
  const worst = await pool.query(
    `SELECT r.id AS report_id, a.id AS agency_id, a.name AS agency_name, r.year, v.failed_check_count,
       ARRAY(SELECT DISTINCT c.rule_id FROM check_result c WHERE c.version_id = v.id AND NOT c.ok ORDER BY 1) AS rules
     FROM ${CURRENT_REPORTS_META_FROM}
     WHERE ${where} AND v.failed_check_count > 0
     ORDER BY v.failed_check_count DESC, r.year DESC, a.name, r.id
     LIMIT ${limit}`,
    params.values,
  );
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
