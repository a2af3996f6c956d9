import { NextResponse } from "next/server";
import { checkDatabaseHealth } from "@/lib/db/health";
import { apiError, withApiErrors } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

/** `{ db: "ok", reports, agencies }`, or 503 `{ error: { code: "db_unavailable", message } }`. */
export const GET = withApiErrors(async () => {
  const health = await checkDatabaseHealth();
  if (!health.ok) return apiError(503, "db_unavailable", `数据库不可用 / Database unavailable: ${health.reason}`);
  return NextResponse.json({ db: "ok", reports: health.reports, agencies: health.agencies }, { headers: { "cache-control": "no-store" } });
});
