/**
 * The trends page: the same metrics over years for one agency, a chosen set (one line each) or the
 * filtered region taken together. A year without a report is a gap; a point whose reports do not all
 * carry the metric (the 2019 format lacks some 2021 rows) is marked not comparable; a series bridged
 * across the 2019 and 2021 formats says so.
 */
import type { TrendResult } from "../../lib/queries/trends";
import { hrefWith, toSearchParams } from "../filters/filter-params";
import type { Lang, TrendSeries, ValueFormat } from "./chart-data";
import { TrendLineChart } from "./trend-line-chart";

const messages = {
  zh: {
    empty: "没有符合筛选条件的报告。",
    bridged: "此指标跨 2019 / 2021 两版格式衔接（2019 版“处理决定数量”列与 2021 版同一口径）。",
    only: (f: string) => `此指标仅 ${f} 版格式有；其他格式的年份标为不可比。`,
    pick: "选择机关",
    picked: (n: number) => (n === 0 ? "当前：筛选范围内全部报告合计为一条线" : `当前：${n} 个机关，每个一条线`),
    add: "加入",
    remove: "移除",
    aggregate: "改为显示地区合计",
    more: (n: number) => `另有 ${n} 个机关，请用名称搜索缩小范围。`,
  },
  en: {
    empty: "No report matches the filters.",
    bridged: "This metric is bridged across the 2019 and 2021 formats (the 2019 'decisions' column is the same quantity).",
    only: (f: string) => `Only the ${f} format carries this metric; years in another format are marked not comparable.`,
    pick: "Choose agencies",
    picked: (n: number) => (n === 0 ? "Now: all filtered reports as one line" : `Now: ${n} agencies, one line each`),
    add: "Add",
    remove: "Remove",
    aggregate: "Show the region as one line instead",
    more: (n: number) => `${n} more agencies: search by name to narrow down.`,
  },
} as const;

export function valueFormatOf(unit: TrendResult["unit"]): ValueFormat {
  return unit === "ratio" ? "percent" : unit === "amount" ? "decimal" : "count";
}

/** Query rows → chart series: years without a report are left out (a gap), non-comparable points flagged. */
export function toChartSeries(result: TrendResult, lang: Lang): TrendSeries[] {
  return result.series.map((s) => ({
    id: s.key,
    label: s.label,
    href: s.agencyId !== null ? `/agencies/${s.agencyId}` : undefined,
    points: s.points
      .filter((p) => p.reports > 0)
      .map((p) => ({
        year: p.year,
        value: p.value,
        comparable: p.comparable,
        note: (lang === "zh" ? p.noteZh : p.noteEn) ?? undefined,
      })),
  }));
}

export interface TrendsViewProps {
  lang: Lang;
  params: Record<string, string | string[] | undefined>;
  results: TrendResult[];
  /** Agencies the picker offers (those matching the other filters). */
  agencies: Array<{ id: number; name: string; region: string }>;
  totalAgencies: number;
  chosen: number[];
}

export function TrendsView({ lang, params, results, agencies, totalAgencies, chosen }: TrendsViewProps) {
  const m = messages[lang];
  const toggleHref = (id: number) => {
    const p = toSearchParams(params);
    const set = new Set(chosen);
    if (set.has(id)) set.delete(id);
    else set.add(id);
    p.delete("agency");
    if (set.size > 0) p.set("agency", [...set].join(","));
    return hrefWith("/trends", p);
  };
  const aggregateHref = (() => {
    const p = toSearchParams(params);
    p.delete("agency");
    return hrefWith("/trends", p);
  })();
  const [main, ...rest] = results;
  const hasData = main && main.years.length > 0;
  return (
    <div className="space-y-4">
      <details className="rounded border border-slate-200 bg-white p-3 text-sm" open={chosen.length === 0 && agencies.length <= 12}>
        <summary className="cursor-pointer font-medium">
          {m.pick}（{m.picked(chosen.length)}）
        </summary>
        <ul className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {agencies.map((a) => {
            const on = chosen.includes(a.id);
            return (
              <li key={a.id}>
                <a href={toggleHref(a.id)} className="text-blue-700 underline" aria-label={`${on ? m.remove : m.add} ${a.name}`}>
                  {on ? "✓ " : "＋ "}
                  {a.name}
                </a>{" "}
                <span className="text-xs text-slate-500">{a.region}</span>
              </li>
            );
          })}
        </ul>
        {totalAgencies > agencies.length ? <p className="mt-1 text-xs text-slate-600">{m.more(totalAgencies - agencies.length)}</p> : null}
        {chosen.length > 0 ? (
          <p className="mt-2">
            <a href={aggregateHref} className="text-blue-700 underline">{m.aggregate}</a>
          </p>
        ) : null}
      </details>
      {!hasData ? (
        <p className="rounded border border-slate-200 bg-white p-6 text-center text-slate-600">{m.empty}</p>
      ) : (
        <>
          <TrendChart result={main} lang={lang} />
          <div className="grid gap-3 lg:grid-cols-2">
            {rest.map((r) => (
              <TrendChart key={r.metric} result={r} lang={lang} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function TrendChart({ result, lang }: { result: TrendResult; lang: Lang }) {
  const m = messages[lang];
  // Say how formats meet only where the shown points actually span both.
  const formats = new Set(result.series.flatMap((s) => s.points.flatMap((p) => p.formats)));
  const spansBoth = formats.has("2019") && formats.has("2021");
  const note = !spansBoth ? undefined : result.bridged ? m.bridged : result.formats.length === 1 ? m.only(result.formats[0]) : undefined;
  return (
    <div>
      <TrendLineChart
        title={lang === "zh" ? result.labelZh : result.labelEn}
        lang={lang}
        valueFormat={valueFormatOf(result.unit)}
        series={toChartSeries(result, lang)}
        years={result.years}
      />
      {note ? <p className="mt-1 text-xs text-slate-600">{note}</p> : null}
    </div>
  );
}
