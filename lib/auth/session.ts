/**
 * Admin sessions: the browser holds a random token in an httpOnly, SameSite=Lax cookie; the database keeps only
 * its sha256, so a leaked database cannot be replayed as a cookie. Each session has its own CSRF token, given to
 * the page in a readable cookie and required back in the X-CSRF-Token header on every state-changing request.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Pool } from "pg";
import { getPool } from "../db/client";
import { passwordsMatch } from "./password-check";

export const SESSION_COOKIE = "atlas_session";
export const CSRF_COOKIE = "atlas_csrf";
export const CSRF_HEADER = "x-csrf-token";
export const SESSION_DAYS = 7;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(pool: Pool = getPool()): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await pool.query(`DELETE FROM admin_session WHERE expires_at < now()`);
  await pool.query(`INSERT INTO admin_session (token_hash, csrf_token, expires_at) VALUES ($1, $2, $3)`, [hashToken(token), csrfToken, expiresAt]);
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  id: number;
  csrfToken: string;
  expiresAt: Date;
}

export async function findSession(token: string | undefined | null, pool: Pool = getPool()): Promise<ActiveSession | null> {
  if (!token || token.length > 200) return null;
  const r = await pool.query<{ id: number; csrf_token: string; expires_at: Date }>(
    `SELECT id, csrf_token, expires_at FROM admin_session WHERE token_hash = $1 AND expires_at > now()`,
    [hashToken(token)],
  );
  const row = r.rows[0];
  return row ? { id: row.id, csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
}

export async function deleteSession(token: string | undefined | null, pool: Pool = getPool()): Promise<void> {
  if (!token) return;
  await pool.query(`DELETE FROM admin_session WHERE token_hash = $1`, [hashToken(token)]);
}

export function csrfMatches(session: ActiveSession, header: string | null): boolean {
  return !!header && passwordsMatch(header, session.csrfToken);
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Secure cookies when the app is reached over https (directly or behind a proxy that says so). */
export function isHttps(request: Request): boolean {
  const proto = request.headers.get("x-forwarded-proto");
  if (proto) return proto.split(",")[0]!.trim() === "https";
  return new URL(request.url).protocol === "https:";
}
