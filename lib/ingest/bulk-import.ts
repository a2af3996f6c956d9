/**
 * The bulk import loop behind `npm run ingest`: every file through one ingest function (direct to the database
 * or through the HTTP API), a few at a time, counted into a summary. Each file is its own transaction, so an
 * interrupted run leaves whole reports only, and a re-run skips what is already in (same bytes → duplicate).
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { IngestResult } from "./ingest-file";
import { formatMegabytes, maxFileBytes } from "./limits";

export type IngestOne = (fileName: string, bytes: Uint8Array) => Promise<IngestResult>;

export interface BulkSummary {
  total: number;
  imported: number;
  newVersions: number;
  duplicates: number;
  failed: number;
  failures: Array<{ file: string; code: string; message: string }>;
  seconds: number;
}

/** Stops the whole run (bad credentials, server gone): retrying the other files cannot help. */
export class FatalIngestError extends Error {}

export async function runBulkImport(
  files: string[],
  ingest: IngestOne,
  options: { concurrency?: number; onProgress?: (done: number, summary: BulkSummary) => void } = {},
): Promise<BulkSummary> {
  const started = Date.now();
  const summary: BulkSummary = { total: files.length, imported: 0, newVersions: 0, duplicates: 0, failed: 0, failures: [], seconds: 0 };
  const limit = maxFileBytes();
  let next = 0;
  let done = 0;
  let fatal: unknown = null;

  const record = (r: IngestResult, displayName: string) => {
    if (r.ok) {
      if (r.status === "imported") summary.imported++;
      else if (r.status === "new_version") summary.newVersions++;
      else summary.duplicates++;
    } else {
      summary.failed++;
      summary.failures.push({ file: displayName, code: r.error.code, message: r.error.message });
    }
  };

  async function worker(): Promise<void> {
    while (fatal === null && next < files.length) {
      const file = files[next++]!;
      try {
        const size = (await stat(file)).size;
        if (size > limit) {
          record(
            { file, ok: false, status: "failed", duplicate: false, sourceFileId: null, error: { code: "too_large", message: `文件过大（${formatMegabytes(size)}），上限 ${formatMegabytes(limit)} / File too large (${formatMegabytes(size)}); the limit is ${formatMegabytes(limit)} (INGEST_MAX_FILE_MB).` } },
            file,
          );
        } else {
          const bytes = new Uint8Array(await readFile(file));
          record(await ingest(path.basename(file), bytes), file);
        }
      } catch (e) {
        if (e instanceof FatalIngestError) {
          fatal = e;
          return;
        }
        summary.failed++;
        summary.failures.push({ file, code: "error", message: e instanceof Error ? e.message : String(e) });
      }
      done++;
      options.onProgress?.(done, summary);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, () => worker()));
  summary.seconds = (Date.now() - started) / 1000;
  if (fatal) throw fatal;
  return summary;
}
