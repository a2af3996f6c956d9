/**
 * Compare · applications: for the filtered agencies of one year, new and carried-over applications by
 * applicant type, per agency or rolled up by county / city / province, ranked by new applications.
 */
import { APPLICANT_COLUMNS } from "../report/catalog";
import type { ReportFilters } from "../filters/report-filters";
import { type CompareResult, runCompare } from "./compare-common";
import { type Db, type GroupInfo, num, sumOfKey } from "./sql";

export type { CompareResult } from "./compare-common";

export type ApplicantKey = "natural" | "business" | "research" | "nonprofit" | "legal" | "other" | "total";
export const APPLICANT_KEYS = APPLICANT_COLUMNS.map((c) => c.key) as ApplicantKey[];

export type ByApplicant = Record<ApplicantKey, number | null>;

export interface ApplicationsRow extends GroupInfo {
  /** 一、本年新收 per applicant column (total = the printed 总计 column). */
  newByApplicant: ByApplicant;
  /** 二、上年结转 per applicant column. */
  carriedOverByApplicant: ByApplicant;
  /** （七）总计 · 总计: applications handled. */
  handledTotal: number | null;
}

function byApplicant(row: Record<string, unknown>, prefix: string): ByApplicant {
  const out = {} as ByApplicant;
  for (const k of APPLICANT_KEYS) out[k] = num(row[`${prefix}_${k}`]);
  return out;
}

export async function getCompareApplications(filters: ReportFilters, db?: Db): Promise<CompareResult<ApplicationsRow>> {
  const sums = [
    ...APPLICANT_KEYS.flatMap((k) => [`${sumOfKey(`apps.new.${k}`)} AS new_${k}`, `${sumOfKey(`apps.carried_over.${k}`)} AS co_${k}`]),
    `${sumOfKey("apps.total.total")} AS handled_total`,
  ].join(",\n  ");
  return runCompare(
    filters,
    db,
    sums,
    (row, group) => ({
      ...group,
      newByApplicant: byApplicant(row, "new"),
      carriedOverByApplicant: byApplicant(row, "co"),
      handledTotal: num(row.handled_total),
    }),
    (r) => r.newByApplicant.total,
  );
}
