/**
 * The overview (/): coverage (who reported which year; expected reports that are missing are shown
 * as missing, never as zero), totals by year, data quality by rule, and the filtered reports.
 * A server component fed by lib/queries; the only client parts are the charts.
 */
import type { Coverage, CoverageCell } from "../../lib/queries/overview-coverage";
import type { DataQuality } from "../../lib/queries/data-quality";
import type { ReportList } from "../../lib/queries/report-list";
import type { YearTotals } from "../../lib/queries/totals-by-year";
import { AGENCY_KIND_LABELS, AGENCY_LEVEL_LABELS } from "../../lib/report/catalog";
import { METRIC_BY_ID } from "../../lib/report/ratios";
import { TrendLineChart } from "../charts/trend-line-chart";
import { formatChartValue } from "../charts/chart-data";
import { hrefWith, toSearchParams, type Lang } from "../filters/filter-params";

const messages = {
  zh: {
    coverage: "覆盖情况",
    coverageIntro: "各机关在各年度是否发布了年报。机关自首次发布年报的年份起，每年都应发布；应发布而未收录的标为“缺”，不计为零。",
    agencies: "机关",
    reportsShown: (shown: number, total: number) => `显示 ${shown} / ${total} 个机关（缺报最多的在前）`,
    expected: "应发布",
    reported: "已收录",
    missing: "缺",
    missingLong: "缺少年报",
    notExpected: "尚未设立或未要求",
    year: "年份",
    summary: (a: number, r: number, m: number) => `${a} 个机关，已收录 ${r} 份年报，缺 ${m} 份。`,
    totals: "分年度合计",
    totalsIntro: "当前筛选的报告按年度合计；比率为合计之比（如公开率 = Σ(予以公开+部分公开) / Σ总计）。",
    reports: "报告数",
    agencyCount: "机关数",
    formats: "格式（2019 / 2021 版）",
    quality: "数据质量",
    qualityIntro: (bad: number, all: number, warn: number) => `${all} 份报告中，${bad} 份存在勾稽关系不符，${warn} 份有解析警告。`,
    rule: "勾稽规则",
    ruleReports: "不符的报告数",
    ruleChecks: "不符处数",
    worst: "不符最多的报告（优先复核）",
    failed: "处不符",
    list: "报告列表",
    listIntro: (n: number) => `共 ${n} 份报告。`,
    agency: "机关",
    region: "地区",
    kind: "类型",
    format: "格式",
    checks: "勾稽不符",
    warnings: "警告",
    open: "查看",
    none: "无",
    empty: "没有符合筛选条件的报告。",
    prev: "上一页",
    next: "下一页",
    page: (p: number, n: number) => `第 ${p} / ${n} 页`,
    rateChart: "公开率（分年度）",
    appsChart: "本年新收申请（分年度）",
    reportCell: (year: number, name: string) => `${name} ${year} 年报告`,
    brokenCell: (n: number) => `${n} 处勾稽不符`,
    brokenLegend: "n 处勾稽不符",
    sep: "；",
    version: "版本",
  },
  en: {
    coverage: "Coverage",
    coverageIntro: "Which agencies published a report for which year. From its first report on, an agency is expected to report every year; an expected report not in the database is marked missing, never counted as zero.",
    agencies: "Agencies",
    reportsShown: (shown: number, total: number) => `Showing ${shown} of ${total} agencies (most missing first)`,
    expected: "Expected",
    reported: "Reported",
    missing: "Missing",
    missingLong: "report missing",
    notExpected: "not expected yet",
    year: "Year",
    summary: (a: number, r: number, m: number) => `${a} agencies, ${r} reports in the database, ${m} missing.`,
    totals: "Totals by year",
    totalsIntro: "The filtered reports added up by year; rates are ratios of sums (disclosure rate = Σ(granted + partly granted) / Σ total).",
    reports: "Reports",
    agencyCount: "Agencies",
    formats: "Formats (2019 / 2021)",
    quality: "Data quality",
    qualityIntro: (bad: number, all: number, warn: number) => `Of ${all} reports, ${bad} break a 勾稽 relation and ${warn} have parse warnings.`,
    rule: "Relation",
    ruleReports: "Reports breaking it",
    ruleChecks: "Broken checks",
    worst: "Reports with the most broken relations (review first)",
    failed: "broken",
    list: "Reports",
    listIntro: (n: number) => `${n} reports.`,
    agency: "Agency",
    region: "Region",
    kind: "Kind",
    format: "Format",
    checks: "Broken",
    warnings: "Warnings",
    open: "Open",
    none: "none",
    empty: "No report matches the filters.",
    prev: "Previous",
    next: "Next",
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    rateChart: "Disclosure rate by year",
    appsChart: "New applications by year",
    reportCell: (year: number, name: string) => `${name}, ${year} report`,
    brokenCell: (n: number) => `${n} broken relations`,
    brokenLegend: "n broken relations",
    sep: "; ",
    version: "Version",
  },
} as const;

const TOTAL_METRICS = ["apps_new", "apps_total", "disclosure_rate", "licensing", "penalty", "enforcement", "review_total", "litigation_total"] as const;

export interface OverviewViewProps {
  lang: Lang;
  params: Record<string, string | string[] | undefined>;
  coverage: Coverage;
  totals: YearTotals[];
  quality: DataQuality;
  list: ReportList;
}

export function regionText(r: { province: string | null; city: string | null; county: string | null }): string {
  return [r.province, r.city, r.county].filter(Boolean).join(" ") || "—";
}

export function OverviewView({ lang, params, coverage, totals, quality, list }: OverviewViewProps) {
  const m = messages[lang];
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pageHref = (page: number) => {
    const p = toSearchParams(params);
    if (page === 1) p.delete("page");
    else p.set("page", String(page));
    return hrefWith("/", p);
  };
  const metricLabel = (id: string) => {
    const def = METRIC_BY_ID.get(id);
    return def ? (lang === "zh" ? def.labelZh : def.labelEn) : id;
  };
  const metricFormat = (id: string) => (METRIC_BY_ID.get(id)?.unit === "ratio" ? "percent" : METRIC_BY_ID.get(id)?.unit === "amount" ? "decimal" : "count");

  if (list.total === 0 && coverage.totalAgencies === 0) {
    return <p className="rounded border border-slate-200 bg-white p-6 text-center text-slate-600">{m.empty}</p>;
  }

  return (
    <div className="space-y-8">
      <section aria-labelledby="coverage-h">
        <h2 id="coverage-h" className="mb-1 text-lg font-semibold">{m.coverage}</h2>
        <p className="mb-2 text-sm text-slate-700">{m.coverageIntro}</p>
        <p className="mb-2 text-sm font-medium">{m.summary(coverage.totalAgencies, coverage.totalReported, coverage.totalMissing)}</p>
        <div className="relative mb-3 overflow-x-auto">
          <table className="border-collapse text-sm">
            <caption className="sr-only">{m.coverage}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-2 py-1 text-left">{m.year}</th>
                {coverage.byYear.map((y) => (
                  <th key={y.year} scope="col" className="px-2 py-1 text-right tabular-nums">{y.year}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(["expected", "reported", "missing"] as const).map((k) => (
                <tr key={k} className="border-b border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-normal">{m[k]}</th>
                  {coverage.byYear.map((y) => (
                    <td key={y.year} className={`px-2 py-1 text-right tabular-nums ${k === "missing" && y.missing > 0 ? "font-semibold text-red-800" : ""}`}>{y[k]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mb-1 text-xs text-slate-600">{m.reportsShown(coverage.agencies.length, coverage.totalAgencies)}</p>
        {/* Long lists scroll inside their box, with the year header kept in view. */}
        <div className="relative max-h-[36rem] overflow-auto rounded border border-slate-200">
          <table className="border-collapse text-sm" data-testid="coverage-matrix">
            <caption className="sr-only">{m.coverage}</caption>
            <thead className="sticky top-0 z-10 bg-white">
              <tr className="border-b border-slate-300">
                <th scope="col" className="sticky left-0 bg-white px-2 py-1 text-left">{m.agency}</th>
                <th scope="col" className="px-2 py-1 text-left">{m.region}</th>
                {coverage.years.map((y) => (
                  <th key={y} scope="col" className="px-2 py-1 text-center tabular-nums">{y}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {coverage.agencies.map((a) => (
                <tr key={a.agencyId} className="border-b border-slate-100">
                  <th scope="row" className="sticky left-0 bg-white px-2 py-1 text-left font-normal">
                    <a href={`/agencies/${a.agencyId}`} className="text-blue-700 underline">{a.name}</a>
                  </th>
                  <td className="px-2 py-1 text-xs text-slate-600">{regionText(a)}</td>
                  {a.cells.map((c) => (
                    <CoverageTd key={c.year} cell={c} name={a.name} lang={lang} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-1 text-xs text-slate-600">
          ✓ = {m.reported}
          {m.sep}
          <span className="font-semibold text-red-800">{m.missing}</span> = {m.missingLong}
          {m.sep}· = {m.notExpected}
          {m.sep}⚠n = {m.brokenLegend}
        </p>
      </section>

      <section aria-labelledby="totals-h">
        <h2 id="totals-h" className="mb-1 text-lg font-semibold">{m.totals}</h2>
        <p className="mb-2 text-sm text-slate-700">{m.totalsIntro}</p>
        <div className="relative overflow-x-auto">
          <table className="border-collapse text-sm" data-testid="totals-by-year">
            <caption className="sr-only">{m.totals}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-2 py-1 text-left">{m.year}</th>
                <th scope="col" className="px-2 py-1 text-right">{m.reports}</th>
                <th scope="col" className="px-2 py-1 text-right">{m.agencyCount}</th>
                <th scope="col" className="px-2 py-1 text-right">{m.formats}</th>
                {TOTAL_METRICS.map((id) => (
                  <th key={id} scope="col" className="px-2 py-1 text-right">{metricLabel(id)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {totals.map((t) => (
                <tr key={t.year} className="border-b border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-normal tabular-nums">{t.year}</th>
                  <td className="px-2 py-1 text-right tabular-nums">{t.reports}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{t.agencies}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{t.reports2019Format} / {t.reports2021Format}</td>
                  {TOTAL_METRICS.map((id) => (
                    <td key={id} className="px-2 py-1 text-right tabular-nums">{formatChartValue(t.metrics[id], metricFormat(id))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {totals.length > 1 ? (
          <div className="mt-3 grid gap-3 md:grid-cols-2">
            <TrendLineChart
              title={m.appsChart}
              lang={lang}
              valueFormat="count"
              series={[{ id: "apps_new", label: metricLabel("apps_new"), points: totals.map((t) => ({ year: t.year, value: t.metrics.apps_new })) }]}
            />
            <TrendLineChart
              title={m.rateChart}
              lang={lang}
              valueFormat="percent"
              series={[{ id: "disclosure_rate", label: metricLabel("disclosure_rate"), points: totals.map((t) => ({ year: t.year, value: t.metrics.disclosure_rate })) }]}
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="quality-h">
        <h2 id="quality-h" className="mb-1 text-lg font-semibold">{m.quality}</h2>
        <p className="mb-2 text-sm">{m.qualityIntro(quality.reportsWithFailedChecks, quality.reports, quality.reportsWithWarnings)}</p>
        <div className="grid gap-4 md:grid-cols-2">
          <table className="border-collapse text-sm" data-testid="quality-by-rule">
            <caption className="sr-only">{m.quality}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-2 py-1 text-left">{m.rule}</th>
                <th scope="col" className="px-2 py-1 text-right">{m.ruleReports}</th>
                <th scope="col" className="px-2 py-1 text-right">{m.ruleChecks}</th>
              </tr>
            </thead>
            <tbody>
              {quality.byRule.map((r) => (
                <tr key={r.ruleId} className="border-b border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-normal">{lang === "zh" ? r.labelZh : r.labelEn}</th>
                  <td className="px-2 py-1 text-right tabular-nums">{r.reports}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{r.checks}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <h3 className="mb-1 text-sm font-semibold">{m.worst}</h3>
            {quality.worst.length === 0 ? (
              <p className="text-sm text-slate-600">{m.none}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {quality.worst.map((w) => (
                  <li key={w.reportId}>
                    <a href={`/reports/${w.reportId}`} className="text-blue-700 underline">
                      {w.agencyName} {w.year}
                    </a>{" "}
                    <span className="text-red-800">⚠ {w.failedCheckCount} {m.failed}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </section>

      <section aria-labelledby="list-h">
        <h2 id="list-h" className="mb-1 text-lg font-semibold">{m.list}</h2>
        <p className="mb-2 text-sm">{m.listIntro(list.total)}</p>
        <div className="relative overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="report-list">
            <caption className="sr-only">{m.list}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-2 py-1">{m.year}</th>
                <th scope="col" className="px-2 py-1">{m.agency}</th>
                <th scope="col" className="px-2 py-1">{m.region}</th>
                <th scope="col" className="px-2 py-1">{m.kind}</th>
                <th scope="col" className="px-2 py-1">{m.format}</th>
                <th scope="col" className="px-2 py-1 text-right">{m.checks}</th>
                <th scope="col" className="px-2 py-1 text-right">{m.warnings}</th>
                <th scope="col" className="px-2 py-1"><span className="sr-only">{m.open}</span></th>
              </tr>
            </thead>
            <tbody>
              {list.reports.map((r) => (
                <tr key={r.reportId} className="border-b border-slate-100">
                  <td className="px-2 py-1 tabular-nums">{r.year}</td>
                  <td className="px-2 py-1">
                    <a href={`/agencies/${r.agencyId}`} className="text-blue-700 underline">{r.agencyName}</a>
                  </td>
                  <td className="px-2 py-1 text-xs">{regionText(r)}</td>
                  <td className="px-2 py-1 text-xs">{AGENCY_KIND_LABELS[r.kind]?.[lang] ?? r.kind} · {AGENCY_LEVEL_LABELS[r.level]?.[lang] ?? r.level}</td>
                  <td className="px-2 py-1">{r.format}</td>
                  <td className={`px-2 py-1 text-right tabular-nums ${r.failedCheckCount > 0 ? "font-semibold text-red-800" : ""}`}>
                    {r.failedCheckCount > 0 ? `⚠ ${r.failedCheckCount}` : "0"}
                  </td>
                  <td className="px-2 py-1 text-right tabular-nums">{r.warningCount}</td>
                  <td className="px-2 py-1">
                    <a href={`/reports/${r.reportId}`} className="text-blue-700 underline" aria-label={m.reportCell(r.year, r.agencyName)}>
                      {m.open}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pages > 1 ? (
          <nav aria-label={m.page(list.page, pages)} className="mt-2 flex items-center gap-3 text-sm">
            {list.page > 1 ? <a href={pageHref(list.page - 1)} className="text-blue-700 underline">{m.prev}</a> : null}
            <span>{m.page(list.page, pages)}</span>
            {list.page < pages ? <a href={pageHref(list.page + 1)} className="text-blue-700 underline">{m.next}</a> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

function CoverageTd({ cell, name, lang }: { cell: CoverageCell; name: string; lang: Lang }) {
  const m = messages[lang];
  if (cell.status === "reported" && cell.reportId !== null) {
    const broken = cell.failedCheckCount ?? 0;
    return (
      <td className={`px-2 py-1 text-center ${broken > 0 ? "bg-amber-50" : "bg-green-50"}`} data-status="reported">
        <a href={`/reports/${cell.reportId}`} className="text-blue-700" aria-label={`${m.reportCell(cell.year, name)}${broken > 0 ? `，${m.brokenCell(broken)}` : ""}`}>
          ✓{broken > 0 ? <span className="ml-0.5 text-xs text-red-800">⚠{broken}</span> : null}
        </a>
      </td>
    );
  }
  if (cell.status === "missing") {
    return (
      <td className="bg-red-50 px-2 py-1 text-center text-xs font-semibold text-red-800" data-status="missing" title={m.missingLong}>
        {m.missing}
      </td>
    );
  }
  return (
    <td className="px-2 py-1 text-center text-slate-400" data-status="not_expected" title={m.notExpected}>
      <span aria-hidden="true">·</span>
      <span className="sr-only">{m.notExpected}</span>
    </td>
  );
}
