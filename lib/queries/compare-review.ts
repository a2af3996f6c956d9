/**
 * Compare · section 四: 行政复议 and 行政诉讼 (direct, after reconsideration, and both together) by
 * result, with the correction rate 结果纠正 / 总计, for the filtered agencies of one year.
 */
import { REVIEW_RESULTS } from "../report/catalog";
import { correctionRate } from "../report/ratios";
import type { ReportFilters } from "../filters/report-filters";
import { type CompareResult, runCompare } from "./compare-common";
import { type ScanRow, alias, slot } from "./compare-scan";
import type { Db, GroupInfo } from "./sql";

export type { CompareResult } from "./compare-common";

export type ReviewResultKey = "upheld" | "corrected" | "other" | "pending" | "total";
export const REVIEW_RESULT_KEYS = REVIEW_RESULTS.map((r) => r.key) as ReviewResultKey[];

export type ReviewCounts = Record<ReviewResultKey, number | null> & { correctionRate: number | null };

export interface ReviewRow extends GroupInfo {
  /** 行政复议. */
  review: ReviewCounts;
  /** 行政诉讼 · 未经复议直接起诉. */
  litigationDirect: ReviewCounts;
  /** 行政诉讼 · 复议后起诉. */
  litigationAfterReview: ReviewCounts;
  /** Both kinds of litigation added up. */
  litigation: ReviewCounts;
}

function counts(values: Record<ReviewResultKey, number | null>): ReviewCounts {
  return { ...values, correctionRate: correctionRate({ corrected: values.corrected, total: values.total }) };
}

function addNullable(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

const SLOTS: Record<string, ReadonlyArray<readonly [ReviewResultKey, number]>> = Object.fromEntries(
  ["review", "litigation.direct", "litigation.after_review"].map((g) => [g, REVIEW_RESULT_KEYS.map((r) => [r, slot(alias.review(g, r))] as const)]),
);

function read(s: ScanRow, group: string): Record<ReviewResultKey, number | null> {
  const out = {} as Record<ReviewResultKey, number | null>;
  for (const [r, i] of SLOTS[group]) out[r] = s[i] ?? null;
  return out;
}

export async function getCompareReview(filters: ReportFilters, db?: Db): Promise<CompareResult<ReviewRow>> {
  return runCompare(
    filters,
    db,
    (s, group) => {
      const direct = read(s, "litigation.direct");
      const after = read(s, "litigation.after_review");
      const both = {} as Record<ReviewResultKey, number | null>;
      for (const r of REVIEW_RESULT_KEYS) both[r] = addNullable(direct[r], after[r]);
      return { ...group, review: counts(read(s, "review")), litigationDirect: counts(direct), litigationAfterReview: counts(after), litigation: counts(both) };
    },
    (r) => addNullable(r.review.total, r.litigation.total),
  );
}
