/**
 * Compare · section 四: 行政复议 and 行政诉讼 (direct, after reconsideration, and both together) by
 * result, with the correction rate 结果纠正 / 总计, for the filtered agencies of one year.
 */
import { REVIEW_GROUPS, REVIEW_RESULTS } from "../report/catalog";
import { correctionRate } from "../report/ratios";
import type { ReportFilters } from "../filters/report-filters";
import { type CompareResult, runCompare } from "./compare-common";
import { type Db, type GroupInfo, num, sumOfKey } from "./sql";

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

const GROUP_ALIAS: Record<string, string> = { review: "rv", "litigation.direct": "ld", "litigation.after_review": "la" };

function counts(values: Record<ReviewResultKey, number | null>): ReviewCounts {
  return { ...values, correctionRate: correctionRate({ corrected: values.corrected, total: values.total }) };
}

function addNullable(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

export async function getCompareReview(filters: ReportFilters, db?: Db): Promise<CompareResult<ReviewRow>> {
  const sums = REVIEW_GROUPS.flatMap((g) => REVIEW_RESULT_KEYS.map((r) => `${sumOfKey(`${g.key}.${r}`)} AS ${GROUP_ALIAS[g.key]}_${r}`)).join(",\n  ");
  return runCompare(
    filters,
    db,
    sums,
    (row, group) => {
      const read = (alias: string) => {
        const out = {} as Record<ReviewResultKey, number | null>;
        for (const r of REVIEW_RESULT_KEYS) out[r] = num(row[`${alias}_${r}`]);
        return out;
      };
      const review = read("rv");
      const direct = read("ld");
      const after = read("la");
      const both = {} as Record<ReviewResultKey, number | null>;
      for (const r of REVIEW_RESULT_KEYS) both[r] = addNullable(direct[r], after[r]);
      return { ...group, review: counts(review), litigationDirect: counts(direct), litigationAfterReview: counts(after), litigation: counts(both) };
    },
    (r) => addNullable(r.review.total, r.litigation.total),
  );
}
