import { describe, expect, it } from "vitest";
import { readActiveDisclosureTotal } from "./active-total";

const total = (text: string) => readActiveDisclosureTotal(text).total;

describe("readActiveDisclosureTotal", () => {
  it.each([
    ["2023年度主动公开政府信息共757条。通过政府网站公开政府信息共计396条，其中街镇动态358条", 757],
    ["2022年全区共主动公开政府信息14571条，在网站显眼位置设立专栏", 14571],
    ["全年我区政府信息公开单位共公布政府信息2602条(其中机构职能类信息82条，其他应主动公开政府信息1053条)", 2602],
    ["依法主动公开政府信息149条，收到申请人提交政府信息公开申请7件", 149],
    ["2020年主动公开政府信息148份，……其中主动公开政府信息148条", 148],
    ["市政府网站主动公开各类政\n府信息 5500 余条，全年新增公开市政府规章 1 件", 5500],
    ["依托政府信息板块镇办动态专栏主动公开 13 条信息,内容涵盖安全生产", 13],
    ["全年累计主动公开公安政府信息179条，全文电子化达100%", 179],
    ["全年通过县政府门户网站主动公开政府信息4511条，开展意见征集9期。督促县直部门在信息公开页面发布信息3044条", 4511],
    ["全年主动公开政府信息1,234条", 1234],
  ])("%s → %i", (text, want) => {
    expect(total(text)).toBe(want);
  });

  it.each([
    ["lists only categories", "通过门户网站等平台主动公开规章13件，行政规范性文件60件，市政府其他文件162件，人事任免文件141件。"],
    ["speaks of other channels, not 主动公开", "及时发布公开指南、规范性文件等各类信息 1100 余条。发布公开信息9980条"],
    ["gives only 依申请 numbers", "全年共受理政府信息公开申请21件，均在法定期限答复。"],
  ])("is null when the narrative %s", (_, text) => {
    expect(total(text)).toBeNull();
  });

  it("reads only the narrative before section 二's table", () => {
    expect(total("一、总体情况\n无。\n二、主动公开政府信息情况\n主动公开政府信息共99条")).toBeNull();
  });

  it("refuses to choose between competing totals, and says so", () => {
    const reading = readActiveDisclosureTotal("网站主动公开政府信息120条。政务新媒体主动公开政府信息300条。");
    expect(reading.total).toBeNull();
    expect(reading.warnings.join()).toMatch(/120, 300/);
  });

  it("takes a first, largest figure followed by its parts", () => {
    expect(total("全年主动公开政府信息500条，其中网站主动公开政府信息300条、新媒体主动公开政府信息200条")).toBe(500);
  });
});

describe("readActiveDisclosureTotal, other wordings", () => {
  it("accepts 主动公开各类信息 N 条 and ignores a figure in 万", () => {
    expect(readActiveDisclosureTotal("全年主动公开各类信息1234条。").total).toBe(1234);
    expect(readActiveDisclosureTotal("全年主动公开政府信息1.2万条。").total).toBeNull();
  });
});

describe("readActiveDisclosureTotal, amount words", () => {
  it.each([
    ["全年主动公开政府信息总数为321条", 321],
    ["全年主动公开政府信息达456条", 456],
    ["本年度主动公开政府信息数量为78条", 78],
  ])("%s → %i", (text, want) => {
    expect(readActiveDisclosureTotal(text).total).toBe(want);
  });
});
