/**
 * Compare · section 二: penalties, licences, enforcement (bridged across formats), fees, rules and
 * normative documents, for the filtered agencies of one year. 2019-format reports have no
 * issued/in-force rows; their made/published/total figures are given apart, never mixed in.
 */
import { getMetric, type SumMetric } from "../report/ratios";
import type { ReportFilters } from "../filters/report-filters";
import { type CompareResult, runCompare } from "./compare-common";
import { type Db, type GroupInfo, num, sumMetricExpr, sumOfKey } from "./sql";

export type { CompareResult } from "./compare-common";

/** Figures comparable across both formats (2019's *.decisions ↔ 2021's row). */
export const ACTIVE_BRIDGED = ["licensing", "penalty", "enforcement"] as const;
/** 2021-format rows (null for a group of 2019-format reports only). */
export const ACTIVE_2021 = {
  rulesIssued: "active.rules.issued",
  rulesRepealed: "active.rules.repealed",
  rulesInForce: "active.rules.in_force",
  normativeIssued: "active.normative.issued",
  normativeRepealed: "active.normative.repealed",
  normativeInForce: "active.normative.in_force",
  fees: "active.fees",
} as const;
/** 2019-format rows. */
export const ACTIVE_2019 = {
  rulesMade: "active.rules.made",
  rulesPublished: "active.rules.published",
  rulesTotal: "active.rules.total",
  normativeMade: "active.normative.made",
  normativePublished: "active.normative.published",
  normativeTotal: "active.normative.total",
  otherServicesDecisions: "active.other_services.decisions",
  procurementItems: "active.procurement.items",
  procurementAmount: "active.procurement.amount",
} as const;

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

export async function getCompareActive(filters: ReportFilters, db?: Db): Promise<CompareResult<ActiveRow>> {
  const sums = [
    ...ACTIVE_BRIDGED.map((m) => `SUM(${sumMetricExpr(getMetric(m) as SumMetric)}) AS b_${m}`),
    ...Object.entries(ACTIVE_2021).map(([name, key]) => `${sumOfKey(key)} FILTER (WHERE v.format = '2021') AS "n_${name}"`),
    ...Object.entries(ACTIVE_2019).map(([name, key]) => `${sumOfKey(key)} FILTER (WHERE v.format = '2019') AS "o_${name}"`),
    `COUNT(*) FILTER (WHERE v.format = '2019') AS reports_2019`,
    `COUNT(*) FILTER (WHERE v.format = '2021') AS reports_2021`,
  ].join(",\n  ");
  return runCompare(
    filters,
    db,
    sums,
    (row, group) => {
      const f2021 = {} as Record<Active2021Key, number | null>;
      for (const name of Object.keys(ACTIVE_2021) as Active2021Key[]) f2021[name] = num(row[`n_${name}`]);
      const f2019 = {} as Record<Active2019Key, number | null>;
      for (const name of Object.keys(ACTIVE_2019) as Active2019Key[]) f2019[name] = num(row[`o_${name}`]);
      return {
        ...group,
        licensing: num(row.b_licensing),
        penalty: num(row.b_penalty),
        enforcement: num(row.b_enforcement),
        f2021,
        f2019,
        reports2019Format: num(row.reports_2019) ?? 0,
        reports2021Format: num(row.reports_2021) ?? 0,
      };
    },
    (r) => r.penalty,
  );
}
