/**
 * Database health for GET /api/health: counts on success, a short reason on failure that names the
 * problem (refused, missing tables, bad password…) without leaking the URL or driver internals.
 */
import { getPool } from "./client.ts";
import { describeDatabaseError } from "./errors.ts";

export { describeDatabaseError };

export type DatabaseHealth = { ok: true; reports: number; agencies: number } | { ok: false; reason: string };

export async function checkDatabaseHealth(): Promise<DatabaseHealth> {
  try {
    const { rows } = await getPool().query<{ reports: number; agencies: number }>(
      `SELECT (SELECT count(*) FROM report)::int AS reports, (SELECT count(*) FROM agency)::int AS agencies`,
    );
    return { ok: true, reports: rows[0].reports, agencies: rows[0].agencies };
  } catch (e) {
    const reason = describeDatabaseError(e);
    console.error(`[health] database check failed: ${reason}`, (e as Error)?.message ?? e);
    return { ok: false, reason };
  }
}
