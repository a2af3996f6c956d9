import { withApiErrors } from "@/lib/http/api-error";
import { requireAdmin } from "@/lib/auth/require-admin";
import { withRetryAfter } from "@/lib/auth/route-guard";
import { handleUpload } from "@/lib/ingest/upload-request";

/** GET (the list, JSON) belongs to dashboard-data. */
export { GET } from "./get";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Upload one or many reports (multipart `file` fields); `?dryRun=1` parses without storing. */
export const POST = withApiErrors(
  withRetryAfter(async (request: Request) => {
    const admin = await requireAdmin(request);
    return handleUpload(request, admin.actor);
  }),
);
