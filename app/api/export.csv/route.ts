/**
 * GET /api/export.csv?<filters>[&format=wide|long][&labels=zh|en] — the filtered reports as CSV
 * (UTF-8 with BOM, formula-guarded cells), streamed. See lib/csv/report-csv.ts for the columns.
 */
import { apiError, withApiErrors } from "@/lib/http/api-error";
import { parseReportFilters } from "@/lib/filters/report-filters";
import { EXPORT_PARAM_KEYS, contentDisposition, exportOptionsSchema, reportCsvStream } from "@/lib/csv/report-csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApiErrors(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const parsed = parseReportFilters(params, { allowExtra: EXPORT_PARAM_KEYS });
  if (!parsed.ok) return apiError(400, parsed.error.code, parsed.error.message);
  const options = exportOptionsSchema.safeParse({
    format: params.get("format") || undefined,
    labels: params.get("labels") || undefined,
  });
  if (!options.success) return apiError(400, "invalid_filter", options.error.issues.map((i) => i.message).join(" "));
  const year = parsed.filters.year ?? (parsed.filters.from || parsed.filters.to ? `${parsed.filters.from ?? ""}-${parsed.filters.to ?? ""}` : "all");
  const fileName = `disclosure-atlas-reports-${year}${options.data.format === "long" ? "-long" : ""}.csv`;
  return new Response(reportCsvStream(parsed.filters, options.data), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition(fileName),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
