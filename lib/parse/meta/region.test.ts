import { describe, expect, it } from "vitest";
import { readMetadata } from "./index";

const regionOf = (text: string) => readMetadata(text);

describe("region lookup", () => {
  it("completes a street office from the township codes (东高地街道 → 北京市 丰台区)", () => {
    const { region } = regionOf("东高地街道2023年政府信息公开工作年度报告");
    expect(region).toMatchObject({ province: "北京市", city: null, county: "丰台区", code: "110106006000" });
  });

  it("narrows a repeated county name by the city before it (杭州市西湖区, not 南昌市西湖区)", () => {
    const { region } = regionOf("杭州市西湖区教育局2021年度政府信息公开工作报告");
    expect(region).toMatchObject({ province: "浙江省", city: "杭州市", county: "西湖区", code: "330106" });
  });

  it("narrows a repeated township by its county (阜新市细河区玉龙街道, one of three 玉龙街道)", () => {
    const { region } = regionOf("阜新市细河区玉龙街道 2023 年政府信息公开工作年度报告");
    expect(region).toMatchObject({ province: "辽宁省", city: "阜新市", county: "细河区" });
  });

  it("lists candidates and leaves the fields open for an ambiguous town without context", () => {
    const meta = regionOf("城关镇人民政府2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我镇认真落实条例。");
    expect(meta.agency).toMatchObject({ name: "城关镇", kind: "town", level: "township" });
    expect(meta.region.province).toBeNull();
    expect(meta.region.county).toBeNull();
    expect(meta.region.candidates?.length).toBeGreaterThan(10);
    for (const candidate of meta.region.candidates ?? []) {
      expect(candidate.code).toMatch(/^\d{12}$/);
      expect(candidate.province).not.toBeNull();
    }
    expect(meta.warnings.join()).toMatch(/城关镇 is the name of 88 places/);
  });

  it("lets the text's other place names decide between namesakes", () => {
    const meta = regionOf(
      "城关镇人民政府2022年政府信息公开工作年度报告\n一、总体情况\n2022年，在汤阴县委、县政府的领导下，我镇认真落实条例。",
    );
    expect(meta.region).toMatchObject({ province: "河南省", city: "安阳市", county: "汤阴县" });
    expect(meta.region.candidates).toBeUndefined();
    expect(meta.warnings.join()).toMatch(/other place names/);
  });

  it("keeps what all candidates share (鼓楼区 ×4 lies in four provinces: nothing shared)", () => {
    const meta = regionOf("鼓楼区人民政府2023年政府信息公开工作年度报告");
    expect(meta.region.county).toBe("鼓楼区");
    expect(meta.region.city).toBeNull();
    expect(meta.region.candidates?.map((c) => c.city).sort()).toEqual(["南京市", "开封市", "徐州市", "福州市"]);
  });

  it("uses 区委区政府 / 县委县政府 as a hint to the parent's kind (三里屯街道: 朝阳区 or 正定县)", () => {
    const title = "三里屯街道2023年政府信息公开工作年度报告\n";
    expect(regionOf(`${title}在区委区政府的领导下，街道认真落实条例。`).region).toMatchObject({ county: "朝阳区" });
    expect(regionOf(`${title}在县委县政府的领导下，街道认真落实条例。`).region).toMatchObject({ county: "正定县" });
    expect(regionOf(`${title}街道认真落实条例。`).region.candidates).toHaveLength(2);
  });

  it("names a development zone inside a city as the text does (济宁高新区 → 高新区)", () => {
    const { region } = regionOf("济宁高新区王因街道办事处2023年政府信息公开工作年度报告");
    expect(region).toMatchObject({ province: "山东省", city: "济宁市", county: "高新区", code: "370871004000" });
  });

  it("places a zone that stands for a former county in its province only (平潭综合实验区)", () => {
    const { region } = regionOf("平潭综合实验区2019年政府信息公开工作年度报告");
    expect(region).toEqual({ province: "福建省", city: null, county: null });
  });

  it("gives municipalities no city (北京市 is a province-level unit)", () => {
    const { region } = regionOf("北京市朝阳区人民政府2022年政府信息公开工作年度报告");
    expect(region).toMatchObject({ province: "北京市", city: null, county: "朝阳区" });
  });

  it("places a town of a city without counties (东莞市虎门镇)", () => {
    const { region } = regionOf("东莞市虎门镇2023年政府信息公开工作年度报告");
    expect(region).toMatchObject({ province: "广东省", city: "东莞市", county: null });
  });

  it("leaves everything null for a place the index does not know", () => {
    const { region } = regionOf("XX镇人民政府2020年政府信息公开工作年度报告");
    expect(region).toEqual({ province: null, city: null, county: null });
  });
});

describe("OCR-corrected names", () => {
  it("corrects 沐阳县 to 沭阳县 (江苏省 宿迁市) and says so", () => {
    const meta = regionOf("沐阳县人民政府 2025 年 政府信息公开工作年度报告");
    expect(meta.agency?.name).toBe("沭阳县人民政府");
    expect(meta.region).toMatchObject({ province: "江苏省", city: "宿迁市", county: "沭阳县" });
    expect(meta.warnings.join()).toMatch(/"沐阳县" is not a known place; read as 沭阳县/);
  });

  it("corrects a misread county inside a longer name, within its city (宿迁市沐阳县钱集镇)", () => {
    const meta = regionOf("宿迁市沐阳县钱集镇人民政府2023年政府信息公开工作年度报告");
    expect(meta.agency).toMatchObject({ name: "钱集镇", kind: "town" });
    expect(meta.region).toMatchObject({ city: "宿迁市", county: "沭阳县" });
  });

  it("corrects when a single real county is one character away in the named city (淮安市洪择区)", () => {
    const meta = regionOf("淮安市洪择区人民政府2023年政府信息公开工作年度报告");
    expect(meta.region).toMatchObject({ province: "江苏省", city: "淮安市", county: "洪泽区" });
    expect(meta.agency?.name).toBe("洪泽区人民政府");
  });

  it("does not guess when several counties are one character away and nothing decides", () => {
    // 东X县: many counties start with 东 and end in 县 with three characters.
    const meta = regionOf("东乙县人民政府2023年政府信息公开工作年度报告");
    expect(meta.region.county).toBeNull();
    expect(meta.agency?.name).toBe("东乙县人民政府");
  });
});

describe("development zones", () => {
  it.each([
    // [title, agency name, province, city, county]
    ["济宁市高新区管委会2022年政府信息公开工作年度报告", "济宁市高新区管委会", "山东省", "济宁市", "高新区"],
    ["成都高新区管委会2022年政府信息公开工作年度报告", "成都高新区管委会", "四川省", "成都市", "高新区"],
    ["南京市江北新区管理委员会2023年政府信息公开工作年度报告", "江北新区管理委员会", "江苏省", "南京市", "江北新区"],
    ["南京徐庄高新技术产业开发区管理委员会2024年政府信息公开工作年度报告", "徐庄高新技术产业开发区管理委员会", "江苏省", "南京市", "徐庄高新技术产业开发区"],
    ["苏州工业园区管理委员会2023年政府信息公开工作年度报告", "苏州工业园区管理委员会", "江苏省", "苏州市", "苏州工业园区"],
  ])("%s", (title, name, province, city, county) => {
    const meta = readMetadata(title);
    expect(meta.agency).toMatchObject({ name, kind: "government", level: "county" });
    expect(meta.region).toMatchObject({ province, city, county });
  });

  it("reads a party organ's place but not its kind as a government (中共平潭综合实验区工委)", () => {
    const meta = readMetadata("中共平潭综合实验区工委2022年政府信息公开工作年度报告");
    expect(meta.agency).toMatchObject({ name: "中共平潭综合实验区工委", kind: "other" });
    expect(meta.region.province).toBe("福建省");
  });

  it("reads an autonomous prefecture's short form (湖北省恩施州利川市)", () => {
    const meta = readMetadata("湖北省恩施州利川市人民政府2022年政府信息公开工作年度报告");
    expect(meta.agency).toMatchObject({ name: "利川市人民政府", level: "county" });
    expect(meta.region).toMatchObject({ province: "湖北省", city: "恩施土家族苗族自治州", county: "利川市" });
  });
});
