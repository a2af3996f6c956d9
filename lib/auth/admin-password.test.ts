import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureAdminPassword } from "./admin-password";

let dir: string;
const saved = process.env.ADMIN_PASSWORD;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "atlas-admin-"));
  delete process.env.ADMIN_PASSWORD;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.ADMIN_PASSWORD;
  else process.env.ADMIN_PASSWORD = saved;
});

describe("ensureAdminPassword", () => {
  it("generates a password once, keeps it with mode 0600, and reads it back later", () => {
    const first = ensureAdminPassword(dir);
    expect(first.source).toBe("generated");
    expect(first.password.length).toBeGreaterThanOrEqual(20);
    const file = path.join(dir, "admin-password");
    expect(readFileSync(file, "utf8").trim()).toBe(first.password);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = ensureAdminPassword(dir);
    expect(second).toEqual({ password: first.password, source: "file", file });
  });

  it("prefers ADMIN_PASSWORD and writes nothing", () => {
    process.env.ADMIN_PASSWORD = "from-env";
    expect(ensureAdminPassword(dir)).toEqual({ password: "from-env", source: "env", file: null });
    expect(() => statSync(path.join(dir, "admin-password"))).toThrow();
  });
});
