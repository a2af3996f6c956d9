import { describe, expect, it } from "vitest";
import { documentLines } from "./text";
import { findTitle } from "./title";
import { readYear, statisticsPeriodYear } from "./year";

const title = (text: string) => findTitle(documentLines(text));

describe("findTitle", () => {
  it.each([
    ["东高地街道2023年政府信息公开\n工作年度报告\n依据…", "东高地街道", 2023],
    ["北京市通州区于家务回族乡人民政府\n2023年政府信息公开工作年度报告", "北京市通州区于家务回族乡人民政府", 2023],
    ["- 1 -\n淮安市人民政府\n2024 年政府信息公开工作年度报告\n本报告由…", "淮安市人民政府", 2024],
    ["新华区西市场街道办事处 2024 年政府信息公开工作 年度报告", "新华区西市场街道办事处", 2024],
    ["# 沐阳县人民政府 2025 年 政府信息公开工作年度报告\n\n沐阳县人民政府\n(2026年1月23日)", "沐阳县人民政府", 2025],
    ["<p style='text-align: center;'>2019年上海市人民政府办公厅政府信息公开工作年度报告</p>", "上海市人民政府办公厅", 2019],
    ["标题: 平潭综合实验区2022年度政府信息公开工作年度报告\n发布时间: 2023-02-20 15:07", "平潭综合实验区", 2022],
    ["杭州市西湖区教育局2021年度政府信息公开工作报告", "杭州市西湖区教育局", 2021],
    ["北京市大兴区魏善庄镇2021年政府信息公开工作年报", "北京市大兴区魏善庄镇", 2021],
    ["XX镇人民政府2020年政府信息公开工作年度报告", "XX镇人民政府", 2020],
    ["关于2023年度政府信息公开工作年度报告的说明", null, 2023],
  ])("%j → %s, %i", (text, issuer, year) => {
    const found = title(text);
    expect(found).not.toBeNull();
    expect(found?.issuer ?? null).toBe(issuer);
    expect(found?.year).toBe(year);
  });

  it.each([
    ["《北京市朝阳区人民政府2022年政府信息公开工作年度报告》", "北京市朝阳区人民政府", 2022],
    ["“北京市朝阳区人民政府2022年政府信息公开工作年度报告”", "北京市朝阳区人民政府", 2022],
    ['"北京市朝阳区人民政府2022年政府信息公开工作年度报告"', "北京市朝阳区人民政府", 2022],
    ["【北京市朝阳区人民政府2022年政府信息公开工作年度报告】", "北京市朝阳区人民政府", 2022],
    ["北京市朝阳区人民政府《2022年政府信息公开工作年度报告》", "北京市朝阳区人民政府", 2022],
    ["北京市朝阳区人民政府\n《2022年度政府信息公开工作年度报告》", "北京市朝阳区人民政府", 2022],
    ["淮安市人民政府关于2021年度政府信息公开工作的年度报告", "淮安市人民政府", 2021],
    ["淮安市人民政府政府信息公开工作2021年度报告", "淮安市人民政府", 2021],
    ["淮安市人民政府政府信息公开工作年度报告（2021年度）", "淮安市人民政府", 2021],
    ["淮安市人民政府政府信息公开工作年度报告\n（2021年）", "淮安市人民政府", 2021],
    ["淮安市人民政府2021年政府信息公开工作年度报告（全文）", "淮安市人民政府", 2021],
    ["2021年度淮安市人民政府政府信息公开工作年度报告", "淮安市人民政府", 2021],
    ["杭州市西湖区\n北山街道办事处\n2023年政府信息公开工作年度报告", "杭州市西湖区北山街道办事处", 2023],
    ["杭州市西湖区北山街道办事处2023年政府信息\n公开工作年度报告", "杭州市西湖区北山街道办事处", 2023],
    ["杭州市西湖区北山街道办事处\n2023年度政府信息公开工作\n年度报告", "杭州市西湖区北山街道办事处", 2023],
  ])("quotes, title marks, the year after the subject, wrapped lines: %j", (text, issuer, year) => {
    expect(title(text)).toMatchObject({ issuer, year });
  });

  it("does not take a sentence about the year's work for a title, even with the year after the subject", () => {
    expect(title("本机关政府信息公开工作2021年度取得新进展，报告如下。")).toBeNull();
    expect(title("政府信息公开工作2021年度")).toBeNull();
  });

  it("skips site menus before the title and ignores the page's publication date", () => {
    const text = ["首页", "政务公开", "来源：", "时间：2021-01-28 09:43", "平潭综合实验区财政金融局2020年度政府信息公开工作年度报告"].join("\n");
    expect(title(text)).toMatchObject({ issuer: "平潭综合实验区财政金融局", year: 2020 });
  });

  it("does not take a narrative sentence that merely mentions a year for a title", () => {
    expect(title("一、总体情况\n2023年，我局认真落实政府信息公开条例各项要求。")).toBeNull();
  });

  it("ignores the fixtures' # source: header", () => {
    const text = "# source: github:x/y:2019年假的政府信息公开工作年度报告.pdf\n洪泽区人民政府\n2023 年政府信息公开工作年度报告";
    expect(title(text)).toMatchObject({ issuer: "洪泽区人民政府", year: 2023 });
  });
});

describe("readYear", () => {
  it("uses the title's year, not the publication date", () => {
    const text = "平潭综合实验区财政金融局2020年度政府信息公开工作年度报告 来源： 时间：2021-01-28 09:43";
    const lines = documentLines(text);
    expect(readYear(lines.join("\n"), findTitle(lines)).year).toBe(2020);
  });

  it("reads the statistics period when the title has no year", () => {
    const text = "政府信息公开工作年度报告\n本报告所列数据统计期限自2019年1月1日起至2019年12月31日止。发布日期：2020-01-31";
    expect(readYear(text, null)).toMatchObject({ year: 2019, warnings: [] });
  });

  it("understands a period whose end omits the year (从2019年1月1日到12月31日止)", () => {
    expect(statisticsPeriodYear("本年度报告中所列数据统计期限从2019年1月1日到12月31日止。")).toBe(2019);
    expect(statisticsPeriodYear("报告数据统计期限为 2023 年 1 月 1 日至 2023 年 12 月 31 日。")).toBe(2023);
  });

  it("warns when the title and the period disagree, and keeps the title's year", () => {
    const text = "XX区人民政府2022年政府信息公开工作年度报告\n统计期限自2021年1月1日至2021年12月31日。";
    const lines = documentLines(text);
    const reading = readYear(lines.join("\n"), findTitle(lines));
    expect(reading.year).toBe(2022);
    expect(reading.warnings.join()).toMatch(/2021/);
  });

  it("falls back to the narrative's 2023年度, then to the file name, and says so", () => {
    expect(readYear("2023年度主动公开政府信息共757条。2023年度无责任追究。", null).year).toBe(2023);
    const fromName = readYear("一些没有年份的文字", null, "hzq2024_working.pdf");
    expect(fromName.year).toBe(2024);
    expect(fromName.warnings.join()).toMatch(/file name/);
    expect(readYear("一些没有年份的文字", null).year).toBeNull();
  });
});
