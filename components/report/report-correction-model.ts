/**
 * The pure half of correcting a saved report on /reports/[id]: what the admin changed (only real changes
 * are sent, so the server records exactly those as corrections), what the page can refuse before asking
 * the server, how the corrections of every version read back (who, when, old → new), and how an API
 * failure becomes words. No React, no fetch: unit-tested beside this file.
 */
import type { MetadataOverrides, ValueOverrides } from "../../lib/ingest/overrides";
import { FIELD_BY_KEY, type ReportValues } from "../../lib/report/catalog";
import type { CorrectionRow } from "../../lib/queries/report-detail";
import type { CorrectionMark } from "./report-table-model";

export type Lang = "zh" | "en";

// ── Metadata form ─────────────────────────────────────────────────────────────

export interface MetadataDraft {
  agencyName: string;
  year: string;
  province: string;
  city: string;
  county: string;
}

export const METADATA_FIELDS = ["agencyName", "year", "province", "city", "county"] as const satisfies ReadonlyArray<keyof MetadataDraft>;

export function metadataDraftOf(detail: {
  report: { year: number };
  agency: { name: string; province: string | null; city: string | null; county: string | null };
}): MetadataDraft {
  return {
    agencyName: detail.agency.name,
    year: String(detail.report.year),
    province: detail.agency.province ?? "",
    city: detail.agency.city ?? "",
    county: detail.agency.county ?? "",
  };
}

export type FormProblem =
  | { kind: "agency_required"; field: "agencyName" }
  | { kind: "invalid_year"; field: "year" }
  | { kind: "negative"; key: string }
  | { kind: "not_whole"; key: string }
  | { kind: "nothing_changed" };

/** Same bounds as the corrections API (lib/ingest/overrides.ts), so the page refuses what the server would. */
export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;

export function metadataChanges(base: MetadataDraft, draft: MetadataDraft): { ok: true; overrides: MetadataOverrides } | { ok: false; problem: FormProblem } {
  const out: MetadataOverrides = {};
  const name = draft.agencyName.trim();
  if (name !== base.agencyName.trim()) {
    if (!name) return { ok: false, problem: { kind: "agency_required", field: "agencyName" } };
    out.agencyName = name;
  }
  const year = draft.year.trim();
  if (year !== base.year.trim()) {
    const y = /^\d{4}$/.test(year) ? Number(year) : NaN;
    if (!Number.isInteger(y) || y < YEAR_MIN || y > YEAR_MAX) return { ok: false, problem: { kind: "invalid_year", field: "year" } };
    out.year = y;
  }
  for (const part of ["province", "city", "county"] as const) {
    const v = draft[part].trim();
    // A cleared place is sent as null: the region is then unknown at that level.
    if (v !== base[part].trim()) out[part] = v || null;
  }
  return { ok: true, overrides: out };
}

// ── Values ────────────────────────────────────────────────────────────────────

/** Cells whose edited value differs from the saved one (typing the saved number back is no correction). */
export function valueChanges(saved: ReportValues, edited: ReportValues): ValueOverrides {
  const out: ValueOverrides = {};
  for (const [key, v] of Object.entries(edited)) {
    const before = saved[key] ?? null;
    const after = v ?? null;
    if (before !== after) out[key] = after;
  }
  return out;
}

/** The catalog's sign and whole-number rules, checked before sending (the server checks them again). */
export function valueProblems(values: ValueOverrides): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const [key, v] of Object.entries(values)) {
    if (v === null) continue;
    const def = FIELD_BY_KEY.get(key);
    if (!def) continue;
    if (!def.signed && v < 0) problems.push({ kind: "negative", key });
    else if (!def.decimal && !Number.isInteger(v)) problems.push({ kind: "not_whole", key });
  }
  return problems;
}

export interface CorrectionBody {
  metadata?: MetadataOverrides;
  values?: ValueOverrides;
  note?: string;
}

/** The body of POST /api/reports/[id]/corrections, or the first reason not to send it. */
export function buildCorrectionBody(input: {
  baseMetadata: MetadataDraft;
  metadata: MetadataDraft;
  savedValues: ReportValues;
  editedValues: ReportValues;
  note: string;
}): { ok: true; body: CorrectionBody; changes: number } | { ok: false; problems: FormProblem[] } {
  const meta = metadataChanges(input.baseMetadata, input.metadata);
  const values = valueChanges(input.savedValues, input.editedValues);
  const problems = [...(meta.ok ? [] : [meta.problem]), ...valueProblems(values)];
  if (problems.length > 0) return { ok: false, problems };
  const overrides = meta.ok ? meta.overrides : {};
  const changes = Object.keys(overrides).length + Object.keys(values).length;
  if (changes === 0) return { ok: false, problems: [{ kind: "nothing_changed" }] };
  const body: CorrectionBody = {};
  if (Object.keys(overrides).length > 0) body.metadata = overrides;
  if (Object.keys(values).length > 0) body.values = values;
  const note = input.note.trim();
  if (note) body.note = note;
  return { ok: true, body, changes };
}

// ── Corrections as recorded ───────────────────────────────────────────────────

/** A correction as the report detail query returns it. */
export type RecordedCorrection = CorrectionRow;

export interface VersionCorrections {
  versionNo: number;
  corrections: readonly RecordedCorrection[];
}

export interface CorrectionLogEntry extends RecordedCorrection {
  versionNo: number;
}

/** Every correction of every version, newest version first, in recorded order within a version. */
export function correctionLog(versions: readonly VersionCorrections[]): CorrectionLogEntry[] {
  return [...versions]
    .sort((a, b) => b.versionNo - a.versionNo)
    .flatMap((v) => v.corrections.map((c) => ({ ...c, versionNo: v.versionNo })));
}

function asNumber(v: string | null): number | null {
  if (v === null || v.trim() === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Cells to mark as corrected in the current values: a field corrected in any version, as long as the value
 * shown is still the corrected one (a later upload may have replaced it). Chained corrections (0 → 5, then
 * 5 → 6) read as one: was 0, now 6. A value corrected back to what it was is no longer marked.
 */
export function correctionMarks(versions: readonly VersionCorrections[], current: ReportValues): Record<string, CorrectionMark> {
  const chains = new Map<string, { old: number | null; new: number | null }>();
  for (const v of [...versions].sort((a, b) => a.versionNo - b.versionNo)) {
    for (const c of v.corrections) {
      if (!FIELD_BY_KEY.has(c.field)) continue;
      const oldValue = asNumber(c.oldValue);
      const newValue = asNumber(c.newValue);
      const chain = chains.get(c.field);
      if (chain && chain.new === oldValue) chain.new = newValue;
      else chains.set(c.field, { old: oldValue, new: newValue });
    }
  }
  const marks: Record<string, CorrectionMark> = {};
  for (const [key, chain] of chains) {
    if (chain.old === chain.new) continue;
    if ((current[key] ?? null) !== chain.new) continue;
    marks[key] = { old: chain.old, new: chain.new };
  }
  return marks;
}

const META_LABELS: Record<string, { zh: string; en: string }> = {
  "meta.agency.name": { zh: "机关名称", en: "Agency name" },
  "meta.agency.fullName": { zh: "机关全称", en: "Agency full name" },
  "meta.agency.kind": { zh: "机关类型", en: "Agency kind" },
  "meta.agency.level": { zh: "机关层级", en: "Agency level" },
  "meta.year": { zh: "年度", en: "Year" },
  "meta.region.province": { zh: "省", en: "Province" },
  "meta.region.city": { zh: "市", en: "City" },
  "meta.region.county": { zh: "县（区）", en: "County" },
};

/** A correction's field in words: a catalog field's label, or the metadata it changed. */
export function correctionFieldLabel(field: string, lang: Lang): string {
  const f = FIELD_BY_KEY.get(field);
  if (f) return lang === "zh" ? f.labelZh : f.labelEn;
  return META_LABELS[field]?.[lang] ?? field;
}

/** "2026-11-21T08:30:12.000Z" → "2026-11-21 08:30 UTC" (stored times are UTC; saying so avoids a wrong guess). */
export function correctionTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

// ── API failures ──────────────────────────────────────────────────────────────

export interface ApiFailure {
  status: number;
  code: string;
  message: string;
}

/** The error envelope {error:{code,message}} of a failed response, whatever the body turned out to be. */
export function apiFailureFrom(status: number, body: unknown): ApiFailure {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" && error.code ? error.code : `http_${status}`;
  const message = typeof error?.message === "string" && error.message ? error.message : `HTTP ${status}`;
  return { status, code, message };
}

/** Failures that signing in again cures (the page then offers the sign-in link). */
export function needsSignIn(f: ApiFailure): boolean {
  return f.status === 401 || f.code === "csrf_failed" || f.code === "session_expired" || f.code === "unauthorized";
}

/**
 * Server messages are "中文 / English" (sometimes "…（#3）/ English"); show the half in the page's language
 * when the message has exactly that shape — Chinese first, one separator, English after — else the whole
 * message, so nothing the server said (a field key in front, say) is lost.
 */
export function messageInLang(message: string, lang: Lang): string {
  const seps = [...message.matchAll(/\s*\/\s+/g)];
  if (seps.length !== 1) return message;
  const at = seps[0]!;
  const zh = message.slice(0, at.index).trim();
  const en = message.slice(at.index! + at[0].length).trim();
  if (!/^[\u4e00-\u9fff]/.test(zh) || !/^[A-Za-z]/.test(en)) return message;
  return lang === "zh" ? zh : en;
}
