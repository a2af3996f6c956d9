import { describe, expect, it } from "vitest";
import { Params, containsPattern, filterConditions, readGroup, sumMetricExpr } from "./sql";
import { getMetric, type SumMetric } from "../report/ratios";

describe("filterConditions", () => {
  it("binds every value as a parameter, never in the SQL text", () => {
    const p = new Params();
    const sql = filterConditions(
      { year: 2023, province: "江苏省'; DROP TABLE report; --", kind: ["street"], level: [], agency: [1, 2], q: "50%_off" },
      p,
    );
    expect(sql).not.toContain("DROP");
    expect(sql).not.toContain("江苏省");
    expect(p.values).toEqual([2023, "江苏省'; DROP TABLE report; --", ["street"], [1, 2], "%50\\%\\_off%"]);
    expect(sql).toContain("r.year = $1");
    expect(sql).toContain("a.kind = ANY($3::text[])");
  });

  it("can leave the years out", () => {
    const p = new Params();
    expect(filterConditions({ year: 2020, from: 2019 }, p, { years: false })).toBe("TRUE");
    expect(p.values).toEqual([]);
  });
});

describe("containsPattern", () => {
  it("takes % _ and \\ literally", () => {
    expect(containsPattern("a%b_c\\d")).toBe("%a\\%b\\_c\\\\d%");
  });
});

describe("readGroup", () => {
  it("labels a region's own-level bodies 本级 instead of dropping them", () => {
    const row = { g_province: "江苏省", g_city: "淮安市", g_county: null, reports: "3" };
    expect(readGroup(row, "county")).toMatchObject({ label: "淮安市本级", ownLevel: true, reports: 3, key: "江苏省|淮安市|" });
    expect(readGroup({ g_province: "北京市", g_city: null, g_county: "丰台区", reports: 1 }, "county")).toMatchObject({ label: "丰台区", ownLevel: false });
    expect(readGroup({ g_province: "北京市", g_city: null, g_county: null, reports: 1 }, "city")).toMatchObject({ label: "北京市本级", ownLevel: true });
    expect(readGroup({ g_province: null, g_city: null, g_county: null, reports: 1 }, "province").label).toBe("（地区未知）");
    expect(readGroup({ g_agency_id: 7, g_name: "财政局", reports: 1 }, "agency")).toMatchObject({ key: "7", agencyId: 7, label: "财政局" });
  });
});

describe("sumMetricExpr", () => {
  it("reads the right keys per format and keeps all-blank as NULL", () => {
    const sql = sumMetricExpr(getMetric("other_handling") as SumMetric);
    expect(sql).toContain(`WHEN v.format = '2019' THEN rv."apps__other__combined__total"`);
    expect(sql).toContain("num_nonnulls");
    expect(sql).toContain(`COALESCE(rv."apps__other__misc__total", 0)`);
    expect(sumMetricExpr(getMetric("rules_in_force") as SumMetric)).not.toContain("'2019'");
  });
});
