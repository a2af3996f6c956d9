/**
 * GET /api/reports?<filters> — the filtered reports as JSON, one page at a time (page, pageSize):
 * `{ filters, total, page, pageSize, reports: [...] }`. Same filters, same reports as the pages and the
 * CSV export. app/api/reports/route.ts (ingest) re-exports this GET beside its POST.
 */
import { NextResponse } from "next/server";
import { apiError, withApiErrors } from "@/lib/http/api-error";
import { parseReportFilters } from "@/lib/filters/report-filters";
import { listReports } from "@/lib/queries/report-list";

export const GET = withApiErrors(async (request: Request) => {
  const parsed = parseReportFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return apiError(400, parsed.error.code, parsed.error.message);
  const list = await listReports(parsed.filters);
  return NextResponse.json({ filters: parsed.filters, ...list }, { headers: { "cache-control": "no-store" } });
});
