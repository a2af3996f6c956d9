/**
 * Compare · applications: for the filtered agencies of one year, new and carried-over applications by
 * applicant type, per agency or rolled up by county / city / province, ranked by new applications.
 */
import { APPLICANT_COLUMNS } from "../report/catalog";
import type { ReportFilters } from "../filters/report-filters";
import { type CompareResult, runCompare } from "./compare-common";
import { type ScanRow, alias, slot } from "./compare-scan";
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

const NEW_SLOTS = APPLICANT_KEYS.map((k) => [k, slot(alias.newApps(k))] as const);
const CARRIED_SLOTS = APPLICANT_KEYS.map((k) => [k, slot(alias.carriedOver(k))] as const);
const HANDLED_TOTAL = slot(alias.handledTotal);

function byApplicant(s: ScanRow, slots: ReadonlyArray<readonly [ApplicantKey, number]>): ByApplicant {
  const out = {} as ByApplicant;
  for (const [k, i] of slots) out[k] = s[i] ?? null;
  return out;
}

export async function getCompareApplications(filters: ReportFilters, db?: Db): Promise<CompareResult<ApplicationsRow>> {
  return runCompare(
    filters,
    db,
    (s, group) => ({
      ...group,
      newByApplicant: byApplicant(s, NEW_SLOTS),
      carriedOverByApplicant: byApplicant(s, CARRIED_SLOTS),
      handledTotal: s[HANDLED_TOTAL] ?? null,
    }),
    (r) => r.newByApplicant.total,
  );
}
