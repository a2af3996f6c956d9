/**
 * The parse command's contract (shared/spec/report-format.md, "The parse command's output").
 * lib/parse produces these; lib/ingest stores them; nothing here touches a database.
 */
import type { AgencyKind, AgencyLevel, ReportFormat, ReportValues } from "../report/catalog";
import type { Check } from "../report/relations";

export const PARSER_VERSION = "0.1.0";

export interface ParsedAgency {
  /** Short name, e.g. 东高地街道. */
  name: string;
  /** Full name as printed, e.g. 东高地街道办事处. */
  fullName: string | null;
  kind: AgencyKind;
  level: AgencyLevel;
}

export interface ParsedRegion {
  province: string | null;
  city: string | null;
  county: string | null;
  /** National division code of the most specific unit known (12 or 6 digits). */
  code?: string | null;
  /** When a name is ambiguous nationwide: the possible places, most likely first. */
  candidates?: Array<{ province: string | null; city: string | null; county: string | null; code: string | null }>;
}

export interface ParseSuccess {
  file: string;
  ok: true;
  format: ReportFormat;
  year: number | null;
  agency: ParsedAgency | null;
  region: ParsedRegion;
  activeDisclosureTotal: number | null;
  /** Every key of the detected format; null for a blank or absent cell. */
  values: ReportValues;
  checks: Check[];
  warnings: string[];
  parserVersion: string;
}

export type ParseErrorCode =
  | "empty_file"
  | "not_a_report"
  | "unsupported_type"
  | "corrupt_file"
  | "encrypted_file"
  | "no_text_layer"
  | "too_large"
  | "tables_not_found";

export interface ParseFailure {
  file: string;
  ok: false;
  error: { code: ParseErrorCode; message: string };
}

export type ParseResult = ParseSuccess | ParseFailure;
