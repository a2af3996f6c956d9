"use client";

/**
 * Metrics over years. A year without a report is a gap in the line (never a zero); a figure that is not
 * comparable with the rest of its series (e.g. a 2019-format item with no 2021 counterpart) is drawn as a
 * hollow diamond off the line, and marked † in the table with the reason.
 */
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { legendText } from "./legend-text";
import { colorAt, formatChartValue, trendChartRows, yearRange, type Lang, type TrendSeries, type ValueFormat } from "./chart-data";

const messages = {
  zh: {
    year: "年份",
    missing: "无报告",
    notComparable: "不可比",
    legendNote: "空缺 = 该年无报告；◇ = 与其他年份不可比（† 见表格说明）",
    empty: "没有可显示的数据。",
  },
  en: {
    year: "Year",
    missing: "no report",
    notComparable: "not comparable",
    legendNote: "Gap = no report that year; ◇ = not comparable with other years († see the table)",
    empty: "Nothing to show.",
  },
} as const;

export interface TrendLineChartProps {
  title: string;
  description?: string;
  lang: Lang;
  series: TrendSeries[];
  valueFormat: ValueFormat;
  /** Years to show even when no series has them (e.g. the filter's from..to). */
  years?: number[];
}

export function TrendLineChart({ title, description, lang, series, valueFormat, years }: TrendLineChartProps) {
  const m = messages[lang];
  const span = yearRange(series, years ?? []);
  const data = trendChartRows(series, span);
  const anyNonComparable = series.some((s) => s.points.some((p) => p.comparable === false));
  // Years to mark on the drawing itself, so a gap explains itself: no series has a report, or a
  // series has a report whose format does not carry the figure (nothing to draw, but not a zero).
  const noReportYears = span.filter((y) => series.every((s) => !s.points.some((p) => p.year === y)));
  const notComparableYears = span.filter((y) =>
    series.some((s) => s.points.some((p) => p.year === y && p.comparable === false && (p.value === null || p.value === undefined))),
  );
  const table =
    series.length === 0 || span.length === 0 ? (
      <p className="text-sm text-slate-600">{m.empty}</p>
    ) : (
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="px-2 py-1 text-left">{m.year}</th>
            {series.map((s) => (
              <th key={s.id} scope="col" className="px-2 py-1 text-right">
                {s.href ? <a href={s.href} className="text-blue-700 underline">{s.label}</a> : s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {span.map((year) => (
            <tr key={year} className="border-b border-slate-100">
              <th scope="row" className="px-2 py-1 text-left font-normal tabular-nums">{year}</th>
              {series.map((s) => {
                const p = s.points.find((x) => x.year === year);
                if (!p) {
                  return (
                    <td key={s.id} className="px-2 py-1 text-right text-slate-500" data-missing="true">
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">{m.missing}</span>
                    </td>
                  );
                }
                return (
                  <td key={s.id} className="px-2 py-1 text-right tabular-nums" data-comparable={p.comparable === false ? "false" : undefined}>
                    {formatChartValue(p.value, valueFormat)}
                    {p.comparable === false ? (
                      <span className="ml-1 text-amber-700" title={p.note ?? m.notComparable}>
                        † <span className="text-xs">{p.note ?? m.notComparable}</span>
                      </span>
                    ) : p.note ? (
                      <span className="ml-1 text-xs text-slate-500">{p.note}</span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    );
  const chart =
    data.length === 0 ? (
      <p className="text-sm text-slate-600">{m.empty}</p>
    ) : (
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 20, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" type="category" allowDuplicatedCategory={false} />
          <YAxis tickFormatter={(v: number) => formatChartValue(v, valueFormat)} width={56} allowDecimals={valueFormat !== "count"} />
          <Tooltip formatter={(v) => formatChartValue(Number(v), valueFormat)} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={legendText} />
          {noReportYears.map((y) => (
            <ReferenceLine key={`none-${y}`} x={y} stroke="#94a3b8" strokeDasharray="4 4" label={{ value: m.missing, position: "top", fontSize: 11, fill: "#475569" }} />
          ))}
          {notComparableYears
            .filter((y) => !noReportYears.includes(y))
            .map((y) => (
              <ReferenceLine key={`nc-${y}`} x={y} stroke="#b45309" strokeDasharray="2 3" label={{ value: m.notComparable, position: "top", fontSize: 11, fill: "#92400e" }} />
            ))}
          {series.map((s, i) => (
            <Line
              key={s.id}
              dataKey={s.id}
              name={s.label}
              stroke={colorAt(i)}
              strokeWidth={2}
              connectNulls={false}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          ))}
          {anyNonComparable
            ? series.map((s, i) => (
                <Line
                  key={`${s.id}__nc`}
                  dataKey={`${s.id}__nc`}
                  name={`${s.label}（${m.notComparable}）`}
                  stroke="transparent"
                  legendType="diamond"
                  dot={(props: { cx?: number; cy?: number; value?: unknown; index?: number }) => (
                    <Diamond key={`${s.id}-nc-${props.index}`} cx={props.cx} cy={props.cy} show={props.value !== null && props.value !== undefined} color={colorAt(i)} />
                  )}
                  activeDot={false}
                  isAnimationActive={false}
                />
              ))
            : null}
        </LineChart>
      </ResponsiveContainer>
    );
  return (
    <ChartFrame
      title={title}
      description={description ?? m.legendNote}
      lang={lang}
      height={300}
      empty={data.length === 0 || series.length === 0} chart={chart}
      table={table}
    />
  );
}

function Diamond({ cx, cy, show, color }: { cx?: number; cy?: number; show: boolean; color: string }) {
  if (!show || cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return <g />;
  const r = 6;
  return <path d={`M${cx},${cy - r}L${cx + r},${cy}L${cx},${cy + r}L${cx - r},${cy}Z`} fill="#fff" stroke={color} strokeWidth={2} />;
}
