/**
 * Deleting a report removes its versions (values, checks and corrections go with them) but never the uploaded
 * bytes: source_file rows stay, so the same file can be imported again and nothing uploaded is lost.
 */
import type { Pool } from "pg";
import { getPool } from "../db/client";
import { inTransaction } from "./transaction";

export async function deleteReport(reportId: number, pool: Pool = getPool()): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const r = await client.query(`SELECT id FROM report WHERE id = $1 FOR UPDATE`, [reportId]);
    if (!r.rows[0]) return false;
    await client.query(`UPDATE report SET current_version_id = NULL WHERE id = $1`, [reportId]);
    await client.query(`DELETE FROM report_version WHERE report_id = $1`, [reportId]);
    await client.query(`DELETE FROM report WHERE id = $1`, [reportId]);
    return true;
  });
}
