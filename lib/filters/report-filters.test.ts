import { describe, expect, it } from "vitest";
import { defaultReportFilters, filtersToSearchParams, parseReportFilters, yearSpan, type ReportFilters } from "./report-filters";

function ok(input: string | Record<string, string | string[] | undefined>, allowExtra?: string[]): ReportFilters {
  const r = parseReportFilters(typeof input === "string" ? new URLSearchParams(input) : input, { allowExtra });
  if (!r.ok) throw new Error(`expected ok, got ${r.error.message}`);
  return r.filters;
}

function fail(input: string, allowExtra?: string[]) {
  const r = parseReportFilters(new URLSearchParams(input), { allowExtra });
  if (r.ok) throw new Error(`expected an error for ${input}`);
  return r.error;
}

describe("parseReportFilters", () => {
  it("gives the defaults for an empty query", () => {
    expect(ok("")).toEqual(defaultReportFilters());
  });

  it("reads a year, a range, the region cascade, kinds, levels, q and agencies", () => {
    const f = ok("year=2023&province=江苏省&city=淮安市&county=洪泽区&kind=street,town&level=township&q= 东高地 &agency=3&agency=12,3");
    expect(f).toMatchObject({
      year: 2023,
      province: "江苏省",
      city: "淮安市",
      county: "洪泽区",
      kind: ["street", "town"],
      level: ["township"],
      q: "东高地",
      agency: [3, 12],
    });
    expect(ok("from=2019&to=2023")).toMatchObject({ from: 2019, to: 2023 });
    expect(ok("from=2021")).toMatchObject({ from: 2021 });
    expect(ok("from=2021").to).toBeUndefined();
  });

  it("accepts Next's searchParams object form, arrays included", () => {
    expect(ok({ year: "2022", kind: ["street", "town"], q: undefined })).toMatchObject({ year: 2022, kind: ["street", "town"] });
  });

  it("treats empty values (an unselected <select>) as no filter", () => {
    expect(ok("year=&province=&kind=")).toEqual(defaultReportFilters());
  });

  it("allows a county without a city (直辖市 districts)", () => {
    expect(ok("province=北京市&county=丰台区")).toMatchObject({ province: "北京市", county: "丰台区" });
  });

  it.each([
    ["year=abc", "year", /四位年份/, /four-digit year, got "abc"/],
    ["year=1999", "year", /2008/, /between 2008 and 2100, got 1999/],
    ["year=2023.5", "year", /四位年份/, /four-digit year/],
    ["from=2023&to=2019", "from", /晚于/, /from=2023 is after to=2019/],
    ["year=2023&from=2019", "year", /不能与 from\/to 同时使用/, /cannot be combined/],
    ["kind=ministry", "kind", /kind 的取值“ministry”无效/, /unknown kind "ministry"; expected one of: government/],
    ["level=national", "level", /无效/, /unknown level "national"/],
    ["county=丰台区", "county", /province/, /county needs province/],
    ["city=淮安市", "city", /province/, /city needs province/],
    ["groupBy=street", "groupBy", /无效/, /expected one of: agency, county, city, province/],
    ["metric=nonsense", "metric", /无效/, /unknown metric "nonsense"/],
    ["agency=12,abc", "agency", /正整数/, /positive whole number, got "abc"/],
    ["page=0", "page", /1–/, /between 1 and/],
    ["pageSize=10000", "pageSize", /1–500/, /between 1 and 500/],
    ["yaer=2023", "yaer", /未知参数 yaer/, /unknown parameter yaer/],
    ["year=2022&year=2023", "year", /多次/, /more than once/],
  ])("rejects %s with a message naming %s", (query, param, zh, en) => {
    const e = fail(query);
    expect(e.code).toBe("invalid_filter");
    const issue = e.issues.find((i) => i.param === param);
    expect(issue, JSON.stringify(e.issues)).toBeDefined();
    expect(issue!.messageZh).toMatch(zh);
    expect(issue!.messageEn).toMatch(en);
    expect(e.message).toContain(issue!.messageZh);
    expect(e.message).toContain(issue!.messageEn);
  });

  it("reports every problem at once", () => {
    const e = fail("year=abc&kind=x&foo=1");
    expect(e.issues.map((i) => i.param).sort()).toEqual(["foo", "kind", "year"]);
  });

  it("accepts extra parameters only when the caller allows them", () => {
    expect(fail("format=long").issues[0].param).toBe("format");
    expect(ok("format=long&labels=zh", ["format", "labels"])).toEqual(defaultReportFilters());
  });

  it("a repeated identical value is not an error", () => {
    expect(ok("year=2022&year=2022").year).toBe(2022);
  });

  it("rejects an over-long q", () => {
    expect(fail(`q=${"长".repeat(101)}`).issues[0].param).toBe("q");
  });
});

describe("filtersToSearchParams", () => {
  it("round-trips through parseReportFilters", () => {
    const queries = [
      "",
      "year=2023&province=江苏省&city=淮安市&county=洪泽区&kind=street,town&level=township&q=街道&agency=3,12&groupBy=county&metric=penalty&page=3&pageSize=20",
      "from=2019&to=2021&province=北京市&county=丰台区",
      "to=2022&q=a%26b%3Dc",
    ];
    for (const q of queries) {
      const f = ok(q);
      expect(ok(filtersToSearchParams(f).toString())).toEqual(f);
    }
  });

  it("leaves defaults out, so equal filters give equal URLs", () => {
    expect(filtersToSearchParams(defaultReportFilters()).toString()).toBe("");
    expect(filtersToSearchParams(ok("kind=town,street&groupBy=agency&page=1")).toString()).toBe("kind=town%2Cstreet");
  });
});

describe("yearSpan", () => {
  it("maps year and ranges to [from, to]", () => {
    expect(yearSpan({ year: 2022 })).toEqual({ from: 2022, to: 2022 });
    expect(yearSpan({ from: 2019 })).toEqual({ from: 2019, to: null });
    expect(yearSpan({})).toEqual({ from: null, to: null });
  });
});
