"use client";

/** A ranked horizontal bar chart (highest first) with its table. Plain, serialisable props only. */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { DATA_TABLE_CLASS, colorAt, formatChartValue, rankRows, type Lang, type RankedRow, type ValueFormat } from "./chart-data";

const messages = {
  zh: { rank: "排名", name: "名称", value: "数值", note: "说明", empty: "没有可显示的数据。" },
  en: { rank: "Rank", name: "Name", value: "Value", note: "Note", empty: "Nothing to show." },
} as const;

export interface RankedBarChartProps {
  title: string;
  description?: string;
  lang: Lang;
  rows: RankedRow[];
  valueFormat: ValueFormat;
  /** Column header of the value in the table (defaults to 数值/Value). */
  valueLabel?: string;
  /** Show at most this many bars (the table keeps every row). */
  maxBars?: number;
  colorIndex?: number;
}

const BAR_HEIGHT = 26;

export function RankedBarChart({ title, description, lang, rows, valueFormat, valueLabel, maxBars = 30, colorIndex = 0 }: RankedBarChartProps) {
  const m = messages[lang];
  const ranked = rankRows(rows);
  const bars = ranked.filter((r) => r.rank !== null).slice(0, maxBars);
  const height = Math.max(120, bars.length * BAR_HEIGHT + 40);
  const longest = Math.max(4, ...bars.map((b) => b.label.length));
  const yWidth = Math.min(180, 14 * longest + 8);
  const hasNotes = ranked.some((r) => r.note);
  const table =
    ranked.length === 0 ? (
      <p className="text-sm text-slate-600">{m.empty}</p>
    ) : (
      <table className={DATA_TABLE_CLASS}>
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col">{m.rank}</th>
            <th scope="col">{m.name}</th>
            <th scope="col" className="text-right">{valueLabel ?? m.value}</th>
            {hasNotes ? <th scope="col" className="text-right">{m.note}</th> : null}
          </tr>
        </thead>
        <tbody>
          {ranked.map((r) => (
            <tr key={r.id}>
              <td className="text-left!">{r.rank ?? "—"}</td>
              <th scope="row">{r.href ? <a href={r.href} className="text-blue-700 underline">{r.label}</a> : r.label}</th>
              <td>{formatChartValue(r.value, valueFormat)}</td>
              {hasNotes ? <td className="text-slate-600">{r.note ?? ""}</td> : null}
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
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis
            type="number"
            tickFormatter={(v: number) => formatChartValue(v, valueFormat)}
            domain={valueFormat === "percent" ? [0, 1] : [0, "auto"]}
            allowDecimals={valueFormat !== "count"}
          />
          <YAxis type="category" dataKey="label" width={yWidth} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v) => formatChartValue(Number(v), valueFormat)} />
          <Bar
            dataKey="value"
            name={valueLabel ?? m.value}
            isAnimationActive={false}
            // A bar opens what its row links to (agency page, narrower region); the table has the same links.
            onClick={(item) => {
              const href = (item.payload as RankedRow | undefined)?.href;
              if (href) window.location.assign(href);
            }}
          >
            {bars.map((b) => (
              <Cell key={b.id} fill={colorAt(colorIndex)} cursor={b.href ? "pointer" : undefined} />
            ))}
            <LabelList
              dataKey="value"
              position="right"
              fontSize={11}
              fill="#334155"
              formatter={(v: unknown) => formatChartValue(typeof v === "number" ? v : Number(v), valueFormat)}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    );
  return <ChartFrame title={title} description={description} lang={lang} height={height} empty={bars.length === 0} chart={chart} table={table} />;
}
