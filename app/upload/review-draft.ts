/**
 * What a reviewer changed, kept as a draft beside the parse: the metadata form's fields and the edited cells.
 * Only fields that differ from the parse are sent, so the server records exactly those as corrections.
 */
import type { AgencyKind, AgencyLevel, ReportValues } from "@/lib/report/catalog";
import type { ParseSuccess } from "@/lib/parse/types";
import type { MetadataOverrides, ValueOverrides } from "@/lib/ingest/overrides";

export interface MetadataDraft {
  agencyName: string;
  agencyFullName: string;
  kind: AgencyKind | "";
  level: AgencyLevel | "";
  year: string;
  province: string;
  city: string;
  county: string;
}

export interface ReviewDraft {
  metadata: MetadataDraft;
  values: ValueOverrides;
}

export function draftFromParse(p: ParseSuccess): ReviewDraft {
  return {
    metadata: {
      agencyName: p.agency?.name ?? "",
      agencyFullName: p.agency?.fullName ?? "",
      kind: p.agency?.kind ?? "",
      level: p.agency?.level ?? "",
      year: p.year === null ? "" : String(p.year),
      province: p.region.province ?? "",
      city: p.region.city ?? "",
      county: p.region.county ?? "",
    },
    values: {},
  };
}

export function effectiveValues(p: ParseSuccess, draft: ReviewDraft): ReportValues {
  return { ...p.values, ...draft.values };
}

/** Value edits that really change something (typing a number back to what was read is no correction). */
export function changedValues(p: ParseSuccess, draft: ReviewDraft): ValueOverrides {
  const out: ValueOverrides = {};
  for (const [k, v] of Object.entries(draft.values)) if ((p.values[k] ?? null) !== v) out[k] = v;
  return out;
}

export type MetadataCheck = { ok: true; overrides: MetadataOverrides } | { ok: false; field: keyof MetadataDraft };

export function changedMetadata(p: ParseSuccess, draft: ReviewDraft): MetadataCheck {
  const base = draftFromParse(p).metadata;
  const d = draft.metadata;
  const out: MetadataOverrides = {};
  if (d.agencyName.trim() !== base.agencyName) {
    if (!d.agencyName.trim()) return { ok: false, field: "agencyName" };
    out.agencyName = d.agencyName.trim();
  }
  if (d.agencyFullName.trim() !== base.agencyFullName) out.agencyFullName = d.agencyFullName.trim() || null;
  if (d.kind !== base.kind && d.kind) out.kind = d.kind;
  if (d.level !== base.level && d.level) out.level = d.level;
  if (d.year.trim() !== base.year) {
    const y = Number(d.year.trim());
    if (!Number.isInteger(y) || y < 1990 || y > 2100) return { ok: false, field: "year" };
    out.year = y;
  }
  for (const part of ["province", "city", "county"] as const) {
    if (d[part].trim() !== base[part]) out[part] = d[part].trim() || null;
  }
  return { ok: true, overrides: out };
}

/** Can this draft be stored as a report? (agency and year known, either parsed or filled in). */
export function missingMetadata(draft: ReviewDraft): Array<"agencyName" | "year" | "kind" | "level"> {
  const d = draft.metadata;
  const missing: Array<"agencyName" | "year" | "kind" | "level"> = [];
  if (!d.agencyName.trim()) missing.push("agencyName");
  if (!d.year.trim()) missing.push("year");
  return missing;
}

export function countChanges(p: ParseSuccess, draft: ReviewDraft): number {
  const meta = changedMetadata(p, draft);
  return Object.keys(changedValues(p, draft)).length + (meta.ok ? Object.keys(meta.overrides).length : 1);
}
