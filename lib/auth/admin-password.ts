/**
 * The one admin password. ADMIN_PASSWORD wins; otherwise `npm start` generates one on first start, keeps it in
 * <data dir>/admin-password (mode 0600) and prints it. The server and the CLI read the same place.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ADMIN_PASSWORD_FILE = "admin-password";

export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR || ".data");
}

export interface AdminPassword {
  password: string;
  /** env: ADMIN_PASSWORD; file: read from the data dir; generated: created just now (print it). */
  source: "env" | "file" | "generated";
  /** Where it is kept (null when it comes from the environment). */
  file: string | null;
}

function generatePassword(): string {
  // 18 random bytes → 24 URL-safe characters: easy to paste, ~144 bits.
  return randomBytes(18).toString("base64url");
}

export function ensureAdminPassword(dir: string = dataDir()): AdminPassword {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv && fromEnv.trim()) return { password: fromEnv.trim(), source: "env", file: null };
  const file = path.join(dir, ADMIN_PASSWORD_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored) {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      return { password: stored, source: "file", file };
    }
  }
  mkdirSync(dir, { recursive: true });
  const password = generatePassword();
  // "wx": if another process created it a moment ago, fail and read theirs instead of overwriting.
  try {
    writeFileSync(file, password + "\n", { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return ensureAdminPassword(dir);
    throw e;
  }
  return { password, source: "generated", file };
}

let cached: { password: string | null; at: number } | null = null;

/**
 * The password the server checks against, or null when none is configured (then nobody can sign in, and the
 * API says how to set one). Re-read at most every few seconds so a restart-free rotation of the file works.
 */
export function currentAdminPassword(): string | null {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv && fromEnv.trim()) return fromEnv.trim();
  const now = Date.now();
  if (cached && now - cached.at < 5000) return cached.password;
  let password: string | null = null;
  try {
    password = readFileSync(path.join(dataDir(), ADMIN_PASSWORD_FILE), "utf8").trim() || null;
  } catch {
    password = null;
  }
  cached = { password, at: now };
  return password;
}
