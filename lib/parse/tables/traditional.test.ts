import { describe, expect, it } from "vitest";
import { looksTraditional, toSimplified } from "./traditional";

describe("traditional characters", () => {
  it("reads the template's words in traditional form as simplified", () => {
    expect(toSimplified("一、本年新收政府信息公開申請數量")).toBe("一、本年新收政府信息公开申请数量");
    expect(toSimplified("(二)部分公開(區分處理的,隻計這一情形,不計其他情形)")).toBe("(二)部分公开(区分处理的,只计这一情形,不计其他情形)");
    expect(toSimplified("本年製發件數 本年廢止件數 現行有效件數 行政強製 本年收費金額(單位:萬元)")).toBe(
      "本年制发件数 本年废止件数 现行有效件数 行政强制 本年收费金额(单位:万元)",
    );
    expect(toSimplified("麻陽苗族自治縣板栗樹鄉人民政府")).toBe("麻阳苗族自治县板栗樹乡人民政府");
  });

  it("tells a traditional page from a simplified one", () => {
    expect(looksTraditional("二、主動公開政府信息情況 第二十條第(一)項 信息內容 本年製發件數 三、收到和處理政府信息公開申請情況 總計 結轉")).toBe(true);
    expect(looksTraditional("二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 三、收到和处理政府信息公开申请情况 总计 结转")).toBe(false);
  });

  it("keeps capital numerals, which are words in a report", () => {
    expect(toSimplified("壹萬貳仟")).toBe("壹万貳仟");
  });
});
