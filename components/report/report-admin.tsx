"use client";

/**
 * The signed-in admin's actions on /reports/[id]: "更正" turns the page into an editor (the report's
 * details and the standard's tables, editable, with the relations re-checked as one types) and saves the
 * changes as a correction version; "删除" asks in a dialog, then deletes and goes to the overview. The
 * read-only report (server-rendered) is passed in as children and refreshed from the server after a save,
 * so what is shown afterwards is what was stored: the new values, marked, with the stored checks.
 */
import { useEffect, useId, useRef, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { ReportFormat, ReportValues } from "../../lib/report/catalog";
import { checkReport } from "../../lib/report/relations";
import { deleteReportRequest, postCorrections } from "./report-admin-api";
import { reportAdminMessages, type ReportAdminMessages } from "./report-admin-messages";
import {
  buildCorrectionBody,
  metadataChanges,
  messageInLang,
  needsSignIn,
  valueChanges,
  type ApiFailure,
  type FormProblem,
  type Lang,
  type MetadataDraft,
} from "./report-correction-model";
import { fieldLabel } from "./report-table-model";
import { ReportTables, type CorrectionMark } from "./report-tables";

export interface ReportAdminProps {
  lang: Lang;
  reportId: number;
  csrfToken: string;
  /** The current version: a new one (after a save) gives the editor fresh starting values. */
  versionNo: number;
  format: ReportFormat;
  values: ReportValues;
  metadata: MetadataDraft;
  /** "机关 2024 年" — names the report in the delete confirmation. */
  reportLabel: string;
  /** /login?next=/reports/<id>, offered when the session is gone. */
  signInHref: string;
  children: ReactNode;
}

const button = "rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-50";

export function ReportAdmin(props: ReportAdminProps) {
  const m = reportAdminMessages[props.lang];
  const [mode, setMode] = useState<"view" | "edit">("view");
  const [notice, setNotice] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();
  const router = useRouter();
  const noticeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (notice && !refreshing) noticeRef.current?.focus();
  }, [notice, refreshing]);

  if (mode === "edit" || refreshing) {
    return (
      <CorrectionEditor
        key={props.versionNo}
        {...props}
        m={m}
        refreshing={refreshing}
        onCancel={() => setMode("view")}
        onSaved={(version, count) => {
          // The refresh and the switch back land together: the view appears with the stored values.
          startTransition(() => {
            setMode("view");
            setNotice(count > 0 ? m.saved(version, count) : m.savedNothing);
            router.refresh();
          });
        }}
      />
    );
  }

  return (
    <>
      <div role="group" aria-label={m.actions} className="mb-3 flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={`${button} border-slate-700 bg-slate-800 text-white hover:bg-slate-700`}
          onClick={() => {
            setNotice(null);
            setMode("edit");
          }}
        >
          {m.correct}
        </button>
        <DeleteReport lang={props.lang} m={m} reportId={props.reportId} csrfToken={props.csrfToken} reportLabel={props.reportLabel} signInHref={props.signInHref} />
      </div>
      {notice ? (
        <p ref={noticeRef} tabIndex={-1} role="status" className="mb-3 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 focus:outline-none">
          ✓ {notice}
        </p>
      ) : null}
      {props.children}
    </>
  );
}

type ShownError = { title: string; lines: string[]; signIn: boolean };

function problemText(p: FormProblem, m: ReportAdminMessages, lang: Lang): string {
  switch (p.kind) {
    case "negative":
      return m.problems.negative(fieldLabel(p.key, lang));
    case "not_whole":
      return m.problems.not_whole(fieldLabel(p.key, lang));
    default:
      return m.problems[p.kind];
  }
}

function failureError(f: ApiFailure, title: string, m: ReportAdminMessages, lang: Lang): ShownError {
  if (f.code === "network") return { title, lines: [m.network], signIn: false };
  // Our words for failures whose cure is the same whatever the detail (sign in, reload); otherwise the
  // server's own words, which carry the detail (which field, which existing report).
  const line = m.codes[f.code] ?? messageInLang(f.message, lang);
  return { title, lines: [line, `(${f.code}, HTTP ${f.status})`], signIn: needsSignIn(f) };
}

function ErrorBox({ id, error, m, signInHref }: { id: string; error: ShownError; m: ReportAdminMessages; signInHref: string }) {
  return (
    <div id={id} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      <p className="font-semibold">{error.title}</p>
      <ul className="list-disc pl-5 [overflow-wrap:anywhere]">
        {error.lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
      {error.signIn ? (
        <p className="mt-1">
          <a href={signInHref} className="text-blue-800 underline">
            {m.signInAgain}
          </a>
        </p>
      ) : null}
    </div>
  );
}

function CorrectionEditor({
  lang,
  m,
  reportId,
  csrfToken,
  format,
  values,
  metadata,
  signInHref,
  refreshing,
  onCancel,
  onSaved,
}: ReportAdminProps & { m: ReportAdminMessages; refreshing: boolean; onCancel: () => void; onSaved: (version: number, count: number) => void }) {
  const [draft, setDraft] = useState<MetadataDraft>(metadata);
  const [edited, setEdited] = useState<ReportValues>(values);
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [invalidField, setInvalidField] = useState<keyof MetadataDraft | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = useId().replace(/:/g, "");
  const errorId = `${ids}-error`;

  useEffect(() => {
    heading.current?.scrollIntoView({ block: "start" });
    heading.current?.focus({ preventScroll: true });
  }, []);

  const checks = checkReport(format, edited);
  const broken = checks.filter((c) => !c.ok).length;
  const changedValues = valueChanges(values, edited);
  const marks: Record<string, CorrectionMark> = {};
  for (const [k, v] of Object.entries(changedValues)) marks[k] = { old: values[k] ?? null, new: v };
  const meta = metadataChanges(metadata, draft);
  const changes = Object.keys(changedValues).length + (meta.ok ? Object.keys(meta.overrides).length : 0);
  const busy = saving || refreshing;

  async function save() {
    setError(null);
    setInvalidField(null);
    const built = buildCorrectionBody({ baseMetadata: metadata, metadata: draft, savedValues: values, editedValues: edited, note });
    if (!built.ok) {
      const field = built.problems.find((p): p is Extract<FormProblem, { field: string }> => "field" in p);
      setInvalidField(field ? field.field : null);
      setError({ title: m.errorTitle, lines: built.problems.map((p) => problemText(p, m, lang)), signIn: false });
      return;
    }
    setSaving(true);
    const res = await postCorrections(reportId, built.body, csrfToken);
    setSaving(false);
    if (!res.ok) {
      setError(failureError(res.failure, m.errorTitle, m, lang));
      return;
    }
    onSaved(res.body.version, res.body.corrections);
  }

  const input = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-slate-600 focus:outline-none aria-[invalid=true]:border-red-600";
  const text = (key: keyof MetadataDraft, label: string) => (
    <div className="space-y-1">
      <label htmlFor={`${ids}-${key}`} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={`${ids}-${key}`}
        className={input}
        inputMode={key === "year" ? "numeric" : undefined}
        value={draft[key]}
        disabled={busy}
        aria-invalid={invalidField === key ? true : undefined}
        aria-describedby={invalidField === key && error ? errorId : undefined}
        onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
      />
    </div>
  );

  return (
    <section aria-labelledby={`${ids}-title`} className="space-y-5">
      <div className="sticky top-0 z-10 space-y-2 border-b border-slate-300 bg-white/95 py-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="space-y-1">
            <h2 id={`${ids}-title`} ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
              {m.editTitle}
            </h2>
            <p className="flex flex-wrap gap-x-4 text-sm">
              <span role="status" className="text-slate-700">
                {m.changes(changes)}
              </span>
              <span className={broken > 0 ? "text-red-800" : "text-green-800"}>{m.liveChecks(broken)}</span>
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={save} disabled={busy} className={`${button} border-emerald-800 bg-emerald-700 text-white hover:bg-emerald-600`}>
              {busy ? m.saving : m.save}
            </button>
            <button type="button" onClick={onCancel} disabled={busy} className={`${button} border-slate-300 bg-white hover:bg-slate-100`}>
              {m.cancel}
            </button>
          </div>
        </div>
        {error ? <ErrorBox id={errorId} error={error} m={m} signInHref={signInHref} /> : null}
      </div>

      <p className="max-w-3xl text-sm text-slate-600">{m.editIntro}</p>

      <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" disabled={busy}>
        <legend className="mb-2 text-sm font-semibold">{m.metadata}</legend>
        {text("agencyName", m.agencyName)}
        {text("year", m.year)}
        {text("province", m.province)}
        {text("city", m.city)}
        {text("county", m.county)}
      </fieldset>

      <div className="space-y-1">
        <label htmlFor={`${ids}-note`} className="block text-xs font-medium text-slate-700">
          {m.note}
        </label>
        <textarea
          id={`${ids}-note`}
          rows={2}
          maxLength={1000}
          value={note}
          disabled={busy}
          placeholder={m.notePlaceholder}
          onChange={(e) => setNote(e.target.value)}
          className={`${input} max-w-3xl`}
        />
      </div>

      <ReportTables
        format={format}
        values={edited}
        checks={checks}
        lang={lang}
        editable
        corrections={marks}
        onValueChange={(key, value) => setEdited((v) => ({ ...v, [key]: value }))}
      />
    </section>
  );
}

function DeleteReport({
  lang,
  m,
  reportId,
  csrfToken,
  reportLabel,
  signInHref,
}: {
  lang: Lang;
  m: ReportAdminMessages;
  reportId: number;
  csrfToken: string;
  reportLabel: string;
  signInHref: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const ids = useId().replace(/:/g, "");

  async function confirm() {
    setBusy(true);
    setError(null);
    const res = await deleteReportRequest(reportId, csrfToken);
    if (res.ok) {
      // A full load: the overview is rendered afresh without the report, and Back does not return to it.
      window.location.replace(`/?deleted=${reportId}`);
      return;
    }
    setBusy(false);
    setError(failureError(res.failure, m.deleteFailed, m, lang));
  }

  return (
    <>
      <button
        type="button"
        className={`${button} border-red-700 bg-white text-red-800 hover:bg-red-50`}
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        {m.delete}
      </button>
      <dialog
        ref={dialog}
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-body`}
        onCancel={(e) => {
          if (busy) e.preventDefault();
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-md space-y-3 rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <h2 id={`${ids}-title`} className="text-lg font-semibold">
          {m.deleteTitle}
        </h2>
        <p id={`${ids}-body`} className="text-sm">
          {m.deleteBody(reportLabel)}
        </p>
        {error ? <ErrorBox id={`${ids}-error`} error={error} m={m} signInHref={signInHref} /> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" autoFocus disabled={busy} onClick={() => dialog.current?.close()} className={`${button} border-slate-300 bg-white hover:bg-slate-100`}>
            {m.cancel}
          </button>
          <button type="button" disabled={busy} onClick={confirm} className={`${button} border-red-800 bg-red-700 text-white hover:bg-red-600`}>
            {busy ? m.deleting : m.confirmDelete}
          </button>
        </div>
      </dialog>
    </>
  );
}
