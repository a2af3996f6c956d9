"use client";

/**
 * Horizontal stacked bars (e.g. application outcomes per agency or region) with a counts / shares
 * toggle and its table. Groups are ordered by their total, largest first.
 */
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { legendText } from "./legend-text";
import { DATA_TABLE_CLASS, colorAt, compareLabels, formatChartValue, rowTotal, toShares, type Lang, type StackRow, type StackSegment } from "./chart-data";

const messages = {
  zh: { counts: "数量", shares: "占比", mode: "数值类型", group: "名称", total: "合计", empty: "没有可显示的数据。" },
  en: { counts: "Counts", shares: "Shares", mode: "Values as", group: "Name", total: "Total", empty: "Nothing to show." },
} as const;

export interface StackedBarChartProps {
  title: string;
  description?: string;
  lang: Lang;
  /** Each row's values in the order of `segments`. */
  rows: StackRow[];
  segments: StackSegment[];
  /** Start in shares mode. */
  initialMode?: "counts" | "shares";
  maxBars?: number;
}

export function StackedBarChart({ title, description, lang, rows, segments, initialMode = "counts", maxBars = 30 }: StackedBarChartProps) {
  const m = messages[lang];
  const [mode, setMode] = useState<"counts" | "shares">(initialMode);
  const totals = new Map(rows.map((r) => [r, rowTotal(r)]));
  const ordered = [...rows].sort((a, b) => totals.get(b)! - totals.get(a)! || compareLabels(a.label, b.label));
  const shown = mode === "shares" ? toShares(ordered) : ordered;
  const format = mode === "shares" ? "percent" : "count";
  // Recharts reads a bar's value by data key; positional keys (s0, s1 …) never clash with dotted catalog keys.
  const bars = shown.slice(0, maxBars).map((r) => {
    const bar: Record<string, string | number | null> = { label: r.label };
    r.values.forEach((v, i) => (bar[`s${i}`] = v));
    return bar;
  });
  const height = Math.max(140, bars.length * 28 + 70);
  const longest = Math.max(4, ...bars.map((b) => String(b.label).length));
  const controls = (
    <div role="group" aria-label={m.mode} className="inline-flex overflow-hidden rounded border border-slate-300 text-sm">
      {(["counts", "shares"] as const).map((v) => (
        <button
          key={v}
          type="button"
          aria-pressed={mode === v}
          onClick={() => setMode(v)}
          className={`px-2 py-0.5 ${mode === v ? "bg-slate-800 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
        >
          {m[v]}
        </button>
      ))}
    </div>
  );
  const table =
    rows.length === 0 ? (
      <p className="text-sm text-slate-600">{m.empty}</p>
    ) : (
      <table className={DATA_TABLE_CLASS}>
        <caption className="sr-only">
          {title}（{m[mode]}）
        </caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="px-2 py-1 text-left">{m.group}</th>
            {segments.map((s) => (
              <th key={s.key} scope="col" className="px-2 py-1 text-right">{s.label}</th>
            ))}
            <th scope="col" className="px-2 py-1 text-right">{m.total}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={r.id}>
              <th scope="row">{r.href ? <a href={r.href} className="text-blue-700 underline">{r.label}</a> : r.label}</th>
              {segments.map((s, j) => (
                <td key={s.key}>{formatChartValue(r.values[j], format)}</td>
              ))}
              <td>{formatChartValue(totals.get(ordered[i]), "count")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  const chart =
    bars.length === 0 ? (
      <p className="text-sm text-slate-600">{m.empty}</p>
    ) : (
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={(v: number) => formatChartValue(v, format)} domain={mode === "shares" ? [0, 1] : [0, "auto"]} allowDecimals={mode === "shares"} />
          <YAxis type="category" dataKey="label" width={Math.min(180, 14 * longest + 8)} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v) => formatChartValue(Number(v), format)} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={legendText} />
          {segments.map((s, i) => (
            <Bar key={s.key} dataKey={`s${i}`} name={s.label} stackId="stack" fill={colorAt(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    );
  return <ChartFrame title={title} description={description} lang={lang} height={height} empty={bars.length === 0} chart={chart} table={table} controls={controls} />;
}
