/**
 * "下载 CSV": the export of exactly the reports the page shows — same filters, same parameters
 * (GET /api/export.csv by dashboard-data). A server component: a plain link, no script needed.
 */
import { exportHref, type Lang } from "./filter-params";

const messages = {
  zh: { label: "下载 CSV", hint: "（当前筛选的报告，UTF-8 带 BOM，可用 Excel 打开）" },
  en: { label: "Download CSV", hint: "(the filtered reports; UTF-8 with BOM, opens in Excel)" },
} as const;

export function DownloadCsvLink({ lang, params }: { lang: Lang; params: URLSearchParams | Record<string, string | string[] | undefined> }) {
  const m = messages[lang];
  return (
    <p className="text-sm">
      <a href={exportHref(params)} download className="inline-flex items-center gap-1 rounded border border-slate-400 bg-white px-3 py-1 font-medium text-slate-900 hover:bg-slate-100">
        <span aria-hidden="true">⤓</span> {m.label}
      </a>{" "}
      <span className="text-xs text-slate-600">{m.hint}</span>
    </p>
  );
}
