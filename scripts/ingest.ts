/**
 * npm run ingest -- <files or folders> [--url http://host:port --password …] [--concurrency N] [--json]
 *
 * Imports report files: directly into the database (DATABASE_URL, or the embedded PostgreSQL of .data) or,
 * with --url, through the running app's API (password from --password, ADMIN_PASSWORD or .data/admin-password).
 * Progress on stderr, a summary on stdout; exit code 1 when any file failed. Running it again skips what is in.
 */
import { parseArgs } from "node:util";
import { closeDatabase, getPool } from "../lib/db/client";
import { currentAdminPassword } from "../lib/auth/admin-password";
import { uploadViaApi } from "../lib/ingest/api-client";
import { runBulkImport, FatalIngestError, type BulkSummary, type IngestOne } from "../lib/ingest/bulk-import";
import { resolveCliDatabase, type CliDatabase } from "../lib/ingest/cli-database";
import { collectFiles } from "../lib/ingest/collect-files";
import { ingestFile } from "../lib/ingest/ingest-file";
import { formatDuration, ProgressBar } from "../lib/ingest/progress";

const USAGE = `用法 / usage: npm run ingest -- <文件或文件夹 files or folders…> [--url http://localhost:3000] [--password …] [--concurrency 4] [--json]`;

function printSummary(s: BulkSummary, skipped: string[], missing: string[]): void {
  const lines = [
    `导入 imported: ${s.imported}`,
    `新版本 new versions: ${s.newVersions}`,
    `已存在（跳过）already in (skipped): ${s.duplicates}`,
    `失败 failed: ${s.failed}`,
    `共 total: ${s.total} 个文件 files in ${formatDuration(Math.round(s.seconds))}`,
  ];
  console.log(lines.join("\n"));
  if (missing.length) console.log(`\n找不到 not found:\n${missing.map((m) => `  ${m}`).join("\n")}`);
  if (skipped.length) console.log(`\n文件夹中非报告类型的文件（未导入）files of other types in folders (not imported): ${skipped.length}`);
  if (s.failures.length) {
    console.log(`\n失败原因 why each failed:`);
    for (const f of s.failures) console.log(`  ${f.file}\n    ${f.code}: ${f.message}`);
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        url: { type: "string" },
        password: { type: "string" },
        concurrency: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : e}\n${USAGE}`);
    return 2;
  }
  if (args.values.help || args.positionals.length === 0) {
    console.error(USAGE);
    return args.values.help ? 0 : 2;
  }
  const concurrency = Number(args.values.concurrency ?? (args.values.url ? 4 : 2));
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
    console.error(`--concurrency 应为 1–32 / must be 1–32\n${USAGE}`);
    return 2;
  }

  const collected = await collectFiles(args.positionals);
  let db: CliDatabase | null = null;
  let ingest: IngestOne;
  if (args.values.url) {
    const password = args.values.password ?? currentAdminPassword();
    if (!password) {
      console.error("需要管理员密码：--password、ADMIN_PASSWORD 或 .data/admin-password / The admin password is needed: --password, ADMIN_PASSWORD or .data/admin-password.");
      return 2;
    }
    const base = args.values.url;
    ingest = (name, bytes) => uploadViaApi(base, password, name, bytes);
    console.error(`→ ${base}/api/reports`);
  } else {
    db = await resolveCliDatabase((line) => console.error(`[db] ${line}`));
    process.env.DATABASE_URL = db.url;
    console.error(`→ ${db.description}`);
    const pool = getPool();
    ingest = (name, bytes) => ingestFile({ fileName: name, bytes, actor: "cli", pool });
  }

  const bar = new ProgressBar(collected.files.length, "ingest");
  let summary: BulkSummary;
  try {
    summary = await runBulkImport(collected.files, ingest, {
      concurrency,
      onProgress: (done, s) => bar.update(done, `new ${s.imported} ver ${s.newVersions} dup ${s.duplicates} fail ${s.failed}`),
    });
  } catch (e) {
    if (e instanceof FatalIngestError) {
      console.error(`\n中止 aborted: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await closeDatabase();
    await db?.stop();
  }
  if (args.values.json) console.log(JSON.stringify({ ...summary, missing: collected.missing, skipped: collected.skipped }));
  else printSummary(summary, collected.skipped, collected.missing);
  return summary.failed > 0 || collected.missing.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`导入出错 ingest failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
