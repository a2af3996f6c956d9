import { describe, expect, it } from "vitest";
import { readMetadata } from "./index";

const agencyOf = (titleLine: string, narrative = "一、总体情况") =>
  readMetadata(`${titleLine}\n${narrative}`).agency;

describe("kind and level of the reporting body", () => {
  it.each([
    // [title, name, kind, level]
    ["东高地街道2023年政府信息公开工作年度报告", "东高地街道", "street", "township"],
    ["丰台区东高地街道办事处2023年政府信息公开工作年度报告", "东高地街道", "street", "township"],
    ["北京市通州区于家务回族乡人民政府2023年政府信息公开工作年度报告", "于家务回族乡", "township", "township"],
    ["北京市大兴区魏善庄镇2021年政府信息公开工作年报", "魏善庄镇", "town", "township"],
    ["XX镇人民政府2020年政府信息公开工作年度报告", "XX镇", "town", "township"],
    ["某某乡人民政府2020年政府信息公开工作年度报告", "某某乡", "township", "township"],
    ["沭阳县人民政府2025年政府信息公开工作年度报告", "沭阳县人民政府", "government", "county"],
    ["淮安市人民政府2024年政府信息公开工作年度报告", "淮安市人民政府", "government", "city"],
    ["苏州市人民政府办公室2021年政府信息公开工作年度报告", "苏州市人民政府办公室", "government", "city"],
    ["北京市朝阳区人民政府2022年政府信息公开工作年度报告", "朝阳区人民政府", "government", "county"],
    ["南京市鼓楼区政府2023年政府信息公开工作年度报告", "鼓楼区政府", "government", "county"],
    ["昆山市人民政府2022年政府信息公开工作年度报告", "昆山市人民政府", "government", "county"],
    ["广东省人民政府办公厅2023年政府信息公开工作年度报告", "广东省人民政府办公厅", "government", "province"],
    ["2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", "government", "province"],
    ["浙江省教育厅2023年政府信息公开工作年度报告", "浙江省教育厅", "department", "province"],
    ["杭州市西湖区教育局2021年度政府信息公开工作报告", "西湖区教育局", "department", "county"],
    ["长沙县卫生健康局2022年政府信息公开工作年度报告", "长沙县卫生健康局", "department", "county"],
    ["淮安市发展和改革委员会2022年政府信息公开工作年度报告", "淮安市发展和改革委员会", "department", "city"],
    ["平潭综合实验区公安局2022年政府信息公开工作年度报告", "平潭综合实验区公安局", "department", "county"],
    ["平潭综合实验区2019年政府信息公开工作年度报告", "平潭综合实验区", "government", "county"],
    ["成都高新区管委会2022年政府信息公开工作年度报告", "成都高新区管委会", "government", "county"],
    ["延边朝鲜族自治州人民政府2021年政府信息公开工作年度报告", "延边朝鲜族自治州人民政府", "government", "city"],
  ])("%s → %s (%s, %s)", (titleLine, name, kind, level) => {
    expect(agencyOf(titleLine)).toMatchObject({ name, kind, level });
  });

  it("keeps the printed full name of a county government and shortens the name to its own level", () => {
    expect(agencyOf("淮安市洪泽区人民政府\n2024 年政府信息公开工作年度报告")).toEqual({
      name: "洪泽区人民政府",
      fullName: "淮安市洪泽区人民政府",
      kind: "government",
      level: "county",
    });
  });

  it("gives a street office and a township their canonical full names", () => {
    expect(agencyOf("东高地街道2023年政府信息公开工作年度报告")?.fullName).toBe("东高地街道办事处");
    expect(agencyOf("北京市大兴区魏善庄镇2021年政府信息公开工作年报")?.fullName).toBe("魏善庄镇人民政府");
    expect(agencyOf("北京市通州区于家务回族乡人民政府2023年政府信息公开工作年度报告")?.fullName).toBe("于家务回族乡人民政府");
  });

  it("does not read a department's own words as a place (公安局 is not 公安县 + 局)", () => {
    const meta = readMetadata("平潭综合实验区公安局2022年政府信息公开工作年度报告");
    expect(meta.agency?.name).toBe("平潭综合实验区公安局");
    expect(meta.region.county).toBeNull();
  });

  it("falls back to the body that prepared the report when the title names none", () => {
    const meta = readMetadata("2020年度政府信息公开工作年度报告\n本报告由南京市鼓楼区人民政府办公室根据《条例》编制。");
    expect(meta.agency).toMatchObject({ name: "鼓楼区人民政府办公室", kind: "government", level: "county" });
    expect(meta.region).toMatchObject({ province: "江苏省", city: "南京市", county: "鼓楼区" });
    expect(meta.warnings.join()).toMatch(/prepared/);
  });

  it("answers null, with a warning, for a text without any title", () => {
    const meta = readMetadata("这是一份会议纪要。\n参加人员：张三、李四。");
    expect(meta.agency).toBeNull();
    expect(meta.year).toBeNull();
    expect(meta.warnings.join()).toMatch(/no report title/);
  });
});

describe("title shapes seen on government sites", () => {
  it("reads a district government's street office (北京市朝阳区人民政府三里屯街道办事处)", () => {
    const meta = readMetadata("北京市朝阳区人民政府三里屯街道办事处2022年政府信息公开工作年度报告");
    expect(meta.agency).toMatchObject({ name: "三里屯街道", kind: "street", level: "township" });
    expect(meta.region).toMatchObject({ province: "北京市", county: "朝阳区" });
  });

  it("reads a title wrapped over three lines (平潭综合实验区 / 2019年 / 政府信息公开工作年度报告)", () => {
    const meta = readMetadata("相关链接：\n平潭综合实验区\n2019年\n政府信息公开工作年度报告\n根据《条例》…");
    expect(meta.year).toBe(2019);
    expect(meta.agency).toMatchObject({ name: "平潭综合实验区", kind: "government" });
  });

  it("ignores brackets around the body (平潭综合实验区（管委会）)", () => {
    expect(agencyOf("平潭综合实验区（管委会）2019年政府信息公开工作年度报告")).toMatchObject({
      name: "平潭综合实验区管委会",
      kind: "government",
    });
  });
});

describe("more title shapes", () => {
  it("reads a year spelled in Chinese numerals or full-width digits", () => {
    expect(readMetadata("淮安市人民政府二〇二三年政府信息公开工作年度报告").year).toBe(2023);
    expect(readMetadata("淮安市人民政府２０２２年政府信息公开工作年度报告").year).toBe(2022);
  });

  it("keeps a national system's local office whole and still places it (国家税务总局淮安市税务局)", () => {
    const meta = readMetadata("国家税务总局淮安市税务局2023年政府信息公开工作年度报告");
    expect(meta.agency).toMatchObject({ name: "国家税务总局淮安市税务局", kind: "department", level: "city" });
    expect(meta.region).toMatchObject({ province: "江苏省", city: "淮安市" });
  });
});

describe("title shapes beyond the fixtures (invented titles, real places)", () => {
  it.each([
    // [text, name, kind, level, province, city, county]
    ["长沙县卫生健康委员会2022年政府信息公开工作年度报告", "长沙县卫生健康委员会", "department", "county", "湖南省", "长沙市", "长沙县"],
    ["湖南省长沙市长沙县卫生健康委员会2022年政府信息公开工作年度报告", "长沙县卫生健康委员会", "department", "county", "湖南省", "长沙市", "长沙县"],
    ["宁波市生态环境局北仑分局2023年政府信息公开工作年度报告", "宁波市生态环境局北仑分局", "department", "county", "浙江省", "宁波市", "北仑区"],
    ["杭州市公安局西湖区分局2022年度政府信息公开工作年度报告", "杭州市公安局西湖区分局", "department", "county", "浙江省", "杭州市", "西湖区"],
    ["杭州市西湖区人民政府办公室2023年政府信息公开工作年度报告", "西湖区人民政府办公室", "government", "county", "浙江省", "杭州市", "西湖区"],
    ["浙江省人民政府办公厅2021年政府信息公开工作年度报告", "浙江省人民政府办公厅", "government", "province", "浙江省", null, null],
    ["合肥经济技术开发区管委会2022年政府信息公开工作年度报告", "合肥经济技术开发区管委会", "government", "county", "安徽省", "合肥市", "合肥经济技术开发区"],
    ["长沙经济技术开发区管理委员会2023年政府信息公开工作年度报告", "长沙经济技术开发区管理委员会", "government", "county", "湖南省", "长沙市", "经济技术开发区"],
    ["北京市怀柔区长哨营满族乡人民政府2023年政府信息公开工作年度报告", "长哨营满族乡", "township", "township", "北京市", null, "怀柔区"],
    ["石井乡人民政府2023年政府信息公开工作年度报告\n在鹿泉区委、区政府的领导下", "石井乡", "township", "township", "河北省", "石家庄市", "鹿泉区"],
    ["广东省东莞市虎门镇人民政府2022年政府信息公开工作年度报告", "虎门镇", "town", "township", "广东省", "东莞市", null],
    ["达拉特旗树林召镇人民政府2023年政府信息公开工作年度报告", "树林召镇", "town", "township", "内蒙古自治区", "鄂尔多斯市", "达拉特旗"],
    ["南京市鼓楼区宁海路街道办事处2023年政府信息公开工作年度报告", "宁海路街道", "street", "township", "江苏省", "南京市", "鼓楼区"],
    ["杭州市西湖区人民政府云栖街道办事处2023年政府信息公开工作年度报告", "云栖街道", "street", "township", "浙江省", "杭州市", "西湖区"],
    ["邛崃市星河镇2023年政府信息公开工作年度报告", "星河镇", "town", "township", "四川省", "成都市", "邛崃市"],
    ["朝阳区南磨房地区办事处2021年政府信息公开工作年度报告", "南磨房地区", "street", "township", "北京市", null, "朝阳区"],
    ["大兴区魏善庄地区2021年政府信息公开工作年报", "魏善庄地区", "street", "township", "北京市", null, "大兴区"],
    ["中共长沙县委办公室2023年政府信息公开工作年度报告", "中共长沙县委办公室", "other", "county", "湖南省", "长沙市", "长沙县"],
    ["宁乡市乡村振兴局2023年政府信息公开工作年度报告", "宁乡市乡村振兴局", "department", "county", "湖南省", "长沙市", "宁乡市"],
    ["长沙县住房和城乡建设局2023年政府信息公开工作年度报告", "长沙县住房和城乡建设局", "department", "county", "湖南省", "长沙市", "长沙县"],
    ["长沙县新星街道综合执法队2023年政府信息公开工作年度报告", "新星街道综合执法队", "other", "township", "湖南省", "长沙市", "长沙县"],
    ["广西壮族自治区南宁市青秀区人民政府2023年政府信息公开工作年度报告", "青秀区人民政府", "government", "county", "广西壮族自治区", "南宁市", "青秀区"],
    ["南京市公安局江宁分局2023年政府信息公开工作年度报告", "南京市公安局江宁分局", "department", "county", "江苏省", "南京市", "江宁区"],
    ["杭州市规划和自然资源局余杭分局2023年政府信息公开工作年度报告", "杭州市规划和自然资源局余杭分局", "department", "county", "浙江省", "杭州市", "余杭区"],
    ["隆回县白云瑶族乡人民政府2023年政府信息公开工作年度报告", "白云瑶族乡", "township", "township", "湖南省", "邵阳市", "隆回县"],
    ["长沙县青云乡人民政府2023年政府信息公开工作年度报告", "青云乡", "township", "township", "湖南省", "长沙市", "长沙县"],
    ["锡林郭勒盟行政公署2023年政府信息公开工作年度报告", "锡林郭勒盟行政公署", "government", "city", "内蒙古自治区", "锡林郭勒盟", null],
    ["六枝特区人民政府2023年政府信息公开工作年度报告", "六枝特区人民政府", "government", "county", "贵州省", "六盘水市", "六枝特区"],
    ["北京经济技术开发区管理委员会2023年政府信息公开工作年度报告", "北京经济技术开发区管理委员会", "government", "county", "北京市", null, "大兴区"],
    ["天津港保税区管理委员会2023年政府信息公开工作年度报告", "天津港保税区管理委员会", "government", "county", "天津市", null, "滨海新区"],
    ["河北雄安新区管理委员会2023年政府信息公开工作年度报告", "河北雄安新区管理委员会", "government", "county", "河北省", null, null],
    ["重庆两江新区管理委员会2023年政府信息公开工作年度报告", "重庆两江新区管理委员会", "government", "county", "重庆市", null, null],
    // 林业局 is also the name of NBS township-level rows (forestry enterprises of 黑龙江/吉林).
    ["宜春市铜鼓县林业局2023年政府信息公开工作年度报告", "铜鼓县林业局", "department", "county", "江西省", "宜春市", "铜鼓县"],
    ["邛崃市林业局2023年政府信息公开工作年度报告", "邛崃市林业局", "department", "county", "四川省", "成都市", "邛崃市"],
    ["长沙县卫生健康局（长沙县中医药管理局）2023年政府信息公开工作年度报告", "长沙县卫生健康局", "department", "county", "湖南省", "长沙市", "长沙县"],
    ["关于印发《长沙县人民政府2023年政府信息公开工作年度报告》的通知", "长沙县人民政府", "government", "county", "湖南省", "长沙市", "长沙县"],
    ["长沙县人民政府办公室关于公布《长沙县人民政府2023年政府信息公开工作年度报告》的通知", "长沙县人民政府", "government", "county", "湖南省", "长沙市", "长沙县"],
  ])("%s", (text, name, kind, level, province, city, county) => {
    const meta = readMetadata(text);
    expect(meta.agency).toMatchObject({ name, kind, level });
    expect(meta.region).toMatchObject({ province, city, county });
  });

  it.each([
    ["XX县XX镇人民政府2023年政府信息公开工作年度报告", "XX镇", "town"],
    ["红旗民族乡人民政府2023年政府信息公开工作年度报告", "红旗民族乡", "township"],
    ["和平苏木2023年政府信息公开工作年度报告", "和平苏木", "township"],
    ["云栖街道办2023年政府信息公开工作年度报告", "云栖街道", "street"],
    ["东高地街道办2023年政府信息公开工作年度报告", "东高地街道", "street"],
  ])("names withheld or unknown: %s → %s", (text, name, kind) => {
    expect(readMetadata(text).agency).toMatchObject({ name, kind, level: "township" });
  });
});
