/**
 * /reports/[id]: the report as the standard's tables with every broken relation marked on both sides,
 * the relations with last and next year's report, the parse warnings, corrections, the version history
 * with what changed, and the original file.
 */
import type { ReportDetail, VersionSummary } from "../../lib/queries/report-detail";
import { AGENCY_KIND_LABELS, AGENCY_LEVEL_LABELS } from "../../lib/report/catalog";
import type { Lang } from "../filters/filter-params";
import { correctionFieldLabel, correctionLog, correctionMarks, correctionTime } from "./report-correction-model";
import { AcrossYearsChecks } from "./across-years-checks";
import { formatValue } from "./report-table-model";
import { ReportTables } from "./report-tables";

const messages = {
  zh: {
    meta: "报告信息",
    agency: "机关",
    year: "年度",
    format: (f: string) => `${f} 版格式`,
    region: "地区",
    kind: "类型",
    version: "当前版本",
    parser: "解析器版本",
    activeTotal: "主动公开信息总数（正文）",
    original: "原始文件",
    download: (name: string, kb: string) => `下载原始文件 ${name}（${kb}）`,
    tables: "年报表格",
    broken: (n: number) => (n === 0 ? "本报告的勾稽关系均相符。" : `本报告有 ${n} 处勾稽关系不符，已在表中标出并在表后列出两边数值。`),
    across: "与相邻年度报告的勾稽关系",
    acrossNone: "与相邻年度的勾稽关系均相符，或没有相邻年度的报告。",
    prevReport: (y: number) => `上一年（${y}）报告`,
    nextReport: (y: number) => `下一年（${y}）报告`,
    warnings: "解析警告",
    warningsNone: "无解析警告。",
    corrections: "人工更正",
    correctionsNone: "这份报告没有人工更正。",
    field: "字段",
    before: "原值",
    after: "更正为",
    by: "更正人",
    note: "说明",
    versions: "版本历史",
    versionNo: "版本",
    origin: "来源",
    origins: { upload: "上传", reparse: "重新解析", correction: "人工更正" } as Record<string, string>,
    when: "时间",
    who: "操作人",
    checks: "勾稽不符",
    changes: "与上一版本相比的变化",
    noChanges: "无数值变化",
    first: "首个版本",
    formatChanged: "格式改变",
    current: "当前",
    file: "文件",
  },
  en: {
    meta: "About this report",
    agency: "Agency",
    year: "Year",
    format: (f: string) => `${f} format`,
    region: "Region",
    kind: "Kind",
    version: "Current version",
    parser: "Parser version",
    activeTotal: "Items proactively disclosed (text)",
    original: "Original file",
    download: (name: string, kb: string) => `Download the original ${name} (${kb})`,
    tables: "Tables",
    broken: (n: number) => (n === 0 ? "Every relation of this report holds." : `${n} broken relations, marked in the tables and listed with both sides below them.`),
    across: "Relations with the neighbouring years' reports",
    acrossNone: "The relations with the neighbouring years hold, or there is no neighbouring report.",
    prevReport: (y: number) => `Previous year's (${y}) report`,
    nextReport: (y: number) => `Next year's (${y}) report`,
    warnings: "Parse warnings",
    warningsNone: "No parse warnings.",
    corrections: "Corrections",
    correctionsNone: "This report has no corrections.",
    field: "Field",
    before: "Was",
    after: "Now",
    by: "By",
    note: "Note",
    versions: "Version history",
    versionNo: "Version",
    origin: "Origin",
    origins: { upload: "upload", reparse: "re-parse", correction: "correction" } as Record<string, string>,
    when: "When",
    who: "By",
    checks: "Broken",
    changes: "Changes from the previous version",
    noChanges: "no value changed",
    first: "first version",
    formatChanged: "format changed",
    current: "current",
    file: "File",
  },
} as const;

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}


export function ReportView({ lang, detail }: { lang: Lang; detail: ReportDetail }) {
  const m = messages[lang];
  const cur = detail.current;
  const failed = cur.checks.filter((c) => !c.ok).length;
  const a = detail.agency;
  // Corrections of every version (a later correction or re-parse makes a new version; earlier ones still count).
  const log = correctionLog(detail.versions);
  return (
    <div className="space-y-8">
      <section aria-labelledby="report-meta">
        <h2 id="report-meta" className="sr-only">{m.meta}</h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {[
            [m.agency, <a key="a" href={`/agencies/${a.id}`} className="text-blue-700 underline">{a.fullName ?? a.name}</a>],
            [m.year, `${detail.report.year}（${m.format(cur.format)}）`],
            [m.region, [a.province, a.city, a.county].filter(Boolean).join(" ") || "—"],
            [m.kind, `${AGENCY_KIND_LABELS[a.kind]?.[lang] ?? a.kind} · ${AGENCY_LEVEL_LABELS[a.level]?.[lang] ?? a.level}`],
            [m.version, `v${cur.versionNo}（${m.origins[cur.origin] ?? cur.origin}，${cur.createdAt.slice(0, 10)}）`],
            [m.parser, cur.parserVersion],
            [m.activeTotal, formatValue(cur.activeDisclosureTotal)],
            [
              m.original,
              <a key="f" href={`/api/files/${detail.sourceFile.id}`} className="text-blue-700 underline" download={detail.sourceFile.fileName}>
                {m.download(detail.sourceFile.fileName, sizeText(detail.sourceFile.byteSize))}
              </a>,
            ],
          ].map(([k, v], i) => (
            <div key={i} className="flex gap-2">
              <dt className="w-28 shrink-0 text-slate-600">{k}</dt>
              <dd className="min-w-0 break-all">{v}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          {detail.previous ? <a href={`/reports/${detail.previous.reportId}`} className="text-blue-700 underline">← {m.prevReport(detail.previous.year)}</a> : null}
          {detail.next ? <a href={`/reports/${detail.next.reportId}`} className="text-blue-700 underline">{m.nextReport(detail.next.year)} →</a> : null}
        </p>
      </section>

      <section aria-labelledby="report-tables">
        <h2 id="report-tables" className="mb-1 text-lg font-semibold">{m.tables}</h2>
        <p className={`mb-3 text-sm ${failed > 0 ? "font-medium text-red-800" : "text-green-800"}`} role={failed > 0 ? "status" : undefined}>
          {failed > 0 ? "⚠ " : "✓ "}
          {m.broken(failed)}
        </p>
        <ReportTables format={cur.format} values={cur.values} checks={cur.checks} lang={lang} corrections={correctionMarks(detail.versions, cur.values)} />
      </section>

      <section aria-labelledby="report-across">
        <h2 id="report-across" className="mb-2 text-lg font-semibold">{m.across}</h2>
        <AcrossYearsChecks checks={detail.acrossYears} lang={lang} noneText={m.acrossNone} />
      </section>

      <section aria-labelledby="report-warnings">
        <h2 id="report-warnings" className="mb-2 text-lg font-semibold">{m.warnings}</h2>
        {cur.warnings.length === 0 ? (
          <p className="text-sm text-slate-600">{m.warningsNone}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6 text-sm [overflow-wrap:anywhere]">
            {cur.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="report-corrections">
        <h2 id="report-corrections" className="mb-2 text-lg font-semibold">{m.corrections}</h2>
        {log.length === 0 ? (
          <p className="text-sm text-slate-600">{m.correctionsNone}</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{m.corrections}</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="px-2 py-1">{m.field}</th>
                  <th scope="col" className="px-2 py-1 text-right">{m.before}</th>
                  <th scope="col" className="px-2 py-1 text-right">{m.after}</th>
                  <th scope="col" className="px-2 py-1">{m.by}</th>
                  <th scope="col" className="px-2 py-1">{m.when}</th>
                  <th scope="col" className="px-2 py-1">{m.versionNo}</th>
                  <th scope="col" className="px-2 py-1">{m.note}</th>
                </tr>
              </thead>
              <tbody>
                {log.map((c, i) => (
                  <tr key={i} className="border-b border-slate-100">
                    <th scope="row" className="px-2 py-1 text-left font-normal">{correctionFieldLabel(c.field, lang)}</th>
                    <td className="px-2 py-1 text-right tabular-nums">
                      <span className="line-through decoration-slate-400">{c.oldValue ?? "—"}</span>
                    </td>
                    <td className="px-2 py-1 text-right font-medium tabular-nums">{c.newValue ?? "—"}</td>
                    <td className="px-2 py-1">{c.createdBy}</td>
                    <td className="px-2 py-1 whitespace-nowrap tabular-nums">{correctionTime(c.createdAt)}</td>
                    <td className="px-2 py-1">v{c.versionNo}</td>
                    <td className="px-2 py-1">{c.note ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="report-versions">
        <h2 id="report-versions" className="mb-2 text-lg font-semibold">{m.versions}</h2>
        <ol className="space-y-2 text-sm [overflow-wrap:anywhere]">
          {detail.versions.map((v) => (
            <VersionItem key={v.id} v={v} lang={lang} />
          ))}
        </ol>
      </section>
    </div>
  );
}

function VersionItem({ v, lang }: { v: VersionSummary; lang: Lang }) {
  const m = messages[lang];
  return (
    <li className={`rounded border p-2 ${v.isCurrent ? "border-slate-500" : "border-slate-200"}`}>
      <p className="flex flex-wrap gap-x-3">
        <span className="font-semibold">
          v{v.versionNo}
          {v.isCurrent ? `（${m.current}）` : ""}
        </span>
        <span>{m.origins[v.origin] ?? v.origin}</span>
        <span className="tabular-nums">{v.createdAt.replace("T", " ").slice(0, 16)}</span>
        <span>{m.who}：{v.createdBy}</span>
        <span>{m.format(v.format)}</span>
        <span className={v.failedCheckCount > 0 ? "text-red-800" : ""}>
          {m.checks}：{v.failedCheckCount}
        </span>
        <a href={`/api/files/${v.sourceFile.id}`} className="text-blue-700 underline">
          {m.file}：{v.sourceFile.fileName}
        </a>
      </p>
      {v.reason ? <p className="text-slate-700">{v.reason}</p> : null}
      {v.formatChanged ? <p className="text-amber-800">{m.formatChanged}</p> : null}
      {v.versionNo === 1 && v.changes.length === 0 ? (
        <p className="text-xs text-slate-500">{m.first}</p>
      ) : v.changes.length === 0 ? (
        <p className="text-xs text-slate-500">{m.noChanges}</p>
      ) : (
        <details className="mt-1">
          <summary className="cursor-pointer">
            {m.changes}（{v.changes.length}）
          </summary>
          <ul className="mt-1 space-y-0.5 pl-4 text-xs">
            {v.changes.map((c) => (
              <li key={c.key}>
                {lang === "zh" ? c.labelZh : c.labelEn}：<span className="line-through">{formatValue(c.before)}</span> → <strong>{formatValue(c.after)}</strong>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
