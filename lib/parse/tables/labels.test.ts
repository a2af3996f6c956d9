import { describe, expect, it } from "vitest";
import { activeRows, applicationRows, findRowMentions, fuzzyRow } from "./labels";
import { normalizeLabel } from "./normalize";

const appKey = (label: string) => findRowMentions(normalizeLabel(label), applicationRows()).map((m) => m.row.key).pop();

describe("application row labels", () => {
  it.each([
    ["一、本年新收政府信息公开申请数量", "apps.new"],
    ["二、上年结转政府信息公开申请数量", "apps.carried_over"],
    ["三、本年度办理结果（一）予以公开", "apps.granted"],
    ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "apps.partial"],
    ["（三）不予公开 1.属于国家秘密", "apps.denied.state_secret"],
    ["2.其他法律行政止公开", "apps.denied.prohibited_by_law"],
    ["3.危及“三安全一稳定”", "apps.denied.three_safeties"],
    ["法提供 2.没有现成信息需要另行制作", "apps.unavailable.needs_creation"],
    ["4.无正当理由大量反复 申请", "apps.rejected.excessive"],
    ["5.要求行政机关确认或重 新出具已获取信息", "apps.rejected.confirmation"],
    ["1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "apps.other.no_correction"],
    ["2.申请人逾期未按收费通知要求缴纳费用", "apps.other.no_fee"],
    ["3、其他", "apps.other.misc"],
    ["（六）其他处理", "apps.other.combined"],
    ["(七) 总记", "apps.total"],
    ["四、结转下年度继续办理", "apps.carried_forward"],
    ["四、结转下一年度继续办理", "apps.carried_forward"],
    ["（七）合计", "apps.total"],
    ["一、本年度新收政府信息公开申请数量", "apps.new"],
  ])("%s → %s", (label, key) => {
    expect(appKey(label)).toBe(key);
  });

  it("the row nearest the numbers wins when headers are glued to a label", () => {
    expect(appKey("申请人情况自然人法人或其他组织总计商业企业科研机构其他一、本年新收政府信息公开申请数量")).toBe("apps.new");
    expect(appKey("项目本年新收件数上年结转件数予以公开部分公开结转下年度总计2.申请人逾期未按收费通知要求缴纳费用")).toBe("apps.other.no_fee");
  });

  it("lists every row named, in order, for column-major text", () => {
    const label = normalizeLabel("一、本年新收政府信息公开申请数量二、上年结转政府信息公开申请数量（一）予以公开");
    expect(findRowMentions(label, applicationRows()).map((m) => m.row.key)).toEqual(["apps.new", "apps.carried_over", "apps.granted"]);
  });

  it("a label naming no row matches nothing", () => {
    expect(appKey("申请人情况自然人法人或其他组织总计")).toBeUndefined();
  });
});

describe("table 二 labels", () => {
  it("reads 规范性文件 and 行政规范性文件 as the same row, and 其他对外管理服务事项 only in 2019", () => {
    const key = (f: "2019" | "2021", l: string) => findRowMentions(normalizeLabel(l), activeRows(f)).map((m) => m.row.key).pop();
    expect(key("2021", "行政规范性文件")).toBe("active.normative");
    expect(key("2019", "规范性文件")).toBe("active.normative");
    expect(key("2019", "其他对外管理服务事项")).toBe("active.other_services");
    expect(key("2021", "其他对外管理服务事项")).toBeUndefined();
    expect(key("2019", "政府集中采购")).toBe("active.procurement");
  });
});

describe("fuzzy labels", () => {
  it.each([
    ["5.属于三类内部事物信息", "apps.denied.internal_affairs"],
    ["1.属于国家泌密", "apps.denied.state_secret"],
    ["1.本机关不拿握相关政府信息", "apps.unavailable.not_held"],
  ])("%s → %s when no pattern knows the typo", (label, key) => {
    const normalized = normalizeLabel(label);
    // The typo defeats the patterns…
    if (findRowMentions(normalized, applicationRows()).length === 0) {
      expect(fuzzyRow(normalized, applicationRows())?.row.key).toBe(key);
    } else {
      expect(findRowMentions(normalized, applicationRows()).pop()?.row.key).toBe(key);
    }
  });

  it("does not guess for text unlike any row", () => {
    expect(fuzzyRow(normalizeLabel("本单位全年工作总结如下"), applicationRows())).toBeNull();
  });
});
