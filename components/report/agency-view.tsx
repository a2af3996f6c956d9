/**
 * /agencies/[id]: who the agency is, its report for each year (missing years shown as missing), the
 * relations across consecutive years, and its trend on the main metrics.
 */
import type { AgencyDetail } from "../../lib/queries/agency-detail";
import { AGENCY_KIND_LABELS, AGENCY_LEVEL_LABELS } from "../../lib/report/catalog";
import { METRIC_BY_ID, formatsOf, type MetricId } from "../../lib/report/ratios";
import { formatChartValue, type TrendSeries } from "../charts/chart-data";
import { TrendLineChart } from "../charts/trend-line-chart";
import type { Lang } from "../filters/filter-params";
import { AcrossYearsChecks } from "./across-years-checks";

const messages = {
  zh: {
    fullName: "全称",
    kind: "类型",
    level: "层级",
    region: "地区",
    code: "区划代码",
    aliases: "别名",
    reports: "各年度报告",
    year: "年份",
    format: "格式",
    version: "版本",
    checks: "勾稽不符",
    warnings: "警告",
    open: "查看报告",
    missing: "缺少年报",
    missingYears: (ys: number[]) => `缺少以下年度的年报（不计为零）：${ys.join("、")}`,
    noMissing: "首份与最近一份年报之间没有缺失年度。",
    across: "跨年度勾稽关系",
    acrossIntro: "上年“结转下年度继续办理”应等于本年“上年结转”；现行有效件数应前后衔接。",
    acrossNone: "跨年度勾稽关系均相符（或没有相邻年度可比）。",
    trend: "趋势",
    trendMore: "在趋势页查看更多指标",
    nc: (f: string) => `${f} 版格式无此项`,
    reportOf: (y: number) => `${y} 年报告`,
  },
  en: {
    fullName: "Full name",
    kind: "Kind",
    level: "Level",
    region: "Region",
    code: "Division code",
    aliases: "Aliases",
    reports: "Reports by year",
    year: "Year",
    format: "Format",
    version: "Version",
    checks: "Broken relations",
    warnings: "Warnings",
    open: "Open report",
    missing: "report missing",
    missingYears: (ys: number[]) => `No report for (not counted as zero): ${ys.join(", ")}`,
    noMissing: "No year is missing between the first and the latest report.",
    across: "Relations across years",
    acrossIntro: "Last year's carried forward should equal this year's carried over; documents in force should follow on.",
    acrossNone: "Every relation across years holds (or there are no consecutive years).",
    trend: "Trend",
    trendMore: "More metrics on the trends page",
    nc: (f: string) => `the ${f} format has no such figure`,
    reportOf: (y: number) => `${y} report`,
  },
} as const;

const TREND_CHARTS: Array<{ metrics: MetricId[] }> = [
  { metrics: ["apps_new", "apps_total"] },
  { metrics: ["disclosure_rate"] },
  { metrics: ["penalty", "licensing", "enforcement"] },
  { metrics: ["review_total", "litigation_total"] },
];

export function AgencyView({ lang, detail }: { lang: Lang; detail: AgencyDetail }) {
  const m = messages[lang];
  const a = detail.agency;
  const rows: Array<{ year: number; item: AgencyDetail["years"][number] | null }> = [];
  const years = [...detail.years.map((y) => y.year), ...detail.missingYears].sort((x, y) => x - y);
  for (const year of years) rows.push({ year, item: detail.years.find((y) => y.year === year) ?? null });
  const metricLabel = (id: MetricId) => {
    const d = METRIC_BY_ID.get(id);
    return d ? (lang === "zh" ? d.labelZh : d.labelEn) : id;
  };
  const seriesFor = (id: MetricId): TrendSeries => {
    const def = METRIC_BY_ID.get(id);
    const carrying = def ? formatsOf(def) : [];
    return {
      id,
      label: metricLabel(id),
      points: detail.years.map((y) => ({
        year: y.year,
        value: y.metrics[id] ?? null,
        comparable: carrying.includes(y.format),
        note: carrying.includes(y.format) ? undefined : m.nc(y.format),
      })),
    };
  };
  return (
    <div className="space-y-8">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {[
          [m.fullName, a.fullName ?? "—"],
          [m.kind, AGENCY_KIND_LABELS[a.kind]?.[lang] ?? a.kind],
          [m.level, AGENCY_LEVEL_LABELS[a.level]?.[lang] ?? a.level],
          [m.region, [a.province, a.city, a.county].filter(Boolean).join(" ") || "—"],
          [m.code, a.divisionCode ?? "—"],
          [m.aliases, a.aliases.length > 0 ? a.aliases.join("、") : "—"],
        ].map(([k, v]) => (
          <div key={k} className="flex gap-2">
            <dt className="w-20 shrink-0 text-slate-600">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="agency-reports">
        <h2 id="agency-reports" className="mb-2 text-lg font-semibold">{m.reports}</h2>
        <p className="mb-2 text-sm">{detail.missingYears.length > 0 ? m.missingYears(detail.missingYears) : m.noMissing}</p>
        <div className="relative overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{m.reports}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-2 py-1">{m.year}</th>
                <th scope="col" className="px-2 py-1">{m.format}</th>
                <th scope="col" className="px-2 py-1 text-right">{m.version}</th>
                <th scope="col" className="px-2 py-1 text-right">{m.checks}</th>
                <th scope="col" className="px-2 py-1 text-right">{m.warnings}</th>
                <th scope="col" className="px-2 py-1 text-right">{metricLabel("apps_new")}</th>
                <th scope="col" className="px-2 py-1 text-right">{metricLabel("disclosure_rate")}</th>
                <th scope="col" className="px-2 py-1 text-right">{metricLabel("penalty")}</th>
                <th scope="col" className="px-2 py-1"><span className="sr-only">{m.open}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ year, item }) =>
                item ? (
                  <tr key={year} className="border-b border-slate-100">
                    <th scope="row" className="px-2 py-1 text-left font-normal tabular-nums">{year}</th>
                    <td className="px-2 py-1">{item.format}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{item.versionNo}</td>
                    <td className={`px-2 py-1 text-right tabular-nums ${item.failedCheckCount > 0 ? "font-semibold text-red-800" : ""}`}>
                      {item.failedCheckCount > 0 ? `⚠ ${item.failedCheckCount}` : "0"}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">{item.warningCount}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{formatChartValue(item.metrics.apps_new, "count")}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{formatChartValue(item.metrics.disclosure_rate, "percent")}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{formatChartValue(item.metrics.penalty, "count")}</td>
                    <td className="px-2 py-1">
                      <a href={`/reports/${item.reportId}`} className="text-blue-700 underline">{m.reportOf(year)}</a>
                    </td>
                  </tr>
                ) : (
                  <tr key={year} className="border-b border-slate-100 bg-red-50" data-status="missing">
                    <th scope="row" className="px-2 py-1 text-left font-normal tabular-nums">{year}</th>
                    <td colSpan={8} className="px-2 py-1 font-semibold text-red-800">{m.missing}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="agency-across">
        <h2 id="agency-across" className="mb-1 text-lg font-semibold">{m.across}</h2>
        <p className="mb-2 text-sm text-slate-700">{m.acrossIntro}</p>
        <AcrossYearsChecks checks={detail.acrossYears} lang={lang} noneText={m.acrossNone} />
      </section>

      <section aria-labelledby="agency-trend" className="space-y-3">
        <h2 id="agency-trend" className="text-lg font-semibold">{m.trend}</h2>
        <p className="text-sm">
          <a href={`/trends?agency=${a.id}`} className="text-blue-700 underline">{m.trendMore}</a>
        </p>
        <div className="grid gap-3 lg:grid-cols-2">
          {TREND_CHARTS.map((chart) => {
            const unit = METRIC_BY_ID.get(chart.metrics[0])?.unit;
            return (
              <TrendLineChart
                key={chart.metrics.join()}
                title={chart.metrics.map(metricLabel).join(" · ")}
                lang={lang}
                valueFormat={unit === "ratio" ? "percent" : "count"}
                series={chart.metrics.map(seriesFor)}
                years={years}
              />
            );
          })}
        </div>
      </section>
    </div>
  );
}
