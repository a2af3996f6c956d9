/**
 * The compare page's four chart groups for one year, per agency or rolled up by county / city /
 * province: applications (new, carried over, by applicant type), outcomes (counts, shares, reasons,
 * disclosure rate), proactive disclosure (penalties, licences, enforcement, rules and normative
 * documents), reconsideration and litigation (by result, correction rate).
 * A server component: it turns query rows into plain chart props; the charts hydrate in the browser.
 */
import type { GroupBy } from "../../lib/filters/report-filters";
import type { ActiveRow } from "../../lib/queries/compare-active";
import type { ApplicationsRow } from "../../lib/queries/compare-applications";
import type { CompareResult } from "../../lib/queries/compare-common";
import type { OutcomesRow } from "../../lib/queries/compare-outcomes";
import type { ReviewCounts, ReviewRow } from "../../lib/queries/compare-review";
import type { GroupInfo } from "../../lib/queries/sql";
import { APPLICANT_COLUMNS, APPLICATION_ROWS, OUTCOME_GROUPS, REVIEW_RESULTS, labelOfKey, splitLabel } from "./catalog-labels";
import { formatChartValue, topRows, type Lang, type RankedRow, type StackRow, type StackSegment } from "./chart-data";
import { DocumentsTable, type DocumentsColumn } from "./documents-table";
import { RankedBarChart } from "./ranked-bar-chart";
import { StackedBarChart } from "./stacked-bar-chart";
import { hrefWith, toSearchParams } from "../filters/filter-params";
import { METRIC_BY_ID } from "../../lib/report/ratios";

const messages = {
  zh: {
    by: { agency: "按机关", county: "按区县汇总", city: "按市汇总", province: "按省汇总" } as Record<GroupBy, string>,
    yearShown: (y: number, by: string) => `${y} 年度 · ${by}`,
    noData: "没有符合筛选条件的报告。",
    reportsCount: "报告数",
    limited: (n: number, k: number) => `共 ${n} 组：每个图表显示前 30 名，表格显示前 ${k} 名；全部数据请下载 CSV，或用筛选缩小范围。`,
    applications: "一、政府信息公开申请",
    newTotal: "本年新收申请（总计）",
    carriedTotal: "上年结转申请",
    newByApplicant: "本年新收申请 · 按申请人类型",
    carriedByApplicant: "上年结转申请 · 按申请人类型",
    outcomes: "二、办理结果",
    outcomesChart: "办理结果（可切换数量 / 占比）",
    outcomesHint: "占比 = 各项 / （七）总计",
    disclosureRate: "公开率 =（予以公开 + 部分公开）/ 总计",
    deniedReasons: "不予公开 · 按理由",
    unavailableReasons: "无法提供 · 按理由",
    rejectedReasons: "不予处理 · 按理由",
    active: "三、主动公开：行政处罚、许可、强制，规章和规范性文件",
    penalty: "行政处罚 · 本年处理决定数量",
    licensing: "行政许可 · 本年处理决定数量",
    enforcement: "行政强制 · 本年处理决定数量",
    bridged: "2019 版取“处理决定数量”列，与 2021 版同一口径",
    docs: "规章和规范性文件",
    docsHint: "2021 版：本年制发 / 废止 / 现行有效；2019 版：本年新制作 / 新公开 / 对外公开总数（两种格式口径不同，分列显示）",
    group: "名称",
    formats: "报告（2019 / 2021 版）",
    review: "四、行政复议和行政诉讼",
    reviewChart: "行政复议 · 按结果",
    litigationChart: "行政诉讼（直接起诉 + 复议后起诉）· 按结果",
    reviewRate: "行政复议纠错率 = 结果纠正 / 总计",
    litigationRate: "行政诉讼纠错率 = 结果纠正 / 总计",
    ratioNote: (n: number | null, d: number | null) => `${formatChartValue(n, "count")} / ${formatChartValue(d, "count")}`,
  },
  en: {
    by: { agency: "by agency", county: "by county", city: "by city", province: "by province" } as Record<GroupBy, string>,
    yearShown: (y: number, by: string) => `${y} · ${by}`,
    noData: "No report matches the filters.",
    reportsCount: "Reports",
    limited: (n: number, k: number) => `${n} groups: each chart shows the top 30 and each table the top ${k}; download the CSV for all, or narrow the filters.`,
    applications: "1. Information requests",
    newTotal: "New applications (total)",
    carriedTotal: "Carried over from last year",
    newByApplicant: "New applications by applicant type",
    carriedByApplicant: "Carried over by applicant type",
    outcomes: "2. Outcomes",
    outcomesChart: "Outcomes (counts / shares)",
    outcomesHint: "Share = outcome / total handled",
    disclosureRate: "Disclosure rate = (granted + partly granted) / total",
    deniedReasons: "Denied, by reason",
    unavailableReasons: "Unavailable, by reason",
    rejectedReasons: "Not processed, by reason",
    active: "3. Proactive disclosure: penalties, licences, enforcement, rules and normative documents",
    penalty: "Penalty decisions",
    licensing: "Licensing decisions",
    enforcement: "Enforcement decisions",
    bridged: "2019-format reports contribute their 'decisions' column, the same quantity",
    docs: "Rules and normative documents",
    docsHint: "2021 format: issued / repealed / in force; 2019 format: made / published / total (not the same quantities, so shown apart)",
    group: "Name",
    formats: "Reports (2019 / 2021)",
    review: "4. Reconsideration and litigation",
    reviewChart: "Reconsideration by result",
    litigationChart: "Litigation (direct + after reconsideration) by result",
    reviewRate: "Reconsideration correction rate = corrected / total",
    litigationRate: "Litigation correction rate = corrected / total",
    ratioNote: (n: number | null, d: number | null) => `${formatChartValue(n, "count")} / ${formatChartValue(d, "count")}`,
  },
} as const;

export interface CompareViewProps {
  lang: Lang;
  params: Record<string, string | string[] | undefined>;
  groupBy: GroupBy;
  applications: CompareResult<ApplicationsRow>;
  outcomes: CompareResult<OutcomesRow>;
  active: CompareResult<ActiveRow>;
  review: CompareResult<ReviewRow>;
}

/** Where a group's name links: its agency page, or the compare page narrowed to that region. */
export function groupHref(g: GroupInfo, groupBy: GroupBy, params: Record<string, string | string[] | undefined>, year: number | null): string | undefined {
  if (g.agencyId !== null) return `/agencies/${g.agencyId}`;
  if (g.ownLevel || g.province === null) return undefined;
  const p = toSearchParams(params);
  for (const k of ["province", "city", "county", "groupBy", "page"]) p.delete(k);
  if (year !== null) p.set("year", String(year));
  p.set("province", g.province);
  if (g.city !== null) p.set("city", g.city);
  if (g.county !== null) p.set("county", g.county);
  if (groupBy === "province") p.set("groupBy", "city");
  else if (groupBy === "city") p.set("groupBy", "county");
  return hrefWith("/compare", p);
}

export function CompareView({ lang, params, groupBy, applications, outcomes, active, review }: CompareViewProps) {
  const m = messages[lang];
  const year = outcomes.year;
  if (year === null || outcomes.totals.reports === 0) {
    return <p className="rounded border border-slate-200 bg-white p-6 text-center text-slate-600">{m.noData}</p>;
  }
  const label = (x: { labelZh: string; labelEn: string }) => (lang === "zh" ? x.labelZh : x.labelEn);
  const href = (g: GroupInfo) => groupHref(g, groupBy, params, year);
  // Each chart gets its own top rows (by its own measure), so a page over thousands of agencies stays
  // light: only those rows are turned into chart props and sent to the browser. Each measure is
  // computed once per row (not inside the sort's comparator).
  const ranked = <R extends GroupInfo>(rows: R[], value: (r: R) => number | null, note?: (r: R) => string | undefined): RankedRow[] =>
    top(rows, value).map((r) => {
      const row: RankedRow = { id: r.key, label: r.label, value: value(r) };
      const h = href(r);
      if (h !== undefined) row.href = h;
      const n = note?.(r);
      if (n !== undefined) row.note = n;
      return row;
    });
  const stacked = <R extends GroupInfo>(rows: R[], segments: readonly StackSegment[], valueOf: (r: R, key: string) => number | null): StackRow[] => {
    const withValues = rows.map((r) => ({ r, values: segments.map((seg) => valueOf(r, seg.key) ?? null) }));
    return top(withValues, (x) => x.values.reduce<number>((a, v) => a + (v ?? 0), 0)).map(({ r, values }) => {
      const row: StackRow = { id: r.key, label: r.label, values };
      const h = href(r);
      if (h !== undefined) row.href = h;
      return row;
    });
  };

  const applicantSegments: StackSegment[] = APPLICANT_COLUMNS.filter((c) => c.key !== "total").map((c) => ({ key: c.key, label: label(c) }));
  const outcomeSegments: StackSegment[] = OUTCOME_GROUPS.map((o) => ({ key: o.key, label: label(o) }));
  const reasonSegments = (group: string): StackSegment[] =>
    APPLICATION_ROWS.filter((r) => r.outcome === group && r.formats.includes("2021")).map((r) => ({
      key: r.key,
      label: lang === "zh" ? splitLabel(r.labelZh).item : r.labelEn.replace(/^[^:]*:\s*/, ""),
    }));
  const reviewSegments: StackSegment[] = REVIEW_RESULTS.filter((r) => r.key !== "total").map((r) => ({ key: r.key, label: label(r) }));
  const reviewValue = (c: ReviewCounts, key: string) => c[key as "upheld" | "corrected" | "other" | "pending"] ?? null;
  const deniedSegments = reasonSegments("denied");
  const unavailableSegments = reasonSegments("unavailable");
  const rejectedSegments = reasonSegments("rejected");
  const metric = (id: string) => {
    const d = METRIC_BY_ID.get(id);
    return d ? label(d) : id;
  };
  const t = outcomes.totals;
  const withReasons = (group: string) => outcomes.rows.filter((r) => (r.outcomes[group as keyof OutcomesRow["outcomes"]] ?? 0) > 0);

  return (
    <div className="space-y-8">
      <p className="text-base font-semibold" data-testid="compare-year">{m.yearShown(year, m.by[groupBy])}</p>
      {outcomes.rows.length > TABLE_LIMIT ? <p className="text-sm text-slate-700">{m.limited(outcomes.rows.length, TABLE_LIMIT)}</p> : null}
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        {[
          [m.reportsCount, String(t.reports)],
          [metric("apps_new"), formatChartValue(applications.totals.newByApplicant.total, "count")],
          [metric("apps_total"), formatChartValue(t.total, "count")],
          [metric("disclosure_rate"), formatChartValue(t.disclosureRate, "percent")],
        ].map(([k, v], i) => (
          <div key={i} className="rounded border border-slate-200 bg-white p-2">
            <dt className="text-xs text-slate-600">{k}</dt>
            <dd className="text-lg font-semibold tabular-nums">{v || "—"}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="cmp-apps" className="space-y-3">
        <h2 id="cmp-apps" className="text-lg font-semibold">{m.applications}</h2>
        <div className="grid gap-3 lg:grid-cols-2">
          <RankedBarChart
            title={m.newTotal}
            lang={lang}
            valueFormat="count"
            rows={ranked(applications.rows, (r) => r.newByApplicant.total, (r) => `${m.carriedTotal} ${formatChartValue(r.carriedOverByApplicant.total, "count")}`)}
          />
          <RankedBarChart title={m.carriedTotal} lang={lang} valueFormat="count" colorIndex={1} rows={ranked(applications.rows, (r) => r.carriedOverByApplicant.total)} />
          <StackedBarChart title={m.newByApplicant} lang={lang} segments={applicantSegments} rows={stacked(applications.rows, applicantSegments, (r, k) => r.newByApplicant[k as keyof typeof r.newByApplicant])} />
          <StackedBarChart title={m.carriedByApplicant} lang={lang} segments={applicantSegments} rows={stacked(applications.rows, applicantSegments, (r, k) => r.carriedOverByApplicant[k as keyof typeof r.carriedOverByApplicant])} />
        </div>
      </section>

      <section aria-labelledby="cmp-outcomes" className="space-y-3">
        <h2 id="cmp-outcomes" className="text-lg font-semibold">{m.outcomes}</h2>
        <div className="grid gap-3 lg:grid-cols-2">
          <StackedBarChart title={m.outcomesChart} description={m.outcomesHint} lang={lang} segments={outcomeSegments} rows={stacked(outcomes.rows, outcomeSegments, (r, k) => r.outcomes[k as keyof OutcomesRow["outcomes"]])} />
          <RankedBarChart
            title={m.disclosureRate}
            lang={lang}
            valueFormat="percent"
            colorIndex={2}
            rows={ranked(outcomes.rows, (r) => r.disclosureRate, (r) => m.ratioNote((r.outcomes.granted ?? 0) + (r.outcomes.partial ?? 0), r.total))}
          />
          <StackedBarChart title={m.deniedReasons} lang={lang} segments={deniedSegments} rows={stacked(withReasons("denied"), deniedSegments, (r, k) => r.reasons[k])} />
          <StackedBarChart title={m.unavailableReasons} lang={lang} segments={unavailableSegments} rows={stacked(withReasons("unavailable"), unavailableSegments, (r, k) => r.reasons[k])} />
          <StackedBarChart title={m.rejectedReasons} lang={lang} segments={rejectedSegments} rows={stacked(withReasons("rejected"), rejectedSegments, (r, k) => r.reasons[k])} />
        </div>
      </section>

      <section aria-labelledby="cmp-active" className="space-y-3">
        <h2 id="cmp-active" className="text-lg font-semibold">{m.active}</h2>
        <p className="text-xs text-slate-600">{m.bridged}</p>
        <div className="grid gap-3 lg:grid-cols-3">
          <RankedBarChart title={m.penalty} lang={lang} valueFormat="count" colorIndex={3} rows={ranked(active.rows, (r) => r.penalty)} />
          <RankedBarChart title={m.licensing} lang={lang} valueFormat="count" colorIndex={4} rows={ranked(active.rows, (r) => r.licensing)} />
          <RankedBarChart title={m.enforcement} lang={lang} valueFormat="count" colorIndex={5} rows={ranked(active.rows, (r) => r.enforcement)} />
        </div>
        {documents(lang, top(active.rows, (r) => r.f2021.normativeInForce ?? r.f2019.normativeTotal), href)}
      </section>

      <section aria-labelledby="cmp-review" className="space-y-3">
        <h2 id="cmp-review" className="text-lg font-semibold">{m.review}</h2>
        <div className="grid gap-3 lg:grid-cols-2">
          <StackedBarChart title={m.reviewChart} lang={lang} segments={reviewSegments} rows={stacked(review.rows, reviewSegments, (r, k) => reviewValue(r.review, k))} />
          <RankedBarChart
            title={m.reviewRate}
            lang={lang}
            valueFormat="percent"
            colorIndex={6}
            rows={ranked(review.rows, (r) => r.review.correctionRate, (r) => m.ratioNote(r.review.corrected, r.review.total))}
          />
          <StackedBarChart title={m.litigationChart} lang={lang} segments={reviewSegments} rows={stacked(review.rows, reviewSegments, (r, k) => reviewValue(r.litigation, k))} />
          <RankedBarChart
            title={m.litigationRate}
            lang={lang}
            valueFormat="percent"
            colorIndex={7}
            rows={ranked(review.rows, (r) => r.litigation.correctionRate, (r) => m.ratioNote(r.litigation.corrected, r.litigation.total))}
          />
        </div>
      </section>
    </div>
  );
}

/** Rows a chart's table lists at most (the charts draw the top 30). */
const TABLE_LIMIT = 50;

/** The rows with the largest values first (blanks last), at most TABLE_LIMIT. */
function top<R>(rows: R[], value: (r: R) => number | null): R[] {
  return topRows(rows, value, TABLE_LIMIT);
}

const C2021 = ["rulesIssued", "rulesRepealed", "rulesInForce", "normativeIssued", "normativeRepealed", "normativeInForce", "fees"] as const;
const C2019 = ["rulesMade", "rulesPublished", "rulesTotal", "normativeMade", "normativePublished", "normativeTotal"] as const;
const DOC_KEY: Record<(typeof C2021)[number] | (typeof C2019)[number], string> = {
  rulesIssued: "active.rules.issued",
  rulesRepealed: "active.rules.repealed",
  rulesInForce: "active.rules.in_force",
  normativeIssued: "active.normative.issued",
  normativeRepealed: "active.normative.repealed",
  normativeInForce: "active.normative.in_force",
  fees: "active.fees",
  rulesMade: "active.rules.made",
  rulesPublished: "active.rules.published",
  rulesTotal: "active.rules.total",
  normativeMade: "active.normative.made",
  normativePublished: "active.normative.published",
  normativeTotal: "active.normative.total",
};

/** The rules and normative documents table: labels worked out here, rows sent as plain number arrays. */
function documents(lang: Lang, rows: ActiveRow[], href: (g: GroupInfo) => string | undefined) {
  const m = messages[lang];
  const has2019 = rows.some((r) => r.reports2019Format > 0);
  const has2021 = rows.some((r) => r.reports2021Format > 0);
  const suffix = (f: string) => (lang === "zh" ? `（${f}）` : ` (${f})`);
  const columns: DocumentsColumn[] = [
    ...(has2021 ? C2021.map((c) => ({ label: `${labelOfKey(DOC_KEY[c], lang)}${suffix("2021")}`, format: c === "fees" ? ("decimal" as const) : ("count" as const) })) : []),
    ...(has2019 ? C2019.map((c) => ({ label: `${labelOfKey(DOC_KEY[c], lang)}${suffix("2019")}`, format: "count" as const })) : []),
  ];
  return (
    <DocumentsTable
      title={m.docs}
      description={m.docsHint}
      nameLabel={m.group}
      formatsLabel={m.formats}
      columns={columns}
      rows={rows.map((r) => {
        const h = href(r);
        return {
          id: r.key,
          label: r.label,
          ...(h !== undefined ? { href: h } : {}),
          formats: `${r.reports2019Format} / ${r.reports2021Format}`,
          values: [...(has2021 ? C2021.map((c) => r.f2021[c]) : []), ...(has2019 ? C2019.map((c) => r.f2019[c]) : [])],
        };
      })}
    />
  );
}
