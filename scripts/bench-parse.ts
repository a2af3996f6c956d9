/**
 * npm run bench:parse — parser throughput on the fixtures, per core (one thread). Time is
 * the process's CPU time (user + system), so other work on a shared machine does not count.
 * Text/HTML fixtures and .docx fixtures are timed separately, each against a bare pass over
 * the same bytes in the same run that only decodes them and splits them into lines.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFile } from "../lib/parse/index";

const FIXTURES = join(import.meta.dirname, "..", "lib", "parse", "__fixtures__");

function load(dir: string, exts: string[]): Array<{ name: string; bytes: Uint8Array }> {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => exts.some((e) => f.endsWith(e)))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(FIXTURES, dir, f))) }));
}

const textFiles = [
  ...load("seeds", [".txt"]),
  ...load("corpus", [".txt", ".html"]),
  ...load("rendered", [".html"]),
];
const docxFiles = load("rendered", [".docx"]);

/** CPU milliseconds used by this process so far. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function timeParse(files: Array<{ name: string; bytes: Uint8Array }>, seconds: number) {
  let n = 0;
  let failures = 0;
  const start = cpuMs();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (const f of files) {
      const r = await parseFile(f.name, f.bytes);
      if (!r.ok) failures++;
      n++;
    }
    elapsed = cpuMs() - start;
  }
  return { perSecond: (n * 1000) / elapsed, n, failures, msPerFile: elapsed / n };
}

function timeBare(files: Array<{ name: string; bytes: Uint8Array }>, seconds: number) {
  const decoder = new TextDecoder("utf-8");
  let n = 0;
  let lines = 0;
  const start = cpuMs();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (const f of files) {
      lines += decoder.decode(f.bytes).split(/\r?\n/).length;
      n++;
    }
    elapsed = cpuMs() - start;
  }
  return { perSecond: (n * 1000) / elapsed, n, lines };
}

async function main() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 3);
  // Warm up the JIT and the lazily loaded readers.
  for (const f of [...textFiles, ...docxFiles]) await parseFile(f.name, f.bytes);
  for (const [label, files, target] of [
    ["text+HTML", textFiles, 200],
    [".docx", docxFiles, 50],
  ] as const) {
    const parsed = await timeParse(files, seconds);
    const bare = timeBare(files, Math.max(1, seconds / 3));
    const ratio = bare.perSecond / parsed.perSecond;
    console.log(
      `${label.padEnd(10)} ${files.length} files: ${parsed.perSecond.toFixed(0)} reports/s per core ` +
        `(${parsed.msPerFile.toFixed(2)} ms each, ${parsed.n} parses${parsed.failures ? `, ${parsed.failures} failed` : ""}); ` +
        `bare decode+split ${bare.perSecond.toFixed(0)}/s; parse costs ${ratio.toFixed(0)}× the bare pass; ` +
        `target ≥ ${target}/s: ${parsed.perSecond >= target ? "met" : "NOT met"}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
