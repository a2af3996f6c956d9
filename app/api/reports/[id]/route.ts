import { NextResponse } from "next/server";
import { apiError, withApiErrors } from "@/lib/http/api-error";
import { requireAdmin } from "@/lib/auth/require-admin";
import { withRetryAfter } from "@/lib/auth/route-guard";
import { deleteReport } from "@/lib/ingest/delete-report";
import { parseRouteId } from "@/lib/http/route-id";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Deletes a report's versions; the uploaded bytes stay (they can be imported again). */
export const DELETE = withApiErrors(
  withRetryAfter(async (request: Request, context: { params: Promise<{ id: string }> }) => {
    await requireAdmin(request);
    const id = parseRouteId((await context.params).id);
    if (id === null) return apiError(400, "bad_request", "报告编号应为正整数 / The report id must be a positive integer.");
    const deleted = await deleteReport(id);
    if (!deleted) return apiError(404, "not_found", `报告 ${id} 不存在 / Report ${id} does not exist.`);
    return NextResponse.json({ deleted: true, id });
  }),
);
