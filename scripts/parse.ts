/**
 * npm run parse -- FILE... : one JSON line per file on stdout (the contract of
 * shared/spec/report-format.md); nothing else is written to stdout.
 */
import { readFile } from "node:fs/promises";
import { parseFile } from "../lib/parse/index";
import type { ParseResult } from "../lib/parse/types";

async function main(): Promise<void> {
  const files = process.argv.slice(2).filter((a) => a !== "--");
  if (files.length === 0) {
    process.stderr.write("usage: npm run parse -- FILE...\n");
    process.exitCode = 2;
    return;
  }
  // Libraries sometimes log; keep stdout for the JSON lines only.
  const out = process.stdout.write.bind(process.stdout);
  console.log = (...args: unknown[]) => process.stderr.write(args.map(String).join(" ") + "\n");
  console.info = console.log;
  console.warn = console.log;
  for (const file of files) {
    let result: ParseResult;
    try {
      const bytes = await readFile(file);
      result = await parseFile(file, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code;
      result = {
        file,
        ok: false,
        error: {
          code: "corrupt_file",
          message:
            code === "ENOENT"
              ? `${file}：文件不存在。请检查路径。 / ${file}: no such file; check the path.`
              : code === "EISDIR"
                ? `${file}：这是一个文件夹，不是文件。 / ${file}: is a folder, not a file.`
                : `${file}：无法读取（${error instanceof Error ? error.message : String(error)}）。 / ${file}: could not be read.`,
        },
      };
    }
    out(JSON.stringify(result) + "\n");
  }
}

main().catch((error) => {
  process.stderr.write(`parse: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
