/**
 * Compare · outcomes: 予以公开, 部分公开, 不予公开 (by reason), 无法提供, 不予处理, 其他处理 as counts and
 * as shares of （七）总计, with the disclosure rate, for the filtered agencies of one year. All from the
 * 总计 column of section 三.
 */
import type { OutcomeGroup } from "../report/catalog";
import { disclosureRate, share } from "../report/ratios";
import type { ReportFilters } from "../filters/report-filters";
import { type CompareResult, runCompare } from "./compare-common";
import { REASON_ROWS, alias, slot } from "./compare-scan";
import type { Db, GroupInfo } from "./sql";

export type { CompareResult } from "./compare-common";
export { REASON_ROWS } from "./compare-scan";

export const OUTCOME_KEYS: readonly OutcomeGroup[] = ["granted", "partial", "denied", "unavailable", "rejected", "other"];

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

const OUTCOME_SLOTS = OUTCOME_KEYS.map((o) => [o, slot(alias.outcome(o))] as const);
const REASON_SLOTS = REASON_ROWS.map((r, i) => [r, slot(alias.reason(i))] as const);
const HANDLED_TOTAL = slot(alias.handledTotal);

export async function getCompareOutcomes(filters: ReportFilters, db?: Db): Promise<CompareResult<OutcomesRow>> {
  return runCompare(
    filters,
    db,
    (s, group) => {
      const total = s[HANDLED_TOTAL] ?? null;
      const outcomes = {} as Record<OutcomeGroup, number | null>;
      const shares = {} as Record<OutcomeGroup, number | null>;
      for (const [o, i] of OUTCOME_SLOTS) {
        const n = s[i] ?? null;
        outcomes[o] = n;
        shares[o] = n === null ? null : share(n, total);
      }
      const reasons: Record<string, number | null> = {};
      for (const [r, i] of REASON_SLOTS) reasons[r] = s[i] ?? null;
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
