import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RankedBarChart } from "./ranked-bar-chart";
import { DocumentsTable } from "./documents-table";
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
        rows={[{ id: "1", label: "平潭", values: [7, 3] }, { id: "2", label: "洪泽区", values: [20, null] }]}
      />,
    );
    expect(html).toContain("予以公开");
    // Largest total first; each value under its own segment's column, then the row total.
    expect(html.indexOf("洪泽区")).toBeLessThan(html.indexOf("平潭"));
    expect(html).toMatch(/平潭<\/th><td>7<\/td><td>3<\/td><td>10<\/td>/);
    expect(html).toMatch(/洪泽区<\/th><td>20<\/td><td>—<\/td><td>20<\/td>/);
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

  it("the documents table, one value per column", () => {
    const html = renderToString(
      <DocumentsTable
        title="规章和规范性文件"
        description="说明"
        nameLabel="名称"
        formatsLabel="报告（2019 / 2021 版）"
        columns={[{ label: "现行有效件数", format: "count" }, { label: "收费金额", format: "decimal" }]}
        rows={[{ id: "7", label: "洪泽区人民政府", href: "/agencies/7", formats: "0 / 1", values: [1234, 4068.208] }]}
      />,
    );
    expect(html).toContain('href="/agencies/7"');
    expect(html).toMatch(/<td>0 \/ 1<\/td><td>1,234<\/td><td>4,068.21<\/td>/);
  });
});
