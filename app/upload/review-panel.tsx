"use client";

/**
 * Review of one parsed file before saving: its metadata in a small form and its values in the standard's
 * tables (editable), with the broken 勾稽 relations highlighted and recomputed as the reviewer types.
 */
import { useEffect, useRef, useState } from "react";
import { ReportTables, type CorrectionMark } from "@/components/report/report-tables";
import type { Lang } from "@/lib/i18n/lang";
import type { ParseSuccess } from "@/lib/parse/types";
import { AGENCY_KIND_LABELS, AGENCY_KINDS, AGENCY_LEVEL_LABELS, AGENCY_LEVELS } from "@/lib/report/catalog";
import { checkReport } from "@/lib/report/relations";
import type { UploadMessages } from "./messages";
import { changedMetadata, changedValues, countChanges, draftFromParse, effectiveValues, type MetadataDraft, type ReviewDraft } from "./review-draft";

export function ReviewPanel({
  lang,
  m,
  fileName,
  parse,
  draft,
  onDraftChange,
  canSave,
  saving,
  onSave,
  onClose,
}: {
  lang: Lang;
  m: UploadMessages;
  fileName: string;
  parse: ParseSuccess;
  draft: ReviewDraft;
  onDraftChange: (d: ReviewDraft) => void;
  canSave: boolean;
  saving: boolean;
  onSave: () => void;
  onClose: () => void;
}) {
  const values = effectiveValues(parse, draft);
  const checks = checkReport(parse.format, values);
  const edited = changedValues(parse, draft);
  const marks: Record<string, CorrectionMark> = {};
  for (const [k, v] of Object.entries(edited)) marks[k] = { old: parse.values[k] ?? null, new: v };
  const meta = changedMetadata(parse, draft);
  const changes = countChanges(parse, draft);
  // ReportTables keeps what is typed in each cell; a new key after "undo" gives it fresh inputs.
  const [generation, setGeneration] = useState(0);
  const panel = useRef<HTMLElement>(null);
  // Opening a review brings it into view (it sits below the file list) and moves focus to its heading.
  useEffect(() => {
    panel.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    panel.current?.querySelector<HTMLElement>("h2")?.focus({ preventScroll: true });
  }, []);

  function setMeta<K extends keyof MetadataDraft>(key: K, value: MetadataDraft[K]) {
    onDraftChange({ ...draft, metadata: { ...draft.metadata, [key]: value } });
  }

  const input = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-slate-600 focus:outline-none";
  const text = (key: "agencyName" | "agencyFullName" | "year" | "province" | "city" | "county", label: string) => (
    <div className="space-y-1">
      <label htmlFor={`review-${key}`} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={`review-${key}`}
        className={input}
        inputMode={key === "year" ? "numeric" : undefined}
        value={draft.metadata[key]}
        aria-invalid={!meta.ok && meta.field === key ? true : undefined}
        onChange={(e) => setMeta(key, e.target.value)}
      />
      {!meta.ok && meta.field === key && key === "year" ? <p className="text-xs text-red-700">{m.invalidYear}</p> : null}
    </div>
  );

  return (
    <section ref={panel} aria-labelledby="review-title" className="space-y-5 rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h2 id="review-title" tabIndex={-1} className="text-lg font-semibold focus:outline-none">
            {m.reviewTitle(fileName)}
          </h2>
          <p className="max-w-3xl text-sm text-slate-600">{m.reviewIntro}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-600" role="status">
            {m.edits(changes)}
          </span>
          {changes > 0 ? (
            <button type="button" onClick={() => {
                onDraftChange(draftFromParse(parse));
                setGeneration((g) => g + 1);
              }} className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100">
              {m.resetEdits}
            </button>
          ) : null}
          <button
            type="button"
            disabled={!canSave || saving}
            onClick={onSave}
            className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-600 disabled:opacity-50"
          >
            {saving ? m.saving : m.saveOne}
          </button>
          <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            {m.closeReview}
          </button>
        </div>
      </div>

      <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 text-sm font-semibold">{m.metadata}</legend>
        {text("agencyName", m.agencyName)}
        {text("agencyFullName", m.agencyFullName)}
        <div className="space-y-1">
          <label htmlFor="review-kind" className="block text-xs font-medium text-slate-700">
            {m.kind}
          </label>
          <select id="review-kind" className={input} value={draft.metadata.kind} onChange={(e) => setMeta("kind", e.target.value as MetadataDraft["kind"])}>
            <option value="">—</option>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {AGENCY_KIND_LABELS[k][lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="review-level" className="block text-xs font-medium text-slate-700">
            {m.level}
          </label>
          <select id="review-level" className={input} value={draft.metadata.level} onChange={(e) => setMeta("level", e.target.value as MetadataDraft["level"])}>
            <option value="">—</option>
            {AGENCY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {AGENCY_LEVEL_LABELS[l][lang]}
              </option>
            ))}
          </select>
        </div>
        {text("year", m.year)}
        {text("province", m.province)}
        {text("city", m.city)}
        {text("county", m.county)}
      </fieldset>

      {parse.warnings.length > 0 ? (
        <details className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          <summary className="cursor-pointer font-medium">
            {m.warningsTitle} ({parse.warnings.length})
          </summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {parse.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}

      <ReportTables
        key={generation}
        format={parse.format}
        values={values}
        checks={checks}
        lang={lang}
        editable
        corrections={marks}
        onValueChange={(key, value) => onDraftChange({ ...draft, values: { ...draft.values, [key]: value } })}
      />
    </section>
  );
}
