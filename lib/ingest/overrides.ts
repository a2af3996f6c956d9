/**
 * A reviewer's changes to what the parser read: metadata (agency, year, region) and values. They are applied
 * on top of the parse and recorded field by field (old → new); the parse itself is kept untouched.
 */
import { z } from "zod";
import {
  AGENCY_KINDS,
  AGENCY_LEVELS,
  FIELD_BY_KEY,
  keysForFormat,
  type AgencyKind,
  type AgencyLevel,
  type ReportFormat,
  type ReportValues,
} from "../report/catalog";
import type { ParsedAgency, ParsedRegion, ParseSuccess } from "../parse/types";

const optionalPlace = z
  .string()
  .trim()
  .max(100)
  .nullable()
  .optional()
  .transform((v) => (v === "" ? null : v));

export const metadataOverridesSchema = z
  .object({
    agencyName: z.string().trim().min(1).max(200).optional(),
    agencyFullName: z.string().trim().max(300).nullable().optional(),
    kind: z.enum(AGENCY_KINDS).optional(),
    level: z.enum(AGENCY_LEVELS).optional(),
    year: z.number().int().min(1990).max(2100).optional(),
    province: optionalPlace,
    city: optionalPlace,
    county: optionalPlace,
  })
  .strict();

export interface MetadataOverrides {
  agencyName?: string;
  agencyFullName?: string | null;
  kind?: AgencyKind;
  level?: AgencyLevel;
  year?: number;
  province?: string | null;
  city?: string | null;
  county?: string | null;
}

export const valueOverridesSchema = z.record(z.string(), z.number().finite().nullable());
export type ValueOverrides = z.infer<typeof valueOverridesSchema>;

export interface EffectiveMetadata {
  year: number | null;
  agency: ParsedAgency | null;
  region: ParsedRegion;
}

export interface CorrectionEntry {
  /** A catalog key or meta.year / meta.agency.name / meta.agency.fullName / meta.agency.kind / meta.agency.level / meta.region.province … */
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export type OverrideOutcome =
  | { ok: true; metadata: EffectiveMetadata; values: ReportValues; corrections: CorrectionEntry[] }
  | { ok: false; error: { code: "invalid_correction"; message: string } };

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** Checks value overrides against the format's keys and the fields' sign rules. */
export function validateValueOverrides(format: ReportFormat, values: ValueOverrides): string | null {
  const allowed = new Set(keysForFormat(format));
  for (const [key, v] of Object.entries(values)) {
    if (!allowed.has(key)) return `${key}: 不是 ${format} 格式的字段 / not a field of the ${format} format`;
    const def = FIELD_BY_KEY.get(key);
    if (v !== null && def && !def.signed && v < 0) return `${key}: 不能为负数 / cannot be negative`;
    if (v !== null && def && !def.decimal && !Number.isInteger(v)) return `${key}: 应为整数 / must be a whole number`;
  }
  return null;
}

export function applyOverrides(
  base: { format: ReportFormat; metadata: EffectiveMetadata; values: ReportValues },
  meta: MetadataOverrides | undefined,
  valueOverrides: ValueOverrides | undefined,
): OverrideOutcome {
  const corrections: CorrectionEntry[] = [];
  const m: MetadataOverrides = meta ?? {};
  const valuesError = valueOverrides ? validateValueOverrides(base.format, valueOverrides) : null;
  if (valuesError) return { ok: false, error: { code: "invalid_correction", message: valuesError } };

  const values: ReportValues = { ...base.values };
  for (const [key, v] of Object.entries(valueOverrides ?? {})) {
    const old = values[key] ?? null;
    if (old === v) continue;
    corrections.push({ field: key, oldValue: str(old), newValue: str(v) });
    values[key] = v;
  }

  const oldAgency = base.metadata.agency;
  let agency: ParsedAgency | null = oldAgency ? { ...oldAgency } : null;
  const agencyTouched = m.agencyName !== undefined || m.agencyFullName !== undefined || m.kind !== undefined || m.level !== undefined;
  if (agencyTouched) {
    const name = m.agencyName ?? oldAgency?.name;
    if (!name) {
      return { ok: false, error: { code: "invalid_correction", message: "请填写机关名称 / the agency name is required" } };
    }
    agency = {
      name,
      fullName: m.agencyFullName !== undefined ? m.agencyFullName || null : (oldAgency?.fullName ?? null),
      kind: (m.kind ?? oldAgency?.kind ?? "other") as AgencyKind,
      level: (m.level ?? oldAgency?.level ?? "county") as AgencyLevel,
    };
    const pairs: Array<[string, unknown, unknown]> = [
      ["meta.agency.name", oldAgency?.name, agency.name],
      ["meta.agency.fullName", oldAgency?.fullName, agency.fullName],
      ["meta.agency.kind", oldAgency?.kind, agency.kind],
      ["meta.agency.level", oldAgency?.level, agency.level],
    ];
    for (const [field, o, n] of pairs) if (str(o) !== str(n)) corrections.push({ field, oldValue: str(o), newValue: str(n) });
  }

  let year = base.metadata.year;
  if (m.year !== undefined && m.year !== year) {
    corrections.push({ field: "meta.year", oldValue: str(year), newValue: str(m.year) });
    year = m.year;
  }

  const region: ParsedRegion = { ...base.metadata.region };
  let regionChanged = false;
  for (const part of ["province", "city", "county"] as const) {
    const v = m[part];
    if (v === undefined) continue;
    const old = region[part] ?? null;
    if (old === v) continue;
    corrections.push({ field: `meta.region.${part}`, oldValue: old, newValue: v });
    region[part] = v;
    regionChanged = true;
  }
  // A code or candidate list no longer describes a place the reviewer changed by hand.
  if (regionChanged) {
    region.code = null;
    delete region.candidates;
  }

  return { ok: true, metadata: { year, agency, region }, values, corrections };
}

export function metadataOfParse(p: ParseSuccess): EffectiveMetadata {
  return { year: p.year, agency: p.agency, region: p.region };
}
