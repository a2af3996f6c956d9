/**
 * POST /api/reports: one or many `file` fields → one result per file. Per-file problems (too large, not a
 * report type, unreadable) are answered per file so one bad file in forty does not sink the other 39; only a
 * request in which no file could even be considered answers 413/415 as a whole.
 * `?dryRun=1` parses and reports without storing (the upload page's review step).
 */
import { NextResponse } from "next/server";
import { ApiError, apiError } from "../http/api-error";
import { ingestFile, type IngestResult } from "./ingest-file";
import { formatMegabytes, maxFileBytes, maxFilesPerRequest } from "./limits";
import { checkMediaType } from "./media-type";
import { metadataOverridesSchema, valueOverridesSchema, type MetadataOverrides, type ValueOverrides } from "./overrides";
import { previewFile, type PreviewResult } from "./preview";

interface FileOverrides {
  metadata?: MetadataOverrides;
  values?: ValueOverrides;
}

function parseJsonField(form: FormData, name: string): unknown {
  const v = form.get(name);
  if (v === null) return undefined;
  if (typeof v !== "string") throw new ApiError(400, "bad_request", `字段 ${name} 应为 JSON 文本 / Field ${name} must be JSON text.`);
  try {
    return JSON.parse(v);
  } catch {
    throw new ApiError(400, "bad_request", `字段 ${name} 不是有效的 JSON / Field ${name} is not valid JSON.`);
  }
}

function validateOverrides(raw: unknown, where: string): FileOverrides {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== "object") throw new ApiError(400, "invalid_correction", `${where}: 应为对象 / must be an object`);
  const r = raw as { metadata?: unknown; values?: unknown };
  const out: FileOverrides = {};
  if (r.metadata !== undefined) {
    const m = metadataOverridesSchema.safeParse(r.metadata);
    if (!m.success) throw new ApiError(400, "invalid_correction", `${where}.metadata: ${m.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    out.metadata = m.data;
  }
  if (r.values !== undefined) {
    const v = valueOverridesSchema.safeParse(r.values);
    if (!v.success) throw new ApiError(400, "invalid_correction", `${where}.values: ${v.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    out.values = v.data;
  }
  return out;
}

/**
 * Overrides come as `metadata` + `values` JSON fields (one file per request, what the upload page sends) or as
 * `overrides` = { "<file name>": { metadata, values } } for several files.
 */
function overridesFor(form: FormData, files: File[]): Map<number, FileOverrides> {
  const out = new Map<number, FileOverrides>();
  const single = { metadata: parseJsonField(form, "metadata"), values: parseJsonField(form, "values") };
  if (single.metadata !== undefined || single.values !== undefined) {
    if (files.length !== 1) throw new ApiError(400, "bad_request", "metadata/values 字段只能与单个文件一起提交；多个文件请用 overrides / metadata/values go with exactly one file; use overrides for several.");
    out.set(0, validateOverrides(single, "overrides"));
  }
  const byName = parseJsonField(form, "overrides");
  if (byName !== undefined) {
    if (typeof byName !== "object" || byName === null) throw new ApiError(400, "bad_request", "overrides 应为 {文件名: {metadata, values}} / overrides must be {fileName: {metadata, values}}");
    files.forEach((f, i) => {
      const o = (byName as Record<string, unknown>)[f.name];
      if (o !== undefined) out.set(i, validateOverrides(o, `overrides[${f.name}]`));
    });
  }
  return out;
}

export type UploadFileResult = IngestResult | (PreviewResult & { ok: boolean; dryRun: true });

export async function handleUpload(request: Request, actor: string): Promise<Response> {
  const url = new URL(request.url);
  const dryRun = url.searchParams.get("dryRun") === "1" || url.searchParams.get("dryRun") === "true";
  const limit = maxFileBytes();
  const maxFiles = maxFilesPerRequest();

  const length = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(length) && length > limit * maxFiles + 1024 * 1024) {
    return apiError(413, "too_large", `请求过大：每个文件最多 ${formatMegabytes(limit)}，每次最多 ${maxFiles} 个文件 / Request too large: at most ${formatMegabytes(limit)} per file and ${maxFiles} files per request.`);
  }
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    return apiError(415, "unsupported_media_type", "请以 multipart/form-data 上传，文件字段名为 file / Send multipart/form-data with one or more `file` fields.");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return apiError(400, "bad_request", "无法读取上传内容（multipart 格式有误）/ Could not read the upload (malformed multipart body).");
  }
  const files = form.getAll("file").filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f);
  if (files.length === 0) return apiError(400, "no_file", "没有收到文件：请在 file 字段中附上报告 / No file received: attach reports as `file` fields.");
  if (files.length > maxFiles) return apiError(413, "too_many_files", `一次最多上传 ${maxFiles} 个文件 / At most ${maxFiles} files per request.`);
  const overrides = overridesFor(form, files);

  // Refusals that happen before anything is read or stored.
  const refusals: Array<{ code: "too_large" | "unsupported_type"; message: string } | null> = [];
  const contents: Array<Uint8Array | null> = [];
  for (const f of files) {
    if (f.size > limit) {
      refusals.push({ code: "too_large", message: `文件过大（${formatMegabytes(f.size)}），上限 ${formatMegabytes(limit)} / File too large (${formatMegabytes(f.size)}); the limit is ${formatMegabytes(limit)}.` });
      contents.push(null);
      continue;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const media = checkMediaType(f.name, bytes);
    if (!media.ok) {
      refusals.push({ code: "unsupported_type", message: `不支持的文件类型 / Unsupported file type — ${media.reason}` });
      contents.push(null);
      continue;
    }
    refusals.push(null);
    contents.push(bytes);
  }
  if (refusals.every((r) => r !== null)) {
    const tooLarge = refusals.find((r) => r!.code === "too_large");
    if (tooLarge) return apiError(413, "too_large", files.length === 1 ? tooLarge.message : `没有可处理的文件 / No file could be accepted — ${refusals.map((r, i) => `${files[i]!.name}: ${r!.message}`).join(" | ")}`);
    return apiError(415, "unsupported_type", files.length === 1 ? refusals[0]!.message : `没有可处理的文件 / No file could be accepted — ${refusals.map((r, i) => `${files[i]!.name}: ${r!.message}`).join(" | ")}`);
  }

  const results: UploadFileResult[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const refusal = refusals[i];
    const bytes = contents[i];
    if (refusal || !bytes) {
      results.push({ file: f.name, ok: false, status: "failed", duplicate: false, sourceFileId: null, error: refusal! });
      continue;
    }
    if (dryRun) {
      const p = await previewFile(f.name, bytes);
      results.push({ ...p, ok: p.parse.ok, dryRun: true });
      continue;
    }
    const o = overrides.get(i) ?? {};
    results.push(
      await ingestFile({
        fileName: f.name,
        bytes,
        actor,
        metadataOverrides: o.metadata,
        valueOverrides: o.values,
      }),
    );
  }
  if (dryRun) return NextResponse.json({ dryRun: true, results }, { status: 200 });
  const ingest = results as IngestResult[];
  const summary = {
    imported: ingest.filter((r) => r.ok && r.status === "imported").length,
    newVersions: ingest.filter((r) => r.ok && r.status === "new_version").length,
    duplicates: ingest.filter((r) => r.duplicate).length,
    failed: ingest.filter((r) => !r.ok).length,
  };
  return NextResponse.json({ results, summary }, { status: 201 });
}
