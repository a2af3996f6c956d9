import { describe, expect, it } from "vitest";
import { detectFormat } from "./format";

describe("detectFormat", () => {
  it("reads 2019 from the trial format's table 二 headers", () => {
    expect(detectFormat("信息内容本年新制作数量本年新公开数量对外公开总数量规章 上一年项目数量 本年增/减 政府集中采购").format).toBe("2019");
  });
  it("reads 2021 from 本年制发件数 / 现行有效件数, typos included", () => {
    expect(detectFormat("信息内容 本年制发件数 本年废纸件数 现行有效件数 规章").format).toBe("2021");
  });
  it("lets table 二 outweigh a 2019-shaped （六）其他处理 row", () => {
    const v = detectFormat("本年制发件数 本年废止件数 现行有效件数 本年收费金额 （六）其他处理 0 0 0");
    expect(v.format).toBe("2021");
  });
  it("uses the 2021 （六） sub-rows when table 二 is missing", () => {
    expect(detectFormat("1.申请人无正当理由逾期不补正 2.申请人逾期未按收费通知要求缴纳费用").format).toBe("2021");
  });
  it("says when nothing decides", () => {
    expect(detectFormat("一、本年新收政府信息公开申请数量").guessed).toBe(true);
  });
});

describe("detectFormat without table 二", () => {
  it("takes a single （六）其他处理 row as the 2019 shape", () => {
    expect(detectFormat("（五）不予处理 5.要求行政机关确认 （六）其他处理 0 0 0 （七）总计").format).toBe("2019");
  });
});
