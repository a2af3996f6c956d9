"use client";

/**
 * The dashboard's filter bar. The URL is its state: each change pushes a new URL (shareable, and the
 * back button returns to the previous filters) and the server page re-renders from it. It is also a
 * plain GET form, so it works before any script has loaded.
 */
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, useTransition, type FormEvent } from "react";
import { AGENCY_KINDS, AGENCY_KIND_LABELS, AGENCY_LEVELS, AGENCY_LEVEL_LABELS } from "../../lib/report/catalog";
import { hrefWith, nextSearchParams, toSearchParams, type Lang } from "./filter-params";

const messages = {
  zh: {
    filters: "筛选",
    yearMode: "年份",
    oneYear: "单一年份",
    range: "年份区间",
    year: "年份",
    from: "起始年份",
    to: "结束年份",
    latest: "最新年份",
    any: "全部",
    province: "省",
    city: "市",
    county: "区县",
    kind: "机关类型",
    level: "层级",
    q: "机关名称",
    qPlaceholder: "搜索机关名称",
    search: "搜索",
    groupBy: "汇总方式",
    groupByOptions: { agency: "按机关", county: "按区县汇总", city: "按市汇总", province: "按省汇总" },
    metric: "指标",
    apply: "应用筛选",
    reset: "清除筛选",
    loading: "正在更新…",
    several: "多项",
  },
  en: {
    filters: "Filters",
    yearMode: "Years",
    oneYear: "One year",
    range: "Range",
    year: "Year",
    from: "From",
    to: "To",
    latest: "Latest",
    any: "All",
    province: "Province",
    city: "City",
    county: "County",
    kind: "Agency kind",
    level: "Level",
    q: "Agency name",
    qPlaceholder: "Search agency names",
    search: "Search",
    groupBy: "Group by",
    groupByOptions: { agency: "Agency", county: "County", city: "City", province: "Province" },
    metric: "Metric",
    apply: "Apply",
    reset: "Clear filters",
    loading: "Updating…",
    several: "Several",
  },
} as const;

export interface FilterBarProps {
  lang: Lang;
  /** The page's current search parameters, as the server received them. */
  params: Record<string, string | string[] | undefined>;
  /** Years that have reports, for the year selects. */
  years: number[];
  /**
   * The region cascade from the filter options query: provinces with reports, the cities of the chosen
   * province, the counties of the chosen province (and city).
   */
  provinces: string[];
  cities: string[];
  counties: string[];
  /** Show the group-by select (compare page). */
  showGroupBy?: boolean;
  /** Offer these metrics (trends page). */
  metrics?: Array<{ id: string; label: string }>;
  /** The metric selected when the URL names none. */
  defaultMetric?: string;
  /** Offer from/to (trends, overview) — compare shows one year. */
  allowRange?: boolean;
  /** "Latest" instead of "All" for an empty year (pages that show one year). */
  yearEmptyLabel?: "latest" | "any";
}

function first(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

export function FilterBar({
  lang,
  params,
  years,
  provinces,
  cities,
  counties,
  showGroupBy = false,
  metrics,
  defaultMetric,
  allowRange = true,
  yearEmptyLabel = "any",
}: FilterBarProps) {
  const m = messages[lang];
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const province = first(params.province);
  const city = first(params.city);
  const county = first(params.county);
  const [rangeMode, setRangeMode] = useState(allowRange && (first(params.from) !== "" || first(params.to) !== ""));
  const [q, setQ] = useState(first(params.q));
  useEffect(() => setQ(first(params.q)), [params.q]);
  // Back/forward to a URL with a single year (or a range) shows that mode again.
  const hasRange = first(params.from) !== "" || first(params.to) !== "";
  const hasYear = first(params.year) !== "";
  useEffect(() => {
    if (hasRange) setRangeMode(allowRange);
    else if (hasYear) setRangeMode(false);
  }, [hasRange, hasYear, allowRange]);

  function go(changes: Record<string, string | null>) {
    const next = nextSearchParams(params, changes);
    startTransition(() => router.push(hrefWith(pathname, next), { scroll: false }));
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    go({ q: q.trim() });
  }

  const listValue = (v: string | string[] | undefined) => {
    const items = (Array.isArray(v) ? v : v ? [v] : []).flatMap((x) => x.split(",")).filter(Boolean);
    return items.join(",");
  };
  const kind = listValue(params.kind);
  const level = listValue(params.level);
  const yearsDesc = [...years].sort((a, b) => b - a);
  // Keep a value from the URL selectable even when no option lists it (e.g. a region without reports).
  const withCurrent = (opts: string[], cur: string) => (cur !== "" && !opts.includes(cur) ? [cur, ...opts] : opts);

  const field = "flex flex-col gap-0.5 text-xs text-slate-700";
  const control = "rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 min-w-0";

  return (
    <form
      method="get"
      action={pathname}
      onSubmit={onSubmit}
      aria-label={m.filters}
      aria-busy={pending}
      className="mb-4 rounded border border-slate-200 bg-slate-50 p-3"
    >
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {allowRange ? (
          <fieldset className="col-span-2 flex flex-wrap items-end gap-2 sm:col-span-3 lg:col-span-2">
            <legend className="sr-only">{m.yearMode}</legend>
            <div role="radiogroup" aria-label={m.yearMode} className="flex gap-2 self-center text-xs">
              <label className="flex items-center gap-1">
                <input type="radio" name="yearMode" checked={!rangeMode} onChange={() => setRangeMode(false)} form="__none" />
                {m.oneYear}
              </label>
              <label className="flex items-center gap-1">
                <input type="radio" name="yearMode" checked={rangeMode} onChange={() => setRangeMode(true)} form="__none" />
                {m.range}
              </label>
            </div>
            {rangeMode ? (
              <>
                <label className={field}>
                  {m.from}
                  <select name="from" className={control} value={first(params.from)} onChange={(e) => go({ from: e.target.value })}>
                    <option value="">{m.any}</option>
                    {yearsDesc.map((y) => (
                      <option key={y} value={y}>{y}</option>
                    ))}
                  </select>
                </label>
                <label className={field}>
                  {m.to}
                  <select name="to" className={control} value={first(params.to)} onChange={(e) => go({ to: e.target.value })}>
                    <option value="">{m.any}</option>
                    {yearsDesc.map((y) => (
                      <option key={y} value={y}>{y}</option>
                    ))}
                  </select>
                </label>
              </>
            ) : (
              <YearSelect label={m.year} value={first(params.year)} years={yearsDesc} empty={yearEmptyLabel === "latest" ? m.latest : m.any} onChange={(v) => go({ year: v })} className={control} fieldClass={field} />
            )}
          </fieldset>
        ) : (
          <YearSelect label={m.year} value={first(params.year)} years={yearsDesc} empty={yearEmptyLabel === "latest" ? m.latest : m.any} onChange={(v) => go({ year: v })} className={control} fieldClass={field} />
        )}
        <label className={field}>
          {m.province}
          <select name="province" className={control} value={province} onChange={(e) => go({ province: e.target.value })}>
            <option value="">{m.any}</option>
            {withCurrent(provinces, province).map((p) => (
              <option key={p} value={p}>{p}</option>
            ))}
          </select>
        </label>
        <label className={field}>
          {m.city}
          <select name="city" className={control} value={city} disabled={province === "" || (cities.length === 0 && city === "")} onChange={(e) => go({ city: e.target.value })}>
            <option value="">{m.any}</option>
            {withCurrent(cities, city).map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
        </label>
        <label className={field}>
          {m.county}
          <select name="county" className={control} value={county} disabled={province === "" || (counties.length === 0 && county === "")} onChange={(e) => go({ county: e.target.value })}>
            <option value="">{m.any}</option>
            {withCurrent(counties, county).map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
        </label>
        <label className={field}>
          {m.kind}
          <select name="kind" className={control} value={kind} onChange={(e) => go({ kind: e.target.value })}>
            <option value="">{m.any}</option>
            {kind.includes(",") ? <option value={kind}>{m.several}：{kind}</option> : null}
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>{AGENCY_KIND_LABELS[k][lang]}</option>
            ))}
          </select>
        </label>
        <label className={field}>
          {m.level}
          <select name="level" className={control} value={level} onChange={(e) => go({ level: e.target.value })}>
            <option value="">{m.any}</option>
            {level.includes(",") ? <option value={level}>{m.several}：{level}</option> : null}
            {AGENCY_LEVELS.map((l) => (
              <option key={l} value={l}>{AGENCY_LEVEL_LABELS[l][lang]}</option>
            ))}
          </select>
        </label>
        <div className={`${field} col-span-2`}>
          <label htmlFor="filter-q">{m.q}</label>
          <div className="flex gap-1">
            <input
              id="filter-q"
              type="search"
              name="q"
              value={q}
              maxLength={100}
              placeholder={m.qPlaceholder}
              onChange={(e) => setQ(e.target.value)}
              className={`${control} flex-1`}
            />
            <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-sm text-white hover:bg-slate-700">
              {m.search}
            </button>
          </div>
        </div>
        {showGroupBy ? (
          <label className={field}>
            {m.groupBy}
            <select name="groupBy" className={control} value={first(params.groupBy) || "agency"} onChange={(e) => go({ groupBy: e.target.value === "agency" ? "" : e.target.value })}>
              {(["agency", "county", "city", "province"] as const).map((g) => (
                <option key={g} value={g}>{m.groupByOptions[g]}</option>
              ))}
            </select>
          </label>
        ) : null}
        {metrics && metrics.length > 0 ? (
          <label className={`${field} col-span-2 sm:col-span-1`}>
            {m.metric}
            <select name="metric" className={control} value={first(params.metric) || defaultMetric || metrics[0].id} onChange={(e) => go({ metric: e.target.value })}>
              {metrics.map((x) => (
                <option key={x.id} value={x.id}>{x.label}</option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {/* Hidden parameters the bar does not edit (a chosen set of agencies) travel with a no-script submit. */}
      {toSearchParams(params).getAll("agency").map((a, i) => (
        <input key={`agency-${i}`} type="hidden" name="agency" value={a} />
      ))}
      <div className="mt-2 flex items-center gap-3 text-sm">
        <a href={pathname} className="text-blue-700 underline">{m.reset}</a>
        <span role="status" aria-live="polite" className="text-slate-600">{pending ? m.loading : ""}</span>
      </div>
    </form>
  );
}

function YearSelect({
  label,
  value,
  years,
  empty,
  onChange,
  className,
  fieldClass,
}: {
  label: string;
  value: string;
  years: number[];
  empty: string;
  onChange: (v: string) => void;
  className: string;
  fieldClass: string;
}) {
  const opts = value !== "" && !years.includes(Number(value)) ? [Number(value), ...years] : years;
  return (
    <label className={fieldClass}>
      {label}
      <select name="year" className={className} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{empty}</option>
        {opts.map((y) => (
          <option key={y} value={y}>{y}</option>
        ))}
      </select>
    </label>
  );
}
