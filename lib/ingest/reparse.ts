/**
 * Re-parse: read every stored original again with the current parser and, where the reading differs from the
 * stored one (or the parser version changed), record it as a new current version (origin "reparse"); older
 * versions stay. Comparing the readings themselves means a parser fix is picked up even if nobody bumped
 * PARSER_VERSION, and a second run changes nothing. A reviewer's value corrections on that file are
 * re-applied on top of the new reading (and recorded again), so upgrading the parser never silently undoes
 * a human fix. Files that failed before are tried again and become reports when the parser now reads them.
 */
import type { Pool } from "pg";
import { keysForFormat } from "../report/catalog";
import { checkReport } from "../report/relations";
import { PARSER_VERSION } from "../parse/types";
import { parseFile } from "../parse";
import { getPool } from "../db/client";
import { lockCurrentVersion } from "./corrections";
import { ingestFile } from "./ingest-file";
import type { CorrectionEntry } from "./overrides";
import { insertCurrentVersion, type StoredParseError } from "./store";
import { inTransaction } from "./transaction";

export type ReparseOutcome =
  | "reparsed"
  | "up_to_date"
  | "superseded"
  | "now_imported"
  | "still_failing"
  | "failed";

export interface ReparseItem {
  sourceFileId: number;
  file: string;
  outcome: ReparseOutcome;
  reportId?: number;
  versionNo?: number;
  error?: { code: string; message: string };
}

export interface ReparseOptions {
  pool?: Pool;
  /** Record a new version even where the new reading equals the stored one. */
  force?: boolean;
  actor?: string;
  onItem?: (item: ReparseItem, done: number, total: number) => void;
}

export interface ReparseSummary {
  parserVersion: string;
  total: number;
  counts: Record<ReparseOutcome, number>;
  failures: ReparseItem[];
}

export async function reparseAll(options: ReparseOptions = {}): Promise<ReparseSummary> {
  const pool = options.pool ?? getPool();
  const actor = options.actor ?? "reparse";
  const ids = (await pool.query<{ id: number }>(`SELECT id FROM source_file ORDER BY id`)).rows.map((r) => r.id);
  const summary: ReparseSummary = {
    parserVersion: PARSER_VERSION,
    total: ids.length,
    counts: { reparsed: 0, up_to_date: 0, superseded: 0, now_imported: 0, still_failing: 0, failed: 0 },
    failures: [],
  };
  let done = 0;
  for (const id of ids) {
    const item = await reparseSource(pool, id, actor, options.force ?? false);
    summary.counts[item.outcome]++;
    if (item.outcome === "failed" || item.outcome === "still_failing") summary.failures.push(item);
    options.onItem?.(item, ++done, ids.length);
  }
  return summary;
}

export async function reparseSource(pool: Pool, sourceFileId: number, actor: string, force: boolean): Promise<ReparseItem> {
  const src = (
    await pool.query<{ file_name: string; content: Buffer; media_type: string; parse_error: StoredParseError | null }>(
      `SELECT file_name, content, media_type, parse_error FROM source_file WHERE id = $1`,
      [sourceFileId],
    )
  ).rows[0];
  if (!src) return { sourceFileId, file: String(sourceFileId), outcome: "superseded" };
  const file = src.file_name;
  const bytes = new Uint8Array(src.content.buffer, src.content.byteOffset, src.content.byteLength);

  const current = (
    await pool.query<{ report_id: number; version_id: number; parser_version: string; parsed: unknown }>(
      `SELECT r.id AS report_id, rv.id AS version_id, rv.parser_version, rv.parsed
         FROM report r JOIN report_version rv ON rv.id = r.current_version_id
        WHERE rv.source_file_id = $1`,
      [sourceFileId],
    )
  ).rows;
  const anyVersion = (await pool.query(`SELECT 1 FROM report_version WHERE source_file_id = $1 LIMIT 1`, [sourceFileId])).rowCount;

  if (current.length === 0) {
    if (anyVersion) return { sourceFileId, file, outcome: "superseded" };
    // Kept without a report (it failed, or its report was deleted): try again with today's parser.
    const r = await ingestFile({ fileName: file, bytes, mediaType: src.media_type, actor, pool, retryStoredFailure: true });
    if (r.ok) return { sourceFileId, file, outcome: "now_imported", reportId: r.reportId, versionNo: r.version };
    return { sourceFileId, file, outcome: "still_failing", error: r.error };
  }

  const parsed = await parseFile(file, bytes);
  let last: ReparseItem = { sourceFileId, file, outcome: "up_to_date" };
  for (const cur of current) {
    if (!parsed.ok) {
      last = { sourceFileId, file, outcome: "failed", reportId: cur.report_id, error: parsed.error };
      continue;
    }
    if (!force && cur.parser_version === (parsed.parserVersion || PARSER_VERSION) && sameReading(cur.parsed, parsed)) continue;
    const written = await inTransaction(pool, async (client) => {
      const locked = await lockCurrentVersion(client, cur.report_id);
      if (!locked || locked.versionId !== cur.version_id) return null; // changed meanwhile; next run picks it up
      const keys = new Set(keysForFormat(parsed.format));
      const fixes = await client.query<{ field: string; new_value: string | null }>(
        `SELECT c.field, c.new_value FROM correction c JOIN report_version rv ON rv.id = c.version_id
          WHERE rv.report_id = $1 AND rv.source_file_id = $2 AND c.field NOT LIKE 'meta.%'
          ORDER BY c.id`,
        [cur.report_id, sourceFileId],
      );
      const finalValue = new Map<string, number | null>();
      for (const f of fixes.rows) if (keys.has(f.field)) finalValue.set(f.field, f.new_value === null ? null : Number(f.new_value));
      const values = { ...parsed.values };
      const corrections: CorrectionEntry[] = [];
      for (const [field, v] of finalValue) {
        const old = values[field] ?? null;
        if (old === v) continue;
        corrections.push({ field, oldValue: old === null ? null : String(old), newValue: v === null ? null : String(v) });
        values[field] = v;
      }
      const checks = corrections.length > 0 ? checkReport(parsed.format, values) : parsed.checks;
      return insertCurrentVersion(client, cur.report_id, {
        sourceFileId,
        origin: "reparse",
        format: parsed.format,
        parserVersion: parsed.parserVersion || PARSER_VERSION,
        parsed,
        activeDisclosureTotal: parsed.activeDisclosureTotal,
        warnings: parsed.warnings,
        values,
        checks,
        corrections,
        actor,
        reason: `re-parsed with parser ${parsed.parserVersion || PARSER_VERSION} (was ${locked.parserVersion})`,
        correctionNote: corrections.length > 0 ? "re-applied after re-parse" : null,
      });
    });
    if (written) last = { sourceFileId, file, outcome: "reparsed", reportId: cur.report_id, versionNo: written.versionNo };
  }
  return last;
}

/** Key order and the file name aside, is this the reading already stored? */
export function sameReading(stored: unknown, fresh: unknown): boolean {
  const strip = (v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const { file: _file, ...rest } = v as Record<string, unknown>;
      return rest;
    }
    return v;
  };
  return canonicalJson(strip(stored)) === canonicalJson(strip(JSON.parse(JSON.stringify(fresh))));
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}
