"use client";

/**
 * Tables 二/三/四 of a 政府信息公开工作年度报告 drawn like the official template of its format,
 * with every cell of a broken 勾稽 relation marked (a numbered ⚠ linking to the relation, so the
 * mark does not rely on colour) and the broken relations listed with both sides.
 * Reused by the upload review (editable) and the report page (read-only).
 */
import { useId, useState, type ReactNode } from "react";
import { FIELD_BY_KEY, type ReportFormat, type ReportValues } from "../../lib/report/catalog";
import {
  activeBlocks,
  applicantHeader,
  applicationLayout,
  describeBrokenChecks,
  fieldLabel,
  formatValue,
  highlightedCells,
  parseInputValue,
  reviewLayout,
  tableMessages,
  brokenChecks,
  type CorrectionMark,
  type Lang,
  type ReportTableCheck,
} from "./report-table-model";

export type { CorrectionMark, ReportTableCheck } from "./report-table-model";

export interface ReportTablesProps {
  format: ReportFormat;
  values: ReportValues;
  checks: readonly ReportTableCheck[];
  lang: Lang;
  editable?: boolean;
  onValueChange?: (key: string, value: number | null) => void;
  /** Field key → the value before and after a reviewer's correction. */
  corrections?: Readonly<Record<string, CorrectionMark>>;
}

const th = "border border-slate-400 bg-slate-100 px-2 py-1 text-center font-medium align-middle";
const rowTh = "border border-slate-400 bg-slate-50 px-2 py-1 text-left font-normal align-middle";
const td = "border border-slate-400 px-2 py-1 text-right tabular-nums align-middle";

export function ReportTables({
  format,
  values,
  checks,
  lang,
  editable = false,
  onValueChange,
  corrections,
}: ReportTablesProps) {
  const m = tableMessages[lang];
  const idPrefix = useId().replace(/:/g, "");
  const brokenId = (n: number) => `${idPrefix}-broken-${n}`;
  const highlighted = highlightedCells(checks);
  const broken = describeBrokenChecks(checks, lang);
  const brokenRaw = brokenChecks(checks);
  const [drafts, setDrafts] = useState<Record<string, string>>({});

  function cell(key: string, colSpan?: number): ReactNode {
    const numbers = highlighted.get(key);
    const correction = corrections?.[key];
    const value = values[key];
    const label = fieldLabel(key, lang);
    const classes = [td];
    if (numbers) classes.push("bg-amber-100 outline outline-2 -outline-offset-2 outline-red-600");
    if (correction) classes.push("italic");
    const decimal = FIELD_BY_KEY.get(key)?.decimal ?? false;
    return (
      <td
        key={key}
        colSpan={colSpan}
        className={classes.join(" ")}
        data-key={key}
        data-broken={numbers ? numbers.join(",") : undefined}
        data-corrected={correction ? "true" : undefined}
        title={label}
      >
        <span className="inline-flex items-center justify-end gap-1">
          {editable ? (
            <input
              type="number"
              inputMode="decimal"
              step={decimal ? "any" : 1}
              aria-label={label}
              aria-invalid={numbers ? true : undefined}
              className="w-16 rounded border border-slate-300 bg-white px-1 py-0.5 text-right"
              value={drafts[key] ?? (value === null || value === undefined ? "" : String(value))}
              onChange={(e) => {
                const text = e.target.value;
                setDrafts((d) => ({ ...d, [key]: text }));
                const parsed = parseInputValue(text);
                if (parsed !== "invalid") onValueChange?.(key, parsed);
              }}
            />
          ) : value === null || value === undefined ? (
            <span title={m.blank}>
              <span aria-hidden="true">—</span>
              <span className="sr-only">{m.blank}</span>
            </span>
          ) : (
            <span>{formatValue(value)}</span>
          )}
          {correction ? (
            <span className="text-xs text-blue-700" title={m.corrected(formatValue(toNumber(correction.old)))}>
              <span aria-hidden="true">✎</span>
              <span className="sr-only">{m.corrected(formatValue(toNumber(correction.old)))}</span>
            </span>
          ) : null}
          {numbers ? (
            <a
              href={`#${brokenId(numbers[0])}`}
              className="whitespace-nowrap text-xs font-semibold text-red-700 no-underline"
              title={m.brokenCell(numbers)}
            >
              <span aria-hidden="true">⚠{numbers.join(",")}</span>
              <span className="sr-only">{m.brokenCell(numbers)}</span>
            </a>
          ) : null}
        </span>
      </td>
    );
  }

  const active = activeBlocks(format, lang);
  const apps = applicationLayout(format, lang);
  const applicants = applicantHeader(lang);
  const review = reviewLayout(lang);

  return (
    <div className="space-y-6">
      <section aria-labelledby={`${idPrefix}-t2`}>
        <h3 id={`${idPrefix}-t2`} className="mb-2 text-base font-semibold">
          {m.section2}
        </h3>
        <div className="relative overflow-x-auto">
          <table className="min-w-[28rem] border-collapse text-sm">
            <caption className="sr-only">{m.section2}</caption>
            {active.map((block) => (
              <tbody key={block.article}>
                <tr>
                  <th colSpan={4} scope="colgroup" className={th}>
                    {block.article}
                  </th>
                </tr>
                <tr>
                  <th scope="col" className={th}>
                    {m.infoContent}
                  </th>
                  {block.columns.length === 1 ? (
                    <th scope="col" colSpan={3} className={th}>
                      {block.columns[0]}
                    </th>
                  ) : (
                    block.columns.map((c, i) => (
                      <th
                        key={c}
                        scope="col"
                        className={th}
                        colSpan={i === block.columns.length - 1 ? 4 - block.columns.length : undefined}
                      >
                        {c}
                      </th>
                    ))
                  )}
                </tr>
                {block.rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row" className={rowTh}>
                      {row.label}
                    </th>
                    {row.keys.length === 1
                      ? cell(row.keys[0], 3)
                      : row.keys.map((k, i) => cell(k, i === row.keys.length - 1 ? 4 - row.keys.length : undefined))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      </section>

      <section aria-labelledby={`${idPrefix}-t3`}>
        <h3 id={`${idPrefix}-t3`} className="mb-2 text-base font-semibold">
          {m.section3}
        </h3>
        <div className="relative overflow-x-auto">
          <table className="min-w-[44rem] border-collapse text-sm">
            <caption className="sr-only">{m.section3}</caption>
            <thead>
              <tr>
                <td colSpan={3} rowSpan={3} className={`${th} text-xs font-normal`}>
                  {m.corner}
                </td>
                <th colSpan={7} scope="colgroup" className={th}>
                  {m.applicants}
                </th>
              </tr>
              <tr>
                <th rowSpan={2} scope="col" className={th}>
                  {applicants.first}
                </th>
                <th colSpan={5} scope="colgroup" className={th}>
                  {m.legalPersons}
                </th>
                <th rowSpan={2} scope="col" className={th}>
                  {applicants.last}
                </th>
              </tr>
              <tr>
                {applicants.middle.map((c) => (
                  <th key={c} scope="col" className={th}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {apps.map((row) => (
                <tr key={row.rowKey}>
                  {row.outcomesSpan ? (
                    <th rowSpan={row.outcomesSpan} scope="rowgroup" className={`${rowTh} w-8`}>
                      {m.outcomesBlock}
                    </th>
                  ) : null}
                  {row.kind === "top" ? (
                    <th colSpan={3} scope="row" className={rowTh}>
                      {row.label}
                    </th>
                  ) : row.kind === "single" ? (
                    <th colSpan={2} scope="row" className={rowTh}>
                      {row.label}
                    </th>
                  ) : (
                    <>
                      {row.group ? (
                        <th rowSpan={row.group.span} scope="rowgroup" className={rowTh}>
                          {row.group.label}
                        </th>
                      ) : null}
                      <th scope="row" className={rowTh}>
                        {row.label}
                      </th>
                    </>
                  )}
                  {row.keys.map((k) => cell(k))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby={`${idPrefix}-t4`}>
        <h3 id={`${idPrefix}-t4`} className="mb-2 text-base font-semibold">
          {m.section4}
        </h3>
        <div className="relative overflow-x-auto">
          <table className="min-w-[52rem] border-collapse text-sm">
            <caption className="sr-only">{m.section4}</caption>
            <thead>
              <tr>
                <th colSpan={5} scope="colgroup" className={th}>
                  {review.reconsideration.label}
                </th>
                <th colSpan={10} scope="colgroup" className={th}>
                  {review.litigation.label}
                </th>
              </tr>
              <tr>
                {review.results.map((r) => (
                  <th key={`review-${r}`} rowSpan={2} scope="col" className={th}>
                    {r}
                  </th>
                ))}
                {review.litigation.groups.map((g) => (
                  <th key={g.label} colSpan={5} scope="colgroup" className={th}>
                    {g.label}
                  </th>
                ))}
              </tr>
              <tr>
                {review.litigation.groups.flatMap((g) =>
                  review.results.map((r) => (
                    <th key={`${g.label}-${r}`} scope="col" className={th}>
                      {r}
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              <tr>
                {review.reconsideration.keys.map((k) => cell(k))}
                {review.litigation.groups.flatMap((g) => g.keys.map((k) => cell(k)))}
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby={`${idPrefix}-broken`} className="rounded border border-slate-300 p-3">
        <h3 id={`${idPrefix}-broken`} className="mb-2 text-base font-semibold">
          {m.brokenTitle}
        </h3>
        {broken.length === 0 ? (
          <p className="text-sm text-green-800">✓ {m.brokenNone}</p>
        ) : (
          <>
            <p className="mb-2 text-sm">{m.brokenCount(broken.length)}</p>
            <ol className="space-y-2 text-sm [overflow-wrap:anywhere]">
              {broken.map((b, i) => (
                <li key={b.number} id={brokenId(b.number)} className="rounded bg-amber-50 p-2">
                  <span className="mr-1 font-semibold text-red-700">⚠{b.number}.</span>
                  {b.text}
                  <SidesDetail check={brokenRaw[i]} values={values} lang={lang} />
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}

function SidesDetail({ check, values, lang }: { check: ReportTableCheck; values: ReportValues; lang: Lang }) {
  const m = tableMessages[lang];
  const describe = (keys: readonly string[]) =>
    keys
      .map((k) => {
        if (k.startsWith("prev:")) {
          const key = k.slice(5);
          return FIELD_BY_KEY.has(key) ? `${fieldLabel(key, lang)}（${m.otherReport}）` : k;
        }
        return FIELD_BY_KEY.has(k) ? `${fieldLabel(k, lang)} ${formatValue(values[k])}` : k;
      })
      .join(" + ");
  return (
    <details className="mt-1 text-xs text-slate-700">
      <summary className="cursor-pointer">{lang === "zh" ? "涉及的单元格" : "Cells involved"}</summary>
      <p>
        <span className="font-medium">{lang === "zh" ? "左边" : "Left"}</span>
        {m.colon}
        {describe(check.leftKeys)} = {formatValue(check.left)}
      </p>
      <p>
        <span className="font-medium">{lang === "zh" ? "右边" : "Right"}</span>
        {m.colon}
        {describe(check.rightKeys)} = {formatValue(check.right)}
      </p>
    </details>
  );
}

function toNumber(v: number | string | null): number | null {
  if (v === null) return null;
  if (typeof v === "number") return v;
  const n = Number(v);
  return v.trim() === "" || !Number.isFinite(n) ? null : n;
}

export default ReportTables;
