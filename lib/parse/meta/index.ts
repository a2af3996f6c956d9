/**
 * Report metadata from a document's text: the year the report covers, the reporting body (name,
 * kind, level), its region, and the narrative's total of proactively disclosed items.
 * Pure: no I/O besides the bundled division index (lib/parse/meta/divisions.json).
 */
import type { ParsedAgency, ParsedRegion } from "../types";
import { findByNameOrAlias, nationalCode, regionOf, type DivisionLevel } from "./divisions";
import { readActiveDisclosureTotal } from "./active-total";
import { classifyAgency } from "./agency";
import { parseIssuer } from "./issuer";
import { resolveRegion } from "./region";
import { compact, documentLines } from "./text";
import { findTitle } from "./title";
import { readYear } from "./year";

export interface ReportMetadata {
  year: number | null;
  agency: ParsedAgency | null;
  region: ParsedRegion;
  activeDisclosureTotal: number | null;
  warnings: string[];
}

export interface ReadMetadataOptions {
  /** The uploaded file's name: a last resort for the year. */
  fileName?: string;
}

/** `本报告由淮安市人民政府办公室根据…编制`: who prepared the report, when the title names nobody. */
const PREPARED_BY = /本(?:年度)?报告由([\u4e00-\u9fa5（）()]{2,40}?)(?:根据|按照|依据|依照|编制|负责)/;

export function readMetadata(text: string, opts: ReadMetadataOptions = {}): ReportMetadata {
  const warnings: string[] = [];
  const lines = documentLines(text ?? "");
  const body = lines.join("\n");
  const context = compact(body);

  const title = findTitle(lines);
  const yearReading = readYear(body, title, opts.fileName);
  warnings.push(...yearReading.warnings);

  let issuer = title?.issuer ?? null;
  if (!issuer) {
    const prepared = PREPARED_BY.exec(context);
    if (prepared) {
      issuer = prepared[1];
      warnings.push(`agency: the title names no body; using the one that prepared the report, ${issuer}`);
    } else {
      warnings.push(title ? "agency: the title names no body" : "agency: no report title found");
    }
  }

  let agency: ParsedAgency | null = null;
  let region: ParsedRegion = { province: null, city: null, county: null };
  if (issuer) {
    const parsed = parseIssuer(issuer, context);
    warnings.push(...parsed.warnings);
    const { warnings: agencyWarnings, ...parsedAgency } = classifyAgency(parsed, issuer);
    agency = parsedAgency;
    warnings.push(...agencyWarnings);
    const regionReading = resolveRegion(parsed.branch ? [...parsed.segments, parsed.branch] : parsed.segments, context);
    region = regionReading.region;
    warnings.push(...regionReading.warnings);
  }

  const active = readActiveDisclosureTotal(body);
  warnings.push(...active.warnings);

  return { year: yearReading.year, agency, region, activeDisclosureTotal: active.total, warnings };
}

export interface PlaceMatch {
  name: string;
  level: DivisionLevel;
  province: string | null;
  city: string | null;
  county: string | null;
  code: string;
}

/**
 * Every unit a name may denote, by full name or short form (丰台区 / 丰台, 沭阳县 / 沭阳,
 * 北京市 / 北京, 东高地街道): for callers that normalise a place typed by a person.
 */
export function findPlaces(name: string): PlaceMatch[] {
  const wanted = name.replace(/\s+/g, "");
  if (wanted.length < 2) return [];
  return findByNameOrAlias(wanted).map((division) => ({
    name: division.name,
    level: division.level,
    ...regionOf(division),
    code: nationalCode(division),
  }));
}

export { DIVISION_DATA_ATTRIBUTION } from "./divisions";
