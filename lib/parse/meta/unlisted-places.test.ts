/**
 * Streets and townships the NBS 2023 index does not list: new streets are created, merged and
 * renamed every year, so a name printed clearly is kept as printed and placed by the text's own
 * place names, never "corrected" into a neighbouring real unit one character away.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findPlaces, readMetadata } from "./index";
import { looksOcrd } from "./issuer";
import { compact } from "./text";

const SEEDS = path.join(__dirname, "..", "__fixtures__", "seeds");

describe("the invented names used here are not in the index (the tests below depend on it)", () => {
  it.each(["民丰街道", "乐东街道", "云栖街道", "星河镇", "松涛乡", "金沙湾街道", "新星街道", "王丰街道"])("%s", (name) => {
    expect(findPlaces(name)).toEqual([]);
  });
});

describe("a street the index lacks keeps its printed name", () => {
  it("民丰街道 alone in the title: name as printed, county and city from the narrative", () => {
    const meta = readMetadata(
      [
        "民丰街道2023年政府信息公开工作年度报告",
        "2023年，在细河区委、区政府的正确领导下，民丰街道紧紧围绕全面推进美丽细河建设，",
        "认真落实阜新市细河区政务公开工作要点。",
      ].join("\n"),
    );
    expect(meta.agency).toEqual({ name: "民丰街道", fullName: "民丰街道办事处", kind: "street", level: "township" });
    expect(meta.region).toMatchObject({ province: "辽宁省", city: "阜新市", county: "细河区", code: "210911" });
    expect(meta.warnings.join("\n")).not.toMatch(/read as/);
    expect(meta.warnings.join("\n")).toMatch(/民丰街道 is not in the 2023 division index; placed in 辽宁省 阜新市 细河区/);
  });

  it("阜新市细河区民丰街道 is not read as 玉丰街道, the real street one character away in the same district", () => {
    const meta = readMetadata("阜新市细河区民丰街道 2023 年政府信息公开工作年度报告\n2023年，民丰街道认真落实条例。");
    expect(meta.agency?.name).toBe("民丰街道");
    expect(meta.region).toMatchObject({ province: "辽宁省", city: "阜新市", county: "细河区", code: "210911" });
    expect(meta.warnings.join("\n")).not.toMatch(/玉丰/);
  });

  it("乐东街道2022年… stays 乐东街道", () => {
    const meta = readMetadata("乐东街道2022年政府信息公开工作年度报告\n一、总体情况\n2022年，乐东街道认真落实条例。");
    expect(meta.agency).toMatchObject({ name: "乐东街道", kind: "street", level: "township" });
    expect(meta.region).toEqual({ province: null, city: null, county: null });
  });

  it("新华区乐东街道 is not 道东街道 of another 新华区 (沧州): the district is chosen by the text, the street kept", () => {
    const meta = readMetadata("新华区乐东街道办事处 2024 年政府信息公开工作 年度报告\n在平顶山市新华区委、区政府的领导下，乐东街道认真落实条例。");
    expect(meta.agency).toMatchObject({ name: "乐东街道", fullName: "乐东街道办事处", kind: "street" });
    expect(meta.region).toMatchObject({ province: "河南省", city: "平顶山市", county: "新华区" });
  });

  it.each([
    // [text, name, kind, province, city, county]
    [
      "云栖街道2023年政府信息公开工作年度报告\n2023年，在西湖区委、区政府的领导下，云栖街道认真贯彻杭州市西湖区政务公开工作要点。",
      "云栖街道", "street", "浙江省", "杭州市", "西湖区",
    ],
    [
      "星河镇人民政府2022年政府信息公开工作年度报告\n2022年，在邛崃市委、市政府的领导下，星河镇认真落实条例。",
      "星河镇", "town", "四川省", "成都市", "邛崃市",
    ],
    [
      "松涛乡人民政府2023年政府信息公开工作年度报告\n2023年，松涛乡在琼中黎族苗族自治县县委、县政府的领导下认真落实条例。",
      "松涛乡", "township", "海南省", null, "琼中黎族苗族自治县",
    ],
    [
      "湛江市金沙湾街道办事处2023年政府信息公开工作年度报告\n2023年，在霞山区委、区政府的领导下，金沙湾街道认真落实条例。",
      "金沙湾街道", "street", "广东省", "湛江市", "霞山区",
    ],
    [
      "杭州市西湖区新安街道办事处2023年政府信息公开工作年度报告",
      "新安街道", "street", "浙江省", "杭州市", "西湖区",
    ],
    [
      "新安街道2023年政府信息公开工作年度报告\n2023年，新安街道在杭州市西湖区委、区政府的领导下认真落实条例。",
      "新安街道", "street", "浙江省", "杭州市", "西湖区",
    ],
    [
      "长沙县新星街道办事处2023年政府信息公开工作年度报告",
      "新星街道", "street", "湖南省", "长沙市", "长沙县",
    ],
  ])("%s", (text, name, kind, province, city, county) => {
    const meta = readMetadata(text);
    expect(meta.agency).toMatchObject({ name, kind, level: "township" });
    expect(meta.region).toMatchObject({ province, city, county });
    expect(meta.region.candidates).toBeUndefined();
    expect(meta.warnings.join("\n")).not.toMatch(/read as/);
  });

  it("places nothing when the text names two counties equally", () => {
    const meta = readMetadata("云栖街道2023年政府信息公开工作年度报告\n与西湖区、滨江区开展交流。");
    expect(meta.agency?.name).toBe("云栖街道");
    expect(meta.region.county).toBeNull();
  });

  it("a street known only elsewhere, in a text that names none of its places, stays ambiguous (新安街道 ×9)", () => {
    const meta = readMetadata("新安街道2023年政府信息公开工作年度报告\n街道认真落实条例。");
    expect(meta.agency?.name).toBe("新安街道");
    expect(meta.region.county).toBeNull();
    expect(meta.region.candidates?.length).toBe(9);
  });
});

describe("where a township's name begins and ends", () => {
  it.each([
    // [title, name, kind, county]: no township of that name lies in that county in the index
    ["吕梁市孝义市和县镇2023年政府信息公开工作年度报告", "和县镇", "town", "孝义市"], // 和县 is a county of 安徽
    ["海拉尔区城区乡人民政府2023年政府信息公开工作年度报告", "城区乡", "township", "海拉尔区"], // 城区 ×3 counties
    ["海伦市海安市街道2023年政府信息公开工作年度报告", "海安市街道", "street", "海伦市"], // not 海伦市 + OCR'd 海安市
    ["嘉兴市平湖市滨海新区乡人民政府2023年政府信息公开工作年度报告", "滨海新区乡", "township", "平湖市"], // 滨海 + 新区
    ["锦州市北镇市平乐乡人民政府2023年政府信息公开工作年度报告", "平乐乡", "township", "北镇市"], // 平乐瑶族乡 lies in 广西
  ])("%s → %s", (title, name, kind, county) => {
    expect(findPlaces(name).filter((place) => place.county === county)).toEqual([]);
    const meta = readMetadata(title);
    expect(meta.agency).toMatchObject({ name, kind, level: "township" });
    expect(meta.region.county).toBe(county);
  });

  it("a county-level name beats NBS's township row of the same name (北京市东城区, not 许昌市魏都区's 东城区)", () => {
    const meta = readMetadata("东城区清山乡人民政府2023年政府信息公开工作年度报告");
    expect(meta.agency?.name).toBe("清山乡");
    expect(meta.region).toMatchObject({ province: "北京市", county: "东城区" });
  });
});

describe("a township name is corrected only on the text's own evidence", () => {
  it("the real name printed in the narrative (王丰 in the title, 玉丰街道 three times in the text)", () => {
    const meta = readMetadata(
      "阜新市细河区王丰街道2023年政府信息公开工作年度报告\n玉丰街道认真落实条例。玉丰街道主动公开信息。玉丰街道无复议诉讼。",
    );
    expect(meta.agency?.name).toBe("玉丰街道");
    expect(meta.warnings.join("\n")).toMatch(/"王丰街道" is not a known place; read as 玉丰街道.*prints 玉丰街道 3 time/);
  });

  it("an OCR look-alike (王/玉) in a text with OCR table headers", () => {
    const text = "细河区王丰街道2023年政府信息公开工作年度报告\n| 项目 | 数据1 | 数据2 |\n| --- | --- | --- |";
    expect(looksOcrd(compact(text))).toBe(true);
    const meta = readMetadata(text);
    expect(meta.agency?.name).toBe("玉丰街道");
    expect(meta.warnings.join("\n")).toMatch(/OCR confusion and the text looks OCR'd/);
  });

  it("the same look-alike printed clearly, in a text without signs of OCR, is kept", () => {
    const meta = readMetadata("细河区王丰街道2023年政府信息公开工作年度报告\n王丰街道认真落实条例。");
    expect(meta.agency?.name).toBe("王丰街道");
    expect(meta.region).toMatchObject({ city: "阜新市", county: "细河区" });
  });

  it("a name printed consistently wins over one mention of its neighbour", () => {
    const meta = readMetadata(
      "阜新市细河区民丰街道2023年政府信息公开工作年度报告\n民丰街道认真落实条例。民丰街道与玉丰街道开展交流。",
    );
    expect(meta.agency?.name).toBe("民丰街道");
  });

  it("one mention of the neighbour against the title's one is no evidence", () => {
    const meta = readMetadata("阜新市细河区民丰街道2023年政府信息公开工作年度报告\n本街道与玉丰街道开展交流。");
    expect(meta.agency?.name).toBe("民丰街道");
  });

  it("the OCR fixture's tables carry OCR column names; the county correction there still applies", () => {
    const text = readFileSync(path.join(__dirname, "..", "__fixtures__", "corpus", "013_shuyang_county_gov_2025_ocr_md.txt"), "utf8");
    expect(looksOcrd(compact(text))).toBe(true);
    expect(readMetadata(text).agency?.name).toBe("沭阳县人民政府");
  });
});

describe("seeds with their street renamed (as the ingest benchmark does) read back the new name", () => {
  // Stems of two characters, as a site might have them: some are real streets elsewhere, some
  // one character from a real street of the same district (民丰/玉丰, 乐东/道东, 宁和/宁安).
  const STEMS = ["民丰", "乐东", "宁和", "华北", "云栖", "星河", "松涛", "平丰", "湖新", "昌安", "金水", "秋实", "玉丰", "道东"];
  const seeds = [
    { file: "000_a6a2db4cc44d7e31.txt", stem: "东高地" },
    { file: "002_c369ce0530345a5f.txt", stem: "西市场" },
    { file: "003_0088059577d88b46.txt", stem: "王因" },
    { file: "004_8c406ea192be78b9.txt", stem: "玉龙" },
  ];
  for (const { file, stem } of seeds) {
    it(`${file} (${stem}街道)`, () => {
      const text = readFileSync(path.join(SEEDS, file), "utf8");
      for (const renamed of STEMS) {
        const meta = readMetadata(text.split(stem).join(renamed));
        expect(meta.agency?.name, `${stem} → ${renamed}`).toBe(`${renamed}街道`);
        expect(meta.agency?.kind).toBe("street");
      }
    });
  }

  it("places every renamed 东高地街道 in 丰台区, the district its text names, even a name the index has elsewhere", () => {
    const text = readFileSync(path.join(SEEDS, "000_a6a2db4cc44d7e31.txt"), "utf8");
    expect(findPlaces("道东街道").map((place) => place.county)).not.toContain("丰台区");
    for (const renamed of STEMS) {
      const meta = readMetadata(text.split("东高地").join(renamed));
      expect(meta.region, renamed).toMatchObject({ province: "北京市", city: null, county: "丰台区" });
    }
    const known = readMetadata(text.split("东高地").join("道东"));
    expect(known.warnings.join("\n")).toMatch(/道东街道 is listed in the 2023 division index only in 2 places the text never names; placed in 北京市 丰台区/);
  });

  it("keeps the district of 阜新市细河区 for every renamed 玉龙街道", () => {
    const text = readFileSync(path.join(SEEDS, "004_8c406ea192be78b9.txt"), "utf8");
    for (const renamed of STEMS) {
      expect(readMetadata(text.split("玉龙").join(renamed)).region).toMatchObject({
        province: "辽宁省",
        city: "阜新市",
        county: "细河区",
      });
    }
  });
});
