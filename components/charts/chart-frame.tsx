"use client";

/**
 * A chart with a "图表 / 表格" switch. The table is always in the server-rendered HTML, so the numbers
 * are readable before (and without) any script; once hydrated the chart is drawn and the table stays
 * available to screen readers (visually hidden) until the reader switches to it.
 */
import { useEffect, useId, useState, type ReactNode } from "react";
import type { Lang } from "./chart-data";

const messages = {
  zh: { chart: "图表", table: "表格", view: "显示方式" },
  en: { chart: "Chart", table: "Table", view: "View" },
} as const;

export interface ChartFrameProps {
  title: string;
  description?: string;
  lang: Lang;
  /** Height of the drawing area in px (the table takes what it needs). */
  height: number;
  /** The chart; only rendered in the browser (Recharts measures its container). */
  chart: ReactNode;
  /** The same numbers as an accessible table; rendered on the server too. */
  table: ReactNode;
  /** Controls shown beside the switch (e.g. counts / shares). */
  controls?: ReactNode;
  /** Nothing to draw: the table (an "empty" message) is all there is, and no switch is offered. */
  empty?: boolean;
}

export function ChartFrame({ title, description, lang, height, chart, table, controls, empty = false }: ChartFrameProps) {
  const m = messages[lang];
  const id = useId().replace(/:/g, "");
  const [mounted, setMounted] = useState(false);
  const [view, setView] = useState<"chart" | "table">("chart");
  useEffect(() => setMounted(true), []);
  const showChart = mounted && view === "chart" && !empty;
  return (
    <figure className="rounded border border-slate-200 bg-white p-3 shadow-sm" aria-labelledby={`${id}-title`}>
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <div>
          <figcaption id={`${id}-title`} className="font-semibold">
            {title}
          </figcaption>
          {description ? <p className="text-xs text-slate-600">{description}</p> : null}
        </div>
        <div className={`flex flex-wrap items-center gap-2 ${empty ? "hidden" : ""}`}>
          {controls}
          <div role="group" aria-label={m.view} className="inline-flex overflow-hidden rounded border border-slate-300 text-sm">
            {(["chart", "table"] as const).map((v) => {
              const active = mounted ? view === v : v === "table";
              return (
                <button
                  key={v}
                  type="button"
                  aria-pressed={active}
                  onClick={() => setView(v)}
                  className={`px-2 py-0.5 ${active ? "bg-slate-800 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
                >
                  {m[v]}
                </button>
              );
            })}
          </div>
        </div>
      </div>
      {showChart ? (
        <div style={{ height }} className="w-full" data-testid="chart-area">
          {chart}
        </div>
      ) : null}
      <div className={showChart ? "sr-only" : "relative overflow-x-auto"} data-view={showChart ? "hidden-table" : "table"}>
        {table}
      </div>
    </figure>
  );
}
