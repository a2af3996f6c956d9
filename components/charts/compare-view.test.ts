import { describe, expect, it } from "vitest";
import { parseReportFilters } from "../../lib/filters/report-filters";
import { groupHref } from "./compare-view";

const group = (over: Partial<Parameters<typeof groupHref>[0]>) => ({
  key: "k",
  label: "x",
  agencyId: null,
  province: "江苏省",
  city: "淮安市",
  county: "洪泽区",
  ownLevel: false,
  reports: 1,
  ...over,
});

describe("groupHref: where a compare row leads", () => {
  it("an agency row opens the agency page", () => {
    expect(groupHref(group({ agencyId: 7 }), "agency", {}, 2024)).toBe("/agencies/7");
  });

  it("a region row narrows compare to that region, one level down, keeping the other filters and the year", () => {
    const href = groupHref(group({ county: null }), "city", { kind: "street", groupBy: "city", page: "2" }, 2024);
    const url = new URL(href ?? "", "http://x");
    expect(url.pathname).toBe("/compare");
    expect(Object.fromEntries(url.searchParams)).toEqual({ kind: "street", year: "2024", province: "江苏省", city: "淮安市", groupBy: "county" });
    // The link is a valid filter set.
    expect(parseReportFilters(url.searchParams).ok).toBe(true);
  });

  it("a province row rolls up by city next", () => {
    const withCities = new URL(groupHref(group({ city: null, county: null }), "province", {}, 2023) ?? "", "http://x");
    expect(withCities.searchParams.get("groupBy")).toBe("city");
    expect(withCities.searchParams.get("province")).toBe("江苏省");
  });

  it("a 本级 group or an unknown region has no link", () => {
    expect(groupHref(group({ ownLevel: true, county: null }), "county", {}, 2024)).toBeUndefined();
    expect(groupHref(group({ province: null, city: null, county: null }), "province", {}, 2024)).toBeUndefined();
  });
});
