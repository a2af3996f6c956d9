import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RankedBarChart } from "./ranked-bar-chart";
import { StackedBarChart } from "./stacked-bar-chart";
import { TrendLineChart } from "./trend-line-chart";

// What a server-rendered page sends before any script runs: the numbers must be in the table.
describe("charts render their numbers as a table on the server", () => {
  it("ranked bars", () => {
    const html = renderToString(
      <RankedBarChart
        title="披露率"
        lang="zh"
        valueFormat="percent"
        rows={[
          { id: "1", label: "东高地街道", value: 0.5, href: "/agencies/1" },
          { id: "2", label: "洪泽区", value: 0.875 },
        ]}
      />,
    );
    expect(html).toContain("<table");
    expect(html.indexOf("洪泽区")).toBeLessThan(html.indexOf("东高地街道"));
    expect(html).toContain("87.5%");
    expect(html).toContain('href="/agencies/1"');
    expect(html).toContain('aria-pressed="true"');
  });

  it("stacked bars, counts first", () => {
    const html = renderToString(
      <StackedBarChart
        title="办理结果"
        lang="zh"
        segments={[{ key: "granted", label: "予以公开" }, { key: "denied", label: "不予公开" }]}
        rows={[{ id: "1", label: "平潭", values: { granted: 7, denied: 3 } }]}
      />,
    );
    expect(html).toContain("予以公开");
    expect(html).toMatch(/>7<\/td>/);
    expect(html).toMatch(/>10<\/td>/);
  });

  it("trend lines mark missing years and non-comparable points", () => {
    const html = renderToString(
      <TrendLineChart
        title="趋势"
        lang="zh"
        valueFormat="count"
        series={[{ id: "a", label: "平潭", points: [{ year: 2019, value: 5, comparable: false, note: "2019 格式" }, { year: 2021, value: 8 }] }]}
      />,
    );
    expect(html).toContain("2020");
    expect(html).toContain('data-missing="true"');
    expect(html).toContain('data-comparable="false"');
    expect(html).toContain("2019 格式");
  });
});
