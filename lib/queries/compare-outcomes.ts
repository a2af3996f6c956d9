/**
 * Compare · outcomes: 予以公开, 部分公开, 不予公开 (by reason), 无法提供, 不予处理, 其他处理 as counts and
 * as shares of （七）总计, with the disclosure rate, for the filtered agencies of one year. All from the
 * 总计 column of section 三.
 */
import { APPLICATION_ROWS, type OutcomeGroup } from "../report/catalog";
import { disclosureRate, getMetric, share, type SumMetric } from "../report/ratios";
import type { ReportFilters } from "../filters/report-filters";
import { type CompareResult, runCompare } from "./compare-common";
import { type Db, type GroupInfo, num, sumMetricExpr, sumOfKey } from "./sql";

export type { CompareResult } from "./compare-common";

export const OUTCOME_KEYS: readonly OutcomeGroup[] = ["granted", "partial", "denied", "unavailable", "rejected", "other"];

/** Outcome rows with a reason (denied.*, unavailable.*, rejected.*, other.*), as application row keys. */
export const REASON_ROWS: readonly string[] = APPLICATION_ROWS.filter(
  (r) => r.outcome !== null && r.outcome !== "granted" && r.outcome !== "partial",
).map((r) => r.key);

export interface OutcomesRow extends GroupInfo {
  /** （七）总计 · 总计 as printed. */
  total: number | null;
  /** Count per outcome group (other = 2019's single row or 2021's three rows). */
  outcomes: Record<OutcomeGroup, number | null>;
  /** Count / total per outcome group (null when total is 0 or blank). */
  shares: Record<OutcomeGroup, number | null>;
  /** Count per reason row, e.g. "denied.state_secret", "rejected.duplicate", "other.combined". */
  reasons: Record<string, number | null>;
  /** (予以公开 + 部分公开) / 总计. */
  disclosureRate: number | null;
}

const GROUP_METRIC: Record<OutcomeGroup, string> = {
  granted: "granted",
  partial: "partial",
  denied: "denied",
  unavailable: "unavailable",
  rejected: "rejected",
  other: "other_handling",
};

export async function getCompareOutcomes(filters: ReportFilters, db?: Db): Promise<CompareResult<OutcomesRow>> {
  const sums = [
    `${sumOfKey("apps.total.total")} AS total`,
    ...OUTCOME_KEYS.map((o) => `SUM(${sumMetricExpr(getMetric(GROUP_METRIC[o] as never) as SumMetric)}) AS o_${o}`),
    ...REASON_ROWS.map((r, i) => `${sumOfKey(`apps.${r}.total`)} AS r_${i}`),
  ].join(",\n  ");
  return runCompare(
    filters,
    db,
    sums,
    (row, group) => {
      const total = num(row.total);
      const outcomes = {} as Record<OutcomeGroup, number | null>;
      const shares = {} as Record<OutcomeGroup, number | null>;
      for (const o of OUTCOME_KEYS) {
        outcomes[o] = num(row[`o_${o}`]);
        shares[o] = outcomes[o] === null ? null : share(outcomes[o], total);
      }
      const reasons: Record<string, number | null> = {};
      REASON_ROWS.forEach((r, i) => (reasons[r] = num(row[`r_${i}`])));
      return {
        ...group,
        total,
        outcomes,
        shares,
        reasons,
        disclosureRate: disclosureRate({ granted: outcomes.granted, partial: outcomes.partial, total }),
      };
    },
    (r) => r.total,
  );
}
