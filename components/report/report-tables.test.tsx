import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { keysForFormat, type ReportFormat, type ReportValues } from "../../lib/report/catalog";
import { checkReport } from "../../lib/report/relations";
import { ReportTables } from "./report-tables";

function zeros(format: ReportFormat): ReportValues {
  return Object.fromEntries(keysForFormat(format).map((k) => [k, 0]));
}

function cellsOf(html: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const m of html.matchAll(/<td[^>]*data-key="([^"]+)"[^>]*>/g)) cells.set(m[1], m[0]);
  return cells;
}

describe("ReportTables (server-rendered HTML)", () => {
  for (const format of ["2019", "2021"] as const) {
    it(`${format}: one cell per key of the format`, () => {
      const html = renderToStaticMarkup(
        <ReportTables format={format} values={zeros(format)} checks={[]} lang="zh" />,
      );
      expect([...cellsOf(html).keys()].sort()).toEqual([...keysForFormat(format)].sort());
    });
  }

  it("marks the cells of a broken relation with a numbered marker and lists both sides", () => {
    const values = zeros("2021");
    values["apps.new.natural"] = 3;
    values["apps.carried_over.natural"] = 4;
    values["apps.new.total"] = 3;
    values["apps.carried_over.total"] = 4;
    values["apps.total.natural"] = null;
    const checks = checkReport("2021", values);
    const html = renderToStaticMarkup(<ReportTables format="2021" values={values} checks={checks} lang="zh" />);
    const cells = cellsOf(html);
    expect(cells.get("apps.new.natural")).toContain("data-broken");
    expect(cells.get("apps.carried_forward.natural")).toContain("data-broken");
    expect(cells.get("apps.granted.business")).not.toContain("data-broken");
    expect(html).toContain("勾稽关系不符，见第");
    expect(html).toContain("自然人列：本年新收 + 上年结转 = 7，办理总计 + 结转下年度 = 0");
    // A blank cell reads as a dash, with words for screen readers.
    expect(html).toMatch(/data-key="apps.total.natural"[^>]*>.*?—/);
  });

  it("renders number inputs with labels when editable, and marks corrected cells", () => {
    const values = zeros("2019");
    values["apps.new.natural"] = 5;
    const html = renderToStaticMarkup(
      <ReportTables
        format="2019"
        values={values}
        checks={[]}
        lang="zh"
        editable
        corrections={{ "apps.new.natural": { old: 50, new: 5 } }}
      />,
    );
    expect(html).toContain('aria-label="一、本年新收政府信息公开申请数量·自然人"');
    expect(html.match(/<input/g)?.length).toBe(keysForFormat("2019").length);
    expect(cellsOf(html).get("apps.new.natural")).toContain('data-corrected="true"');
    expect(html).toContain("已更正，原值 50");
  });
});
