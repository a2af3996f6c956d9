/**
 * One transaction per file, retried when Postgres reports a conflict another writer caused (deadlock,
 * serialization failure, a unique key taken a moment ago): the loser re-runs and then sees the winner's rows.
 */
import type { Pool, PoolClient } from "pg";

const RETRYABLE = new Set(["40001", "40P01", "23505"]);

export function isRetryable(e: unknown): boolean {
  return typeof e === "object" && e !== null && RETRYABLE.has(String((e as { code?: unknown }).code));
}

export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (e) {
      try {
        await client.query("ROLLBACK");
      } catch {
        broken = true;
      }
      if (attempt < attempts && isRetryable(e)) {
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
        continue;
      }
      throw e;
    } finally {
      client.release(broken);
    }
  }
}

/** Thrown inside a transaction to roll it back and hand a value to the caller. */
export class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super("rollback");
  }
}

export async function inTransactionOrRollback<T, R>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T | R> {
  try {
    return await inTransaction(pool, work);
  } catch (e) {
    if (e instanceof Rollback) return e.value as R;
    throw e;
  }
}

/** Runs a single self-contained statement (atomic on its own), retrying it on the same conflicts as inTransaction. */
export async function withRetry<T>(work: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (attempt < attempts && isRetryable(e)) {
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
        continue;
      }
      throw e;
    }
  }
}
