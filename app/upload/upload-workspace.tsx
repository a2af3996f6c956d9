"use client";

/**
 * The upload page's working area: drop or pick many files → each is sent to the dry-run API with its own
 * progress bar and comes back parsed (or with the reason it cannot be) → any file can be reviewed and
 * corrected → "Save" stores one file, "Save all" every file still waiting, each with its own result.
 */
import { useCallback, useRef, useState, type DragEvent } from "react";
import type { Lang } from "@/lib/i18n/lang";
import type { IngestResult } from "@/lib/ingest/ingest-file";
import type { PreviewResult } from "@/lib/ingest/preview";
import { checkReport } from "@/lib/report/relations";
import { uploadMessages, type UploadMessages } from "./messages";
import { ReviewPanel } from "./review-panel";
import { changedMetadata, changedValues, countChanges, draftFromParse, effectiveValues, missingMetadata, type ReviewDraft } from "./review-draft";
import { previewUpload, saveUpload } from "./upload-client";

type Phase = "queued" | "parsing" | "parsed" | "refused" | "saving" | "saved";

export interface UploadItem {
  id: string;
  file: File;
  phase: Phase;
  progress: number;
  preview: PreviewResult | null;
  refusal: { code: string; message: string } | null;
  result: IngestResult | null;
  draft: ReviewDraft | null;
}

const PREVIEW_CONCURRENCY = 2;

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

let nextId = 0;

export function UploadWorkspace({ lang, csrfToken, maxFileBytes }: { lang: Lang; csrfToken: string; maxFileBytes: number }) {
  const m = uploadMessages[lang];
  const [items, setItems] = useState<UploadItem[]>([]);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const queue = useRef<UploadItem[]>([]);
  const running = useRef(0);

  const update = useCallback((id: string, patch: Partial<UploadItem> | ((item: UploadItem) => Partial<UploadItem>)) => {
    setItems((list) => list.map((it) => (it.id === id ? { ...it, ...(typeof patch === "function" ? patch(it) : patch) } : it)));
  }, []);

  const pump = useCallback(() => {
    while (running.current < PREVIEW_CONCURRENCY && queue.current.length > 0) {
      const item = queue.current.shift()!;
      running.current++;
      update(item.id, { phase: "parsing", progress: 0 });
      void previewUpload(item.file, csrfToken, (r) => update(item.id, { progress: r }))
        .then((res) => {
          if (res.ok) {
            const preview = res.preview;
            update(item.id, { phase: "parsed", progress: 1, preview, draft: preview.parse.ok ? draftFromParse(preview.parse) : null });
          } else {
            const local = m.refusedCodes[res.error.code];
            const message =
              res.status === 401 ? m.sessionExpired : res.error.code === "network" ? m.network : local ? local(formatSize(maxFileBytes)) : res.error.message;
            update(item.id, { phase: "refused", progress: 1, refusal: { code: res.error.code, message } });
          }
        })
        .finally(() => {
          running.current--;
          pump();
        });
    }
  }, [csrfToken, m, update]);

  function addFiles(list: FileList | File[]) {
    const added: UploadItem[] = [];
    for (const file of Array.from(list)) {
      const item: UploadItem = { id: `f${++nextId}`, file, phase: "queued", progress: 0, preview: null, refusal: null, result: null, draft: null };
      if (file.size > maxFileBytes) {
        item.phase = "refused";
        item.refusal = { code: "too_large", message: `${m.refusedCodes.too_large!(formatSize(maxFileBytes))} (${formatSize(file.size)})` };
      } else {
        queue.current.push(item);
      }
      added.push(item);
    }
    setItems((l) => [...l, ...added]);
    setNotice(null);
    pump();
  }

  function onDrop(e: DragEvent<HTMLElement>) {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length > 0) addFiles(e.dataTransfer.files);
  }

  /** Saves one item; resolves to whether it succeeded. */
  async function save(item: UploadItem): Promise<boolean> {
    const parse = item.preview?.parse;
    const overrides: { metadata?: import("@/lib/ingest/overrides").MetadataOverrides; values?: import("@/lib/ingest/overrides").ValueOverrides } = {};
    if (parse?.ok && item.draft) {
      const meta = changedMetadata(parse, item.draft);
      if (!meta.ok) {
        setReviewing(item.id);
        return false;
      }
      overrides.metadata = meta.overrides;
      overrides.values = changedValues(parse, item.draft);
    }
    update(item.id, { phase: "saving", progress: 0 });
    const res = await saveUpload(item.file, overrides, csrfToken, (r) => update(item.id, { progress: r }));
    if (res.ok) {
      update(item.id, { phase: "saved", progress: 1, result: res.result });
      if (reviewing === item.id) setReviewing(null);
      return res.result.ok;
    }
    const message = res.status === 401 ? m.sessionExpired : res.error.message;
    update(item.id, { phase: "parsed", progress: 1, refusal: { code: res.error.code, message } });
    return false;
  }

  function saveable(item: UploadItem): boolean {
    if (item.phase !== "parsed" || !item.preview) return false;
    const parse = item.preview.parse;
    if (item.preview.existing) return !!(parse.ok && item.draft && countChanges(parse, item.draft) > 0);
    if (parse.ok && item.draft && missingMetadata(item.draft).length > 0) return false;
    return true;
  }

  async function saveAll() {
    const pending = items.filter(saveable);
    if (pending.length === 0) {
      setNotice(m.nothingToSave);
      return;
    }
    let ok = 0;
    let failed = 0;
    for (const item of pending) {
      if (await save(item)) ok++;
      else failed++;
    }
    setNotice(m.savedAllSummary(ok, failed));
  }

  const reviewItem = items.find((i) => i.id === reviewing) ?? null;

  return (
    <div className="space-y-6">
      <section
        aria-label={m.dropHere}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-10 text-center ${dragging ? "border-slate-700 bg-slate-100" : "border-slate-300 bg-white"}`}
      >
        <p className="text-base font-medium text-slate-800">{m.dropHere}</p>
        <p className="text-sm text-slate-500">{m.or}</p>
        <label className="cursor-pointer rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 focus-within:ring-2 focus-within:ring-slate-500">
          {m.choose}
          <input
            type="file"
            multiple
            aria-label={m.chooseLabel}
            accept=".docx,.doc,.wps,.pdf,.html,.htm,.shtml,.txt,.text,.md"
            className="sr-only"
            onChange={(e) => {
              if (e.target.files) addFiles(e.target.files);
              e.target.value = "";
            }}
          />
        </label>
        <p className="text-xs text-slate-500">{m.limits(formatSize(maxFileBytes))} · .docx .doc .wps .pdf .html .txt .md</p>
      </section>

      {items.length > 0 ? (
        <section aria-labelledby="upload-files" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="upload-files" className="text-lg font-semibold">
              {m.files} ({items.length})
            </h2>
            <button type="button" onClick={() => void saveAll()} className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-600">
              {m.saveAll}
            </button>
          </div>
          {notice ? (
            <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
              {notice}
            </p>
          ) : null}
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="px-2 py-2 font-medium">
                    {m.colFile}
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {m.colStatus}
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {m.colActions}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <FileRow
                    key={item.id}
                    item={item}
                    m={m}
                    reviewing={reviewing === item.id}
                    canSave={saveable(item)}
                    onReview={() => setReviewing(reviewing === item.id ? null : item.id)}
                    onSave={() => void save(item)}
                    onRemove={() => {
                      setItems((l) => l.filter((i) => i.id !== item.id));
                      if (reviewing === item.id) setReviewing(null);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {reviewItem && reviewItem.preview?.parse.ok && reviewItem.draft ? (
        <ReviewPanel
          key={reviewItem.id}
          lang={lang}
          m={m}
          fileName={reviewItem.file.name}
          parse={reviewItem.preview.parse}
          draft={reviewItem.draft}
          onDraftChange={(draft) => update(reviewItem.id, { draft })}
          canSave={saveable(reviewItem)}
          saving={reviewItem.phase === "saving"}
          onSave={() => void save(reviewItem)}
          onClose={() => setReviewing(null)}
        />
      ) : null}
    </div>
  );
}

function FileRow({
  item,
  m,
  reviewing,
  canSave,
  onReview,
  onSave,
  onRemove,
}: {
  item: UploadItem;
  m: UploadMessages;
  reviewing: boolean;
  canSave: boolean;
  onReview: () => void;
  onSave: () => void;
  onRemove: () => void;
}) {
  const parse = item.preview?.parse;
  const busy = item.phase === "queued" || item.phase === "parsing" || item.phase === "saving";
  return (
    <tr className="border-b border-slate-200 align-top" data-testid="upload-row" data-file={item.file.name} data-phase={item.phase}>
      <th scope="row" className="max-w-xs px-2 py-2 text-left font-normal">
        <span className="block break-all font-medium">{item.file.name}</span>
        <span className="text-xs text-slate-500">{formatSize(item.file.size)}</span>
        {busy ? (
          <progress className="mt-1 block h-2 w-full" max={1} value={item.progress} aria-label={`${item.file.name} ${item.phase === "saving" ? m.saving : m.uploading}`} />
        ) : null}
      </th>
      <td className="px-2 py-2" aria-live="polite">
        <Status item={item} m={m} />
      </td>
      <td className="space-x-2 whitespace-nowrap px-2 py-2">
        {parse?.ok && item.phase !== "saved" ? (
          <button type="button" onClick={onReview} aria-expanded={reviewing} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
            {reviewing ? m.closeReview : m.review}
          </button>
        ) : null}
        {canSave ? (
          <button type="button" onClick={onSave} className="rounded border border-emerald-700 px-2 py-1 text-emerald-800 hover:bg-emerald-50">
            {m.saveOne}
          </button>
        ) : null}
        {!busy && item.phase !== "saved" ? (
          <button type="button" onClick={onRemove} className="rounded px-2 py-1 text-slate-500 hover:bg-slate-100">
            {m.remove}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

function Status({ item, m }: { item: UploadItem; m: UploadMessages }) {
  if (item.phase === "queued") return <span className="text-slate-500">{m.queued}</span>;
  if (item.phase === "parsing") return <span className="text-slate-600">{m.uploading}</span>;
  if (item.phase === "saving") return <span className="text-slate-600">{m.saving}</span>;
  if (item.phase === "refused" && item.refusal) {
    return (
      <p role="alert" className="text-red-800">
        <strong>{m.refused}</strong>
        {m.sep}
        {item.refusal.message}
      </p>
    );
  }
  if (item.phase === "saved" && item.result) {
    const r = item.result;
    if (!r.ok) {
      return (
        <p role="alert" className="text-red-800">
          <strong>{r.sourceFileId ? m.savedFailedKept : m.cannotParse}</strong>
          {m.sep}
          {r.error.message}
        </p>
      );
    }
    const text = r.status === "imported" ? m.savedImported : r.status === "new_version" ? m.savedNewVersion(r.version) : m.savedDuplicate;
    return (
      <p className="text-emerald-800">
        {text}
        {r.corrections > 0 ? m.savedCorrections(r.corrections) : ""} ·{" "}
        <a className="underline" href={`/reports/${r.reportId}`}>
          {m.viewReport} #{r.reportId}
        </a>
      </p>
    );
  }
  const p = item.preview;
  if (!p) return null;
  if (!p.parse.ok) {
    return (
      <p role="alert" className="text-red-800">
        <strong>{m.cannotParse}</strong>
        {m.sep}
        {p.parse.error.message}
      </p>
    );
  }
  const parse = p.parse;
  const draft = item.draft;
  const values = draft ? effectiveValues(parse, draft) : parse.values;
  const broken = checkReport(parse.format, values).filter((c) => !c.ok).length;
  const agency = draft?.metadata.agencyName || parse.agency?.name || m.unknownAgency;
  const year = draft?.metadata.year || (parse.year === null ? m.unknownYear : String(parse.year));
  return (
    <div className="space-y-1">
      <p>
        {m.parsed(agency, year)} · {m.format(parse.format)} ·{" "}
        <span className={broken > 0 ? "font-medium text-red-700" : "text-emerald-800"}>{m.brokenCount(broken)}</span>
        {parse.warnings.length > 0 ? <span className="text-slate-500"> · {m.warnings(parse.warnings.length)}</span> : null}
      </p>
      {p.existing ? (
        <p className="text-amber-800">
          {m.alreadyImported} ·{" "}
          <a className="underline" href={`/reports/${p.existing.reportId}`}>
            {m.viewReport} #{p.existing.reportId}
          </a>
        </p>
      ) : p.sameAgencyYearReportId ? (
        <p className="text-slate-600">{m.sameAgencyYear}</p>
      ) : null}
      {draft && missingMetadata(draft).length > 0 ? <p className="text-amber-800">{m.needsMetadata}</p> : null}
      {item.refusal ? (
        <p role="alert" className="text-red-800">
          {m.errorPrefix}
          {m.sep}
          {item.refusal.message}
        </p>
      ) : null}
    </div>
  );
}
