import { withApiErrors } from "@/lib/http/api-error";
import { requireAdmin } from "@/lib/auth/require-admin";
import { withRetryAfter } from "@/lib/auth/route-guard";
import { handleCorrections } from "@/lib/ingest/corrections-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Body: { metadata?: {agencyName, year, province, city, county, …}, values?: {"apps.new.total": 7, …}, note? }. */
export const POST = withApiErrors(
  withRetryAfter(async (request: Request, context: { params: Promise<{ id: string }> }) => {
    const admin = await requireAdmin(request);
    return handleCorrections(request, (await context.params).id, admin.actor);
  }),
);
