/**
 * npm run reparse [-- --force] — re-reads every stored original with the current parser and records each new
 * reading as a new current version (the old versions stay). Files already read by this parser version are
 * skipped unless --force. Exit code 1 when a file that was readable before can no longer be read.
 */
import { parseArgs } from "node:util";
import { closeDatabase, getPool } from "../lib/db/client";
import { resolveCliDatabase } from "../lib/ingest/cli-database";
import { ProgressBar } from "../lib/ingest/progress";
import { reparseAll } from "../lib/ingest/reparse";

async function main(): Promise<number> {
  const args = parseArgs({ options: { force: { type: "boolean", default: false }, json: { type: "boolean", default: false } } });
  const db = await resolveCliDatabase((line) => console.error(`[db] ${line}`));
  process.env.DATABASE_URL = db.url;
  console.error(`→ ${db.description}`);
  let bar: ProgressBar | null = null;
  try {
    const summary = await reparseAll({
      pool: getPool(),
      force: args.values.force,
      onItem: (item, done, total) => {
        bar ??= new ProgressBar(total, "reparse");
        bar.update(done, `${item.outcome} ${item.file}`.slice(0, 60));
      },
    });
    if (args.values.json) console.log(JSON.stringify(summary));
    else {
      const c = summary.counts;
      console.log(
        [
          `解析器版本 parser version: ${summary.parserVersion}`,
          `重新解析 re-parsed (new version): ${c.reparsed}`,
          `已是最新 already up to date: ${c.up_to_date}`,
          `已被新文件取代 superseded by a newer file: ${c.superseded}`,
          `原先失败、现已导入 failed before, imported now: ${c.now_imported}`,
          `仍无法解析 still unreadable: ${c.still_failing}`,
          `解析失败（保留原版本）failed (previous version kept): ${c.failed}`,
        ].join("\n"),
      );
      for (const f of summary.failures) console.log(`  ${f.file}: ${f.error?.code}: ${f.error?.message}`);
    }
    return summary.counts.failed > 0 ? 1 : 0;
  } finally {
    await closeDatabase();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`重新解析出错 reparse failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
