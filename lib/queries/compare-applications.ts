/**
 * Compare · applications: for the filtered agencies of one year, new and carried-over applications by
 * applicant type, per agency or rolled up by county / city / province, ranked by new applications.
 */
import { APPLICANT_COLUMNS } from "../report/catalog";
import type { ReportFilters } from "../filters/report-filters";
import { type CompareResult, runCompare } from "./compare-common";
import { type ScanRow, alias } from "./compare-scan";
import type { Db, GroupInfo } from "./sql";

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

function byApplicant(s: ScanRow, name: (k: string) => string): ByApplicant {
  const out = {} as ByApplicant;
  for (const k of APPLICANT_KEYS) out[k] = s[name(k)] ?? null;
  return out;
}

export async function getCompareApplications(filters: ReportFilters, db?: Db): Promise<CompareResult<ApplicationsRow>> {
  return runCompare(
    filters,
    db,
    (s, group) => ({
      ...group,
      newByApplicant: byApplicant(s, alias.newApps),
      carriedOverByApplicant: byApplicant(s, alias.carriedOver),
      handledTotal: s[alias.handledTotal] ?? null,
    }),
    (r) => r.newByApplicant.total,
  );
}
