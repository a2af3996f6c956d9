/**
 * Compare · section 二: penalties, licences, enforcement (bridged across formats), fees, rules and
 * normative documents, for the filtered agencies of one year. 2019-format reports have no
 * issued/in-force rows; their made/published/total figures are given apart, never mixed in.
 */
import type { ReportFilters } from "../filters/report-filters";
import { type CompareResult, runCompare } from "./compare-common";
import { ACTIVE_2019_KEYS, ACTIVE_2021_KEYS, BRIDGED_ACTIVE, alias, slot } from "./compare-scan";
import type { Db, GroupInfo } from "./sql";

export type { CompareResult } from "./compare-common";

/** Figures comparable across both formats (2019's *.decisions ↔ 2021's row). */
export const ACTIVE_BRIDGED = BRIDGED_ACTIVE;
/** 2021-format rows (null for a group of 2019-format reports only). */
export const ACTIVE_2021 = ACTIVE_2021_KEYS;
/** 2019-format rows. */
export const ACTIVE_2019 = ACTIVE_2019_KEYS;

export type ActiveBridgedKey = (typeof ACTIVE_BRIDGED)[number];
export type Active2021Key = keyof typeof ACTIVE_2021;
export type Active2019Key = keyof typeof ACTIVE_2019;

export interface ActiveRow extends GroupInfo {
  licensing: number | null;
  penalty: number | null;
  enforcement: number | null;
  /** Sums over the group's 2021-format reports. */
  f2021: Record<Active2021Key, number | null>;
  /** Sums over the group's 2019-format reports. */
  f2019: Record<Active2019Key, number | null>;
  reports2019Format: number;
  reports2021Format: number;
}

const A2021 = (Object.keys(ACTIVE_2021) as Active2021Key[]).map((n) => [n, slot(alias.active2021(n))] as const);
const A2019 = (Object.keys(ACTIVE_2019) as Active2019Key[]).map((n) => [n, slot(alias.active2019(n))] as const);
const LICENSING = slot(alias.bridged("licensing"));
const PENALTY = slot(alias.bridged("penalty"));
const ENFORCEMENT = slot(alias.bridged("enforcement"));
const REPORTS_2019 = slot(alias.reports2019);
const REPORTS_2021 = slot(alias.reports2021);

export async function getCompareActive(filters: ReportFilters, db?: Db): Promise<CompareResult<ActiveRow>> {
  return runCompare(
    filters,
    db,
    (s, group) => {
      const f2021 = {} as Record<Active2021Key, number | null>;
      for (const [name, a] of A2021) f2021[name] = s[a] ?? null;
      const f2019 = {} as Record<Active2019Key, number | null>;
      for (const [name, a] of A2019) f2019[name] = s[a] ?? null;
      return {
        ...group,
        licensing: s[LICENSING] ?? null,
        penalty: s[PENALTY] ?? null,
        enforcement: s[ENFORCEMENT] ?? null,
        f2021,
        f2019,
        reports2019Format: s[REPORTS_2019] ?? 0,
        reports2021Format: s[REPORTS_2021] ?? 0,
      };
    },
    (r) => r.penalty,
  );
}
