/**
 * GET /api/files/[id] — an uploaded original, byte for byte, with its media type and file name
 * (RFC 5987 for Chinese names). `?inline=1` asks the browser to display it rather than download it.
 */
import { apiError, withApiErrors } from "@/lib/http/api-error";
import { contentDisposition } from "@/lib/csv/report-csv";
import { parseRouteId } from "@/lib/http/route-id";
import { getSourceFile } from "@/lib/queries/source-file";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Media types a browser may render inline without risk; anything else (HTML above all) is downloaded. */
const INLINE_SAFE = /^(application\/pdf|text\/plain)\b/;

export const GET = withApiErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id: rawId } = await context.params;
  const id = parseRouteId(rawId);
  if (id === null) {
    return apiError(400, "invalid_id", `文件编号必须是正整数，收到“${rawId}”。 The file id must be a positive whole number, got "${rawId}".`);
  }
  const file = await getSourceFile(id);
  if (!file) return apiError(404, "not_found", `没有编号为 ${id} 的文件。 No file with id ${id}.`);
  const inline = new URL(request.url).searchParams.get("inline") === "1" && INLINE_SAFE.test(file.mediaType);
  return new Response(file.content as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": file.mediaType || "application/octet-stream",
      "content-length": String(file.content.byteLength),
      "content-disposition": contentDisposition(file.fileName, inline ? "inline" : "attachment"),
      "x-content-type-options": "nosniff",
      // An uploaded HTML page must never run as our origin.
      "content-security-policy": "sandbox; default-src 'none'",
      "cache-control": "private, max-age=3600",
    },
  });
});
