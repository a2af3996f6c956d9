/**
 * Overview · data quality: how many of the filtered reports break a 勾稽 relation, by rule and by year,
 * and the reports with the most broken relations (to review first).
 */
import { RULES, type RuleId } from "../report/relations";
import type { ReportFilters } from "../filters/report-filters";
import { CURRENT_REPORTS_META_FROM, type Db, Params, filterConditions, int, resolveDb } from "./sql";

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
     WHERE ${where} GROUP BY c.rule_id`,
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
  const byRule: RuleFailures[] = rules.rows
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
