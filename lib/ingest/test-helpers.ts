/** Shared by the ingest integration tests: the seed files and the database invariants every test re-checks. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Pool } from "pg";
import { SEEDS_DIR } from "./seed-samples";

export function seedFiles(): Array<{ name: string; bytes: Uint8Array }> {
  return readdirSync(SEEDS_DIR)
    .filter((n) => !n.startsWith("."))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(SEEDS_DIR, name))) }));
}

export async function count(pool: Pool, table: string, where = "true", params: unknown[] = []): Promise<number> {
  const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params);
  return Number(r.rows[0]!.n);
}

/**
 * The invariants of CONTRACTS.md: per report, distinct version numbers, exactly one current version and
 * current_version_id pointing at it, a values row for every version. Returns the violations (empty = fine).
 */
export async function invariantViolations(pool: Pool): Promise<string[]> {
  const problems: string[] = [];
  const noCurrent = await pool.query(
    `SELECT r.id FROM report r
      WHERE r.current_version_id IS NULL
         OR (SELECT count(*) FROM report_version v WHERE v.report_id = r.id AND v.is_current) <> 1
         OR NOT EXISTS (SELECT 1 FROM report_version v WHERE v.id = r.current_version_id AND v.report_id = r.id AND v.is_current)`,
  );
  for (const row of noCurrent.rows) problems.push(`report ${row.id}: not exactly one current version matching current_version_id`);
  const noValues = await pool.query(`SELECT v.id FROM report_version v LEFT JOIN report_values rv ON rv.version_id = v.id WHERE rv.version_id IS NULL`);
  for (const row of noValues.rows) problems.push(`version ${row.id}: no report_values row`);
  const dupNo = await pool.query(`SELECT report_id, version_no FROM report_version GROUP BY 1, 2 HAVING count(*) > 1`);
  for (const row of dupNo.rows) problems.push(`report ${row.report_id}: version_no ${row.version_no} twice`);
  return problems;
}
