/**
 * The sample data of a first start: the five seed reports, loaded through the same ingest path as any upload
 * (so they are deduplicated, versioned and checked like everything else) — only when no report exists yet.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Pool } from "pg";
import { getPool } from "../db/client";
import { ingestFile, type IngestResult } from "./ingest-file";

export const SEEDS_DIR = fileURLToPath(new URL("../parse/__fixtures__/seeds/", import.meta.url));

export interface SeedOutcome {
  seeded: boolean;
  results: IngestResult[];
}

export async function seedSamplesIfEmpty(pool: Pool = getPool(), dir: string = SEEDS_DIR): Promise<SeedOutcome> {
  const any = await pool.query(`SELECT 1 FROM report LIMIT 1`);
  if (any.rowCount) return { seeded: false, results: [] };
  const names = (await readdir(dir)).filter((n) => !n.startsWith(".")).sort();
  const results: IngestResult[] = [];
  for (const name of names) {
    const bytes = new Uint8Array(await readFile(path.join(dir, name)));
    results.push(await ingestFile({ fileName: name, bytes, actor: "seed", pool }));
  }
  return { seeded: true, results };
}
