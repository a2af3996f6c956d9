/**
 * The parser: bytes of one uploaded report → ParseResult. Extraction (lib/parse/extract) gives
 * text and tables, the table reader (lib/parse/tables) the values, the metadata reader
 * (lib/parse/meta) year, agency and region; the 勾稽 relations are checked on what was read.
 * parseFile never throws: every failure becomes a ParseFailure a user can act on.
 */
import { checkReport } from "../report/relations";
import { extractDocument } from "./extract/index";
import { ExtractError, type ExtractedDocument } from "./extract/types";
import { readMetadata } from "./meta/index";
import { readTables } from "./tables/read-tables";
import { looksTraditional, toSimplified } from "./tables/traditional";
import { PARSER_VERSION, type ParseErrorCode, type ParseFailure, type ParseResult, type ParseSuccess } from "./types";

export { PARSER_VERSION } from "./types";
export type { ParseResult, ParseSuccess, ParseFailure } from "./types";

function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] || fileName;
}

function failure(file: string, code: ParseErrorCode, message: string): ParseFailure {
  return { file, ok: false, error: { code, message } };
}

const REPORT_WORDS = /政府信息公开|信息公开工作年度报告|依申请公开|主动公开/;

/**
 * How much one report can hold. Real reports run to a few thousand characters and a few hundred table
 * cells (the largest fixture: 7,000 characters, 578 cells); a file fifty times that is many reports or a
 * whole site glued together, and reading it would cost memory and time out of all proportion.
 */
export const REPORT_LIMITS = { textChars: 400_000, gridCells: 40_000 } as const;

/** A reviewer reads warnings one by one: past this many, the rest are counted, not listed. */
const MAX_WARNINGS = 60;

function tooMuchForOneReport(name: string, extracted: ExtractedDocument): string | null {
  const chars = (extracted.text ?? "").length;
  let cells = 0;
  for (const grid of extracted.tables ?? []) for (const row of grid) cells += row.length;
  if (chars <= REPORT_LIMITS.textChars && cells <= REPORT_LIMITS.gridCells) return null;
  const size = chars > REPORT_LIMITS.textChars ? `约 ${Math.round(chars / 10_000)} 万字` : `${cells} 个表格单元格`;
  const sizeEn = chars > REPORT_LIMITS.textChars ? `about ${Math.round(chars / 1000)}k characters` : `${cells} table cells`;
  return `${name}：内容过多（${size}），远超一份年度报告（通常几千字、几百个表格单元格），可能是多份报告或整站页面合并在一个文件里。请把每份年度报告作为单独的文件上传。 / ${name}: far too much content for one annual report (${sizeEn}; a report has a few thousand characters and a few hundred table cells) — probably several reports or a whole site in one file. Upload each annual report as a file of its own.`;
}

/** Parses an already extracted document (pure, synchronous). */
export function parseDocument(fileName: string, extracted: ExtractedDocument): ParseResult {
  const name = baseName(fileName);
  try {
    extracted = simplifiedDocument(extracted);
    const text = extracted.text ?? "";
    if (!text.trim() && (!extracted.tables || extracted.tables.length === 0)) {
      return failure(fileName, "empty_file", `${name}：文件中没有可读取的文字。请确认上传的是年度报告本身，扫描件需先做文字识别（OCR）。 / ${name}: the file holds no readable text. Upload the report itself; a scan needs OCR first.`);
    }
    const tooMuch = tooMuchForOneReport(name, extracted);
    if (tooMuch) return failure(fileName, "too_large", tooMuch);
    const tables = readTables(extracted);
    // Enough of the report's own tables to be one: a few rows of table 三, or most of table 二
    // in a text about information disclosure (a stray "行政许可 5" is not a report).
    const enough =
      tables !== null && (tables.found.appRows >= 3 || (tables.found.activeRows >= 4 && REPORT_WORDS.test(text)));
    if (!tables || !enough) {
      if (REPORT_WORDS.test(text)) {
        return failure(
          fileName,
          "tables_not_found",
          `${name}：看起来是政府信息公开年度报告，但没有找到其中的统计表（主动公开、依申请公开、复议诉讼）。如果表格是图片，请上传含文字表格的版本（Word、HTML 或可复制文字的 PDF）。 / ${name}: looks like an information-disclosure annual report, but its statistical tables were not found. If the tables are images, upload a version with text tables (Word, HTML or a PDF with selectable text).`,
        );
      }
      return failure(
        fileName,
        "not_a_report",
        `${name}：不是政府信息公开工作年度报告（没有找到报告的统计表）。请检查是否选错了文件。 / ${name}: not a government information-disclosure annual report (none of the report's tables were found). Check that you picked the right file.`,
      );
    }
    const meta = readMetadata(text, { fileName: name });
    const warnings = [...(extracted.warnings ?? []), ...tables.warnings, ...meta.warnings];
    if (tables.found.appRows < 20) warnings.push(`tables: only ${tables.found.appRows} rows of table 三 were found; the others are empty`);
    if (!tables.found.review) warnings.push("tables: table 四 (行政复议、行政诉讼) was not found; its cells are empty");
    if (warnings.length > MAX_WARNINGS) {
      const more = warnings.length - MAX_WARNINGS;
      warnings.splice(MAX_WARNINGS, more, `…and ${more} more warnings of the same kinds`);
    }
    const result: ParseSuccess = {
      file: fileName,
      ok: true,
      format: tables.format,
      year: meta.year,
      agency: meta.agency,
      region: meta.region,
      activeDisclosureTotal: meta.activeDisclosureTotal,
      values: tables.values,
      checks: checkReport(tables.format, tables.values),
      warnings,
      parserVersion: PARSER_VERSION,
    };
    return result;
  } catch (error) {
    return failure(
      fileName,
      "corrupt_file",
      `${name}：解析时出现意外错误（${error instanceof Error ? error.message : String(error)}）。请把该文件反馈给我们。 / ${name}: an unexpected error occurred while reading it; please send us the file.`,
    );
  }
}

/**
 * A page in traditional characters (a site's 繁體 version) read as the simplified text every
 * pattern expects; other documents are returned unchanged.
 */
function simplifiedDocument(doc: ExtractedDocument): ExtractedDocument {
  const text = doc.text ?? "";
  const sample = text.length > 0 ? text.slice(0, 20_000) : (doc.tables ?? []).flat(2).map((c) => c.text).join("");
  if (!looksTraditional(sample)) return doc;
  return {
    ...doc,
    text: toSimplified(text),
    tables: (doc.tables ?? []).map((grid) => grid.map((row) => row.map((cell) => ({ ...cell, text: toSimplified(cell.text) })))),
    warnings: [...(doc.warnings ?? []), "text: the page is in traditional characters; read as simplified"],
  };
}

/** Reads one uploaded file. Never throws. */
export async function parseFile(fileName: string, bytes: Uint8Array): Promise<ParseResult> {
  const name = baseName(fileName);
  if (!bytes || bytes.length === 0) {
    return failure(fileName, "empty_file", `${name}：是空文件，没有可读取的内容。请检查是否选错了文件。 / ${name}: the file is empty. Check that you picked the right file.`);
  }
  let extracted: ExtractedDocument;
  try {
    extracted = await extractDocument(fileName, bytes);
  } catch (error) {
    if (error instanceof ExtractError) return failure(fileName, error.code, error.message);
    return failure(
      fileName,
      "corrupt_file",
      `${name}：无法读取（${error instanceof Error ? error.message : String(error)}）。请重新下载或另存后再上传。 / ${name}: could not be read; save or download it again and re-upload.`,
    );
  }
  return parseDocument(fileName, extracted);
}
