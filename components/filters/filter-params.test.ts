import { describe, expect, it } from "vitest";
import { parseReportFilters } from "../../lib/filters/report-filters";
import { exportHref, nextSearchParams } from "./filter-params";

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

describe("exportHref", () => {
  it("keeps the filters and drops paging", () => {
    expect(exportHref(new URLSearchParams("year=2023&county=洪泽区&page=2&pageSize=10"))).toBe(
      `/api/export.csv?${new URLSearchParams("year=2023&county=洪泽区").toString()}`,
    );
    expect(exportHref({})).toBe("/api/export.csv");
  });
});
