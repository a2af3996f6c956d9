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

const NEW_ALIASES = APPLICANT_KEYS.map((k) => [k, alias.newApps(k)] as const);
const CARRIED_ALIASES = APPLICANT_KEYS.map((k) => [k, alias.carriedOver(k)] as const);

function byApplicant(s: ScanRow, aliases: ReadonlyArray<readonly [ApplicantKey, string]>): ByApplicant {
  const out = {} as ByApplicant;
  for (const [k, a] of aliases) out[k] = s[a] ?? null;
  return out;
}

export async function getCompareApplications(filters: ReportFilters, db?: Db): Promise<CompareResult<ApplicationsRow>> {
  return runCompare(
    filters,
    db,
    (s, group) => ({
      ...group,
      newByApplicant: byApplicant(s, NEW_ALIASES),
      carriedOverByApplicant: byApplicant(s, CARRIED_ALIASES),
      handledTotal: s[alias.handledTotal] ?? null,
    }),
    (r) => r.newByApplicant.total,
  );
}
