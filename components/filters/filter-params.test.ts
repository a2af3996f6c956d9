import { describe, expect, it } from "vitest";
import { parseReportFilters } from "../../lib/filters/report-filters";
import { cityOptions, countyOptions, exportHref, nextSearchParams, provinceOptions } from "./filter-params";

describe("nextSearchParams", () => {
  it("sets a key and drops the page", () => {
    const p = nextSearchParams(new URLSearchParams("year=2022&page=3&agency=4"), { year: "2023" });
    expect(p.toString()).toBe("year=2023&agency=4");
  });

  it("clears city and county when the province changes, county when the city changes", () => {
    const cur = new URLSearchParams("province=江苏省&city=淮安市&county=洪泽区&year=2023");
    expect(nextSearchParams(cur, { province: "福建省" }).toString()).toBe(new URLSearchParams("province=福建省&year=2023").toString());
    expect(nextSearchParams(cur, { city: "南京市" }).toString()).toBe(new URLSearchParams("province=江苏省&city=南京市&year=2023").toString());
  });

  it("switching between one year and a range never leaves both (the schema rejects that)", () => {
    const range = nextSearchParams(new URLSearchParams("year=2023"), { from: "2019", to: "2023" });
    expect(range.toString()).toBe("from=2019&to=2023");
    expect(parseReportFilters(range).ok).toBe(true);
    const single = nextSearchParams(range, { year: "2021" });
    expect(single.toString()).toBe("year=2021");
  });

  it("removes a key set to empty", () => {
    expect(nextSearchParams(new URLSearchParams("kind=street&q=街道"), { kind: "" }).toString()).toBe(new URLSearchParams("q=街道").toString());
  });

  it("accepts a Next searchParams object", () => {
    expect(nextSearchParams({ year: "2023", kind: ["street", "town"] }, { q: "x" }).getAll("kind")).toEqual(["street", "town"]);
  });
});

describe("region cascade", () => {
  const regions = [
    { province: "江苏省", city: "淮安市", county: "洪泽区" },
    { province: "江苏省", city: "淮安市", county: null },
    { province: "江苏省", city: "宿迁市", county: "沭阳县" },
    { province: "北京市", city: null, county: "丰台区" },
    { province: "福建省", city: null, county: "平潭综合实验区" },
    { province: null, city: null, county: null },
  ];
  it("offers provinces, then that province's cities, then that city's counties", () => {
    expect(provinceOptions(regions)).toEqual(["北京市", "福建省", "江苏省"].sort((a, b) => a.localeCompare(b, "zh-CN")));
    expect(cityOptions(regions, "江苏省")).toEqual(["淮安市", "宿迁市"].sort((a, b) => a.localeCompare(b, "zh-CN")));
    expect(cityOptions(regions, undefined)).toEqual([]);
    expect(countyOptions(regions, "江苏省", "淮安市")).toEqual(["洪泽区"]);
  });
  it("offers the counties of a province without cities (直辖市)", () => {
    expect(cityOptions(regions, "北京市")).toEqual([]);
    expect(countyOptions(regions, "北京市", undefined)).toEqual(["丰台区"]);
    expect(countyOptions(regions, "江苏省", undefined)).toEqual([]);
  });
});

describe("exportHref", () => {
  it("keeps the filters and drops paging", () => {
    expect(exportHref(new URLSearchParams("year=2023&county=洪泽区&page=2&pageSize=10"))).toBe(
      `/api/export.csv?${new URLSearchParams("year=2023&county=洪泽区").toString()}`,
    );
    expect(exportHref({})).toBe("/api/export.csv");
  });
});
