/** Expands the CLI's arguments (files and folders, recursively) into report files, in a stable order. */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { isSupportedFileName } from "./media-type";

export interface CollectedFiles {
  files: string[];
  /** Arguments that do not exist, with the reason. */
  missing: string[];
  /** Files inside folders skipped because their type is not a report type (listed, not failed). */
  skipped: string[];
}

export async function collectFiles(args: string[]): Promise<CollectedFiles> {
  const out: CollectedFiles = { files: [], missing: [], skipped: [] };
  const seen = new Set<string>();
  async function walk(p: string, explicit: boolean): Promise<void> {
    let s;
    try {
      s = await stat(p);
    } catch {
      out.missing.push(p);
      return;
    }
    if (s.isDirectory()) {
      const entries = (await readdir(p)).filter((n) => !n.startsWith(".")).sort();
      for (const name of entries) await walk(path.join(p, name), false);
      return;
    }
    if (!s.isFile()) return;
    const abs = path.resolve(p);
    if (seen.has(abs)) return;
    seen.add(abs);
    // A file named explicitly is always tried (and fails clearly if unsupported); inside folders only report types.
    if (explicit || isSupportedFileName(p)) out.files.push(p);
    else out.skipped.push(p);
  }
  for (const a of args) await walk(a, true);
  return out;
}
