/**
 * The report export (GET /api/export.csv): the filtered reports as CSV, streamed batch by batch.
 *
 *   format=wide (default)  one row per report: metadata columns, then every value key of both formats
 *                          (a key the report's format lacks is empty).
 *   format=long            one row per report and key of the report's format: metadata, key, value.
 *   labels=zh | en         a second header row with the Chinese (or English) labels under the keys;
 *                          the first header row always gives the keys, so scripts can rely on it.
 */
import { z } from "zod";
import { FIELDS, FIELD_BY_KEY, keysForFormat } from "../report/catalog";
import type { ReportFilters } from "../filters/report-filters";
import { exportReports, type ExportReport } from "../queries/report-export";
import type { Db } from "../queries/sql";
import { UTF8_BOM, type CsvValue, csvRow } from "./csv";

export const exportOptionsSchema = z.object({
  format: z
    .enum(["wide", "long"], { error: (iss) => `format 只能是 wide 或 long，收到“${String(iss.input)}”。 format must be wide or long, got "${String(iss.input)}".` })
    .default("wide"),
  labels: z
    .enum(["none", "zh", "en"], { error: (iss) => `labels 只能是 zh、en 或 none，收到“${String(iss.input)}”。 labels must be zh, en or none, got "${String(iss.input)}".` })
    .default("none"),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;
export const EXPORT_PARAM_KEYS = ["format", "labels"] as const;

interface MetaColumn {
  key: string;
  zh: string;
  en: string;
  value: (r: ExportReport) => CsvValue;
}

export const META_COLUMNS: readonly MetaColumn[] = [
  { key: "report_id", zh: "报告编号", en: "Report id", value: (r) => r.reportId },
  { key: "year", zh: "年度", en: "Year", value: (r) => r.year },
  { key: "agency_id", zh: "机关编号", en: "Agency id", value: (r) => r.agencyId },
  { key: "agency_name", zh: "机关名称", en: "Agency", value: (r) => r.agencyName },
  { key: "agency_full_name", zh: "机关全称", en: "Agency full name", value: (r) => r.agencyFullName },
  { key: "kind", zh: "机关类型", en: "Kind", value: (r) => r.kind },
  { key: "level", zh: "层级", en: "Level", value: (r) => r.level },
  { key: "province", zh: "省", en: "Province", value: (r) => r.province },
  { key: "city", zh: "市", en: "City", value: (r) => r.city },
  { key: "county", zh: "区县", en: "County", value: (r) => r.county },
  { key: "format", zh: "报告格式", en: "Format", value: (r) => r.format },
  { key: "version_no", zh: "版本", en: "Version", value: (r) => r.versionNo },
  { key: "origin", zh: "版本来源", en: "Version origin", value: (r) => r.origin },
  { key: "parser_version", zh: "解析器版本", en: "Parser version", value: (r) => r.parserVersion },
  { key: "failed_check_count", zh: "不成立的勾稽关系数", en: "Broken relations", value: (r) => r.failedCheckCount },
  { key: "warning_count", zh: "警告数", en: "Warnings", value: (r) => r.warningCount },
  { key: "active_disclosure_total", zh: "主动公开总数", en: "Proactively disclosed items", value: (r) => r.activeDisclosureTotal },
  { key: "source_file_id", zh: "原始文件编号", en: "Source file id", value: (r) => r.sourceFileId },
  { key: "source_file_name", zh: "原始文件名", en: "Source file", value: (r) => r.sourceFileName },
  { key: "updated_at", zh: "版本时间", en: "Version time", value: (r) => r.updatedAt },
];

function headerRows(options: ExportOptions): string {
  const meta = META_COLUMNS;
  if (options.format === "wide") {
    let out = csvRow([...meta.map((m) => m.key), ...FIELDS.map((f) => f.key)]);
    if (options.labels !== "none") {
      const zh = options.labels === "zh";
      out += csvRow([...meta.map((m) => (zh ? m.zh : m.en)), ...FIELDS.map((f) => (zh ? f.labelZh : f.labelEn))]);
    }
    return out;
  }
  let out = csvRow([...meta.map((m) => m.key), "key", "label", "value"]);
  if (options.labels !== "none") {
    const zh = options.labels === "zh";
    out += csvRow([...meta.map((m) => (zh ? m.zh : m.en)), zh ? "字段" : "Key", zh ? "名称" : "Label", zh ? "数值" : "Value"]);
  }
  return out;
}

function reportRows(r: ExportReport, options: ExportOptions): string {
  const meta = META_COLUMNS.map((m) => m.value(r));
  if (options.format === "wide") return csvRow([...meta, ...FIELDS.map((f) => r.values[f.key] ?? null)]);
  const zh = options.labels !== "en";
  let out = "";
  for (const key of keysForFormat(r.format)) {
    const f = FIELD_BY_KEY.get(key)!;
    out += csvRow([...meta, key, zh ? f.labelZh : f.labelEn, r.values[key] ?? null]);
  }
  return out;
}

/** The whole export as an async sequence of text chunks (BOM and headers first). */
export async function* reportCsvChunks(filters: ReportFilters, options: ExportOptions, db?: Db): AsyncGenerator<string> {
  yield UTF8_BOM + headerRows(options);
  for await (const batch of exportReports(filters, { batchSize: options.format === "long" ? 100 : 500 }, db)) {
    let chunk = "";
    for (const r of batch) chunk += reportRows(r, options);
    if (chunk !== "") yield chunk;
  }
}

/** A byte stream of the export for a Response body; pulls the next batch only when the client reads. */
export function reportCsvStream(filters: ReportFilters, options: ExportOptions, db?: Db): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = reportCsvChunks(filters, options, db);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (e) {
        // Headers are already sent: all we can do is log and end the body abnormally.
        console.error("[export.csv] failed while streaming:", e);
        controller.error(new Error("export failed"));
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** RFC 6266/5987 Content-Disposition: ASCII fallback plus the UTF-8 name (Chinese file names). */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
