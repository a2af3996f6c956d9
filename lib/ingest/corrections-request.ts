import { NextResponse } from "next/server";
import { z } from "zod";
import { apiError } from "../http/api-error";
import { correctReport } from "./corrections";
import { metadataOverridesSchema, valueOverridesSchema } from "./overrides";
import { parseRouteId } from "../http/route-id";

const bodySchema = z
  .object({
    metadata: metadataOverridesSchema.optional(),
    values: valueOverridesSchema.optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();

const STATUS = { not_found: 404, invalid_correction: 400, report_exists: 409 } as const;

export async function handleCorrections(request: Request, rawId: string, actor: string): Promise<Response> {
  const id = parseRouteId(rawId);
  if (id === null) return apiError(400, "bad_request", "报告编号应为正整数 / The report id must be a positive integer.");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return apiError(400, "bad_request", "请求体应为 JSON / The body must be JSON: { metadata?, values?, note? }.");
  }
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) {
    return apiError(400, "invalid_correction", parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  const { metadata, values, note } = parsed.data;
  const result = await correctReport({ reportId: id, metadataOverrides: metadata, valueOverrides: values, note: note ?? null, actor });
  if (!result.ok) return apiError(STATUS[result.error.code], result.error.code, result.error.message);
  return NextResponse.json(
    { reportId: result.reportId, versionId: result.versionId, version: result.versionNo, corrections: result.corrections },
    { status: result.corrections > 0 ? 201 : 200 },
  );
}
