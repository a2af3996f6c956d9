import { containsUtf16Name, extensionOf, looksLikeHtml, looksLikeMarkdownTables, sniffType } from "./detect";
import { decodeText } from "./decode";
import { DocxBodyReader } from "./docx";
import { extractError, formatMb, MB } from "./errors";
import { readHtml, unwrapHtmlInJavaScript } from "./html";
import { htmlFromMht } from "./mht";
import { readRtf } from "./rtf";
import { readMarkdown, readPlainText } from "./text";
import { ExtractError, type ExtractedDocument, type Grid } from "./types";
import { inflateEntry, listZipEntries, ZipFormatError, ZipSizeError, type ZipEntry } from "./zip";

export { ExtractError } from "./types";
export type { ExtractedDocument, ExtractErrorCode, Grid, GridCell, SourceKind } from "./types";

export interface ExtractOptions {
  /** Largest input accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Largest word/document.xml inflated from a .docx, in bytes (default 32 MB). */
  maxXmlBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * MB;
/**
 * A long report's document.xml is a few MB; 32 MB keeps the worst case (a small zip inflating
 * to table after table) under ~250 MB of memory, measured by scripts/bench-parse-memory.ts.
 */
export const DEFAULT_MAX_XML_BYTES = 32 * MB;

/**
 * Recovers the text and tables of one uploaded report, whatever its format. Throws only
 * ExtractError, whose message tells the uploader which file, what is wrong and what to do.
 */
export async function extractDocument(
  fileName: string,
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  try {
    return await extractUnchecked(fileName, bytes, options);
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    throw extractError(
      "corrupt_file",
      fileName,
      "无法读取，文件可能已损坏。请重新下载或另存后再上传。",
      `could not be read; the file looks damaged (${describe(error)}). Download or save it again and re-upload.`,
    );
  }
}

async function extractUnchecked(fileName: string, bytes: Uint8Array, options: ExtractOptions): Promise<ExtractedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw extractError(
      "too_large",
      fileName,
      `有 ${formatMb(bytes.length)}，超过 ${formatMb(maxBytes)} 的上限。请上传只含年度报告的文件（例如去掉图片后另存）。`,
      `is ${formatMb(bytes.length)}, above the ${formatMb(maxBytes)} limit. Upload a file holding only the report (e.g. saved without images).`,
    );
  }
  if (isBlank(bytes)) {
    throw extractError("empty_file", fileName, "是空文件，没有可读取的内容。请检查是否选错了文件。", "is empty. Check that you picked the right file.");
  }
  const ext = extensionOf(fileName);
  const sniffed = sniffType(bytes);
  switch (sniffed.type) {
    case "pdf": {
      // pdf.js is large: load it only when a PDF arrives.
      const { readPdf } = await import("./pdf");
      return readPdf(fileName, bytes);
    }
    case "zip":
      return readZip(fileName, bytes, options.maxXmlBytes ?? DEFAULT_MAX_XML_BYTES);
    case "ole":
      return readOle(fileName, bytes);
    case "rtf": {
      const doc = readRtf(bytes);
      if (!doc.text.trim()) {
        throw extractError("empty_file", fileName, "是 RTF 文件，但没有文字内容。请检查是否选错了文件。", "is an RTF file without text. Check that you picked the right file.");
      }
      return doc;
    }
    case "unsupported":
      throw unsupported(fileName, sniffed.what);
    case "textlike":
      return readTextLike(fileName, bytes, ext);
  }
}

function readTextLike(fileName: string, bytes: Uint8Array, ext: string): ExtractedDocument {
  const mht = htmlFromMht(bytes);
  if (mht) {
    return readHtmlChecked(fileName, mht.html, [`${fileName}: web archive (MHT) read as its HTML page`]);
  }
  const htmlByName = ["html", "htm", "xhtml", "shtml", "jsp", "asp", "aspx", "php"].includes(ext);
  const decoded = decodeText(bytes, { html: true });
  const warnings = decoded.warnings.map((w) => `${fileName}: ${w}`);
  let text = decoded.text;
  if (!text.trim()) {
    throw extractError("empty_file", fileName, "只有空白，没有可读取的内容。请检查是否选错了文件。", "holds only whitespace. Check that you picked the right file.");
  }
  const inJs = !htmlByName && !/^\s*</.test(text) ? unwrapHtmlInJavaScript(text) : null;
  if (inJs !== null && looksLikeHtml(inJs, "html")) {
    warnings.push(`${fileName}: HTML found inside a JavaScript string; unescaped and read as HTML`);
    text = inJs;
    return readHtmlChecked(fileName, text, warnings);
  }
  if (htmlByName || looksLikeHtml(text, ext)) return readHtmlChecked(fileName, text, warnings);
  if (ext === "md" || ext === "markdown" || looksLikeMarkdownTables(text)) return readMarkdown(text, warnings);
  return readPlainText(text, warnings);
}

function readHtmlChecked(fileName: string, html: string, warnings: string[]): ExtractedDocument {
  const doc = readHtml(html, warnings);
  if (!doc.text.trim() && doc.tables.length === 0) {
    throw extractError(
      "empty_file",
      fileName,
      "是网页文件，但页面中没有正文文字（可能全部由脚本加载）。请在浏览器中打开后复制正文，或上传 Word/PDF 版本。",
      "is a web page without visible text (it may be loaded by scripts). Copy the text from a browser, or upload the Word/PDF version.",
    );
  }
  return doc;
}

function readZip(fileName: string, bytes: Uint8Array, maxXmlBytes: number): ExtractedDocument {
  let entries: ZipEntry[];
  try {
    entries = listZipEntries(bytes);
  } catch (error) {
    throw corrupt(fileName, "压缩包结构损坏或不完整", describe(error));
  }
  const names = new Set(entries.map((e) => e.name));
  const main =
    entries.find((e) => e.name === "word/document.xml") ?? entries.find((e) => /^word\/document\d*\.xml$/.test(e.name));
  if (!main) {
    if (names.has("xl/workbook.xml")) throw unsupported(fileName, "Excel workbook");
    if (names.has("ppt/presentation.xml")) throw unsupported(fileName, "PowerPoint presentation");
    if (names.has("OFD.xml")) throw unsupported(fileName, "OFD");
    if (names.has("content.xml") && names.has("mimetype")) throw unsupported(fileName, "OpenDocument");
    if (names.has("[Content_Types].xml")) throw corrupt(fileName, "Word 文件缺少正文部分", "no word/document.xml");
    throw unsupported(fileName, "zip archive");
  }
  if (main.declaredSize > maxXmlBytes) throw tooLargeXml(fileName, main.declaredSize, maxXmlBytes);
  const reader = new DocxBodyReader();
  try {
    const inflated = inflateEntry(bytes, main, Math.min(maxXmlBytes, declaredCeiling(main)), (chunk) => reader.write(chunk));
    if (inflated === 0) throw new ZipFormatError("word/document.xml is empty");
    const doc = reader.finish((id) => readAltChunk(bytes, entries, id, maxXmlBytes));
    doc.warnings = doc.warnings.map((w) => `${fileName}: ${w}`);
    if (!doc.text.trim() && doc.tables.length === 0) {
      throw extractError(
        "no_text_layer",
        fileName,
        "是 Word 文件，但没有文字内容（可能只有扫描图片）。请上传含文字的版本，或先进行文字识别（OCR）。",
        "is a Word file without text (perhaps only scanned images). Upload a version with text, or run OCR first.",
      );
    }
    return doc;
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    if (error instanceof ZipSizeError) {
      if (error.limit < maxXmlBytes) throw corrupt(fileName, "正文解压后比声明的大小更大（可能是恶意压缩包）", "document.xml inflates beyond its declared size");
      throw tooLargeXml(fileName, error.limit + 1, maxXmlBytes);
    }
    throw corrupt(fileName, "Word 正文无法解析", describe(error));
  }
}

/**
 * The HTML (or MHT) part an <w:altChunk r:id> points at, read like an uploaded page. Found via
 * word/_rels/document.xml.rels; null when anything is missing or the part is not a web page.
 */
function readAltChunk(bytes: Uint8Array, entries: ZipEntry[], id: string, maxBytes: number): { lines: string[]; tables: Grid[] } | null {
  const inflate = (name: string): Uint8Array | null => {
    const entry = entries.find((e) => e.name === name);
    if (!entry || entry.declaredSize > maxBytes) return null;
    const chunks: Uint8Array[] = [];
    inflateEntry(bytes, entry, Math.min(maxBytes, declaredCeiling(entry)), (c) => chunks.push(c.slice()));
    return Buffer.concat(chunks);
  };
  const rels = inflate("word/_rels/document.xml.rels");
  if (!rels) return null;
  const xml = new TextDecoder().decode(rels);
  const rel = [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => /\bId="([^"]*)"/.exec(tag)?.[1] === id);
  const target = rel ? /\bTarget="([^"]+)"/.exec(rel)?.[1] : undefined;
  if (!target) return null;
  const name = target.startsWith("/") ? target.slice(1) : `word/${target}`.replace(/[^/]+\/\.\.\//g, "");
  const part = inflate(name);
  if (!part) return null;
  const mht = htmlFromMht(part);
  const html = mht ? mht.html : decodeText(part, { html: true }).text;
  if (!/<\s*(html|body|p|div|table)\b/i.test(html.slice(0, 100_000))) return null;
  const doc = readHtml(html);
  return { lines: doc.text ? doc.text.split("\n") : [], tables: doc.tables };
}

/** An entry may not inflate to more than it declares (a little slack for sloppy writers). */
function declaredCeiling(entry: ZipEntry): number {
  return entry.declaredSize > 0 ? entry.declaredSize + 1024 : Number.MAX_SAFE_INTEGER;
}

async function readOle(fileName: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  if (containsUtf16Name(bytes, "EncryptedPackage") || containsUtf16Name(bytes, "EncryptionInfo")) {
    throw extractError(
      "encrypted_file",
      fileName,
      "设置了打开密码，无法读取。请在 Word/WPS 中取消密码后另存，再上传。",
      "is password-protected. Remove the password in Word/WPS, save, and upload again.",
    );
  }
  if (containsUtf16Name(bytes, "WordDocument")) {
    const { readDoc } = await import("./doc");
    return readDoc(fileName, bytes);
  }
  if (containsUtf16Name(bytes, "Workbook") || containsUtf16Name(bytes, "Book")) throw unsupported(fileName, "Excel workbook");
  if (containsUtf16Name(bytes, "PowerPoint Document")) throw unsupported(fileName, "PowerPoint presentation");
  throw unsupported(fileName, "Office container");
}

function unsupported(fileName: string, what: string): ExtractError {
  const image = /image/i.test(what);
  return extractError(
    "unsupported_type",
    fileName,
    image
      ? `是图片（${what}），无法直接读取文字。请上传报告的 Word、PDF 或网页版本，或先进行文字识别（OCR）。`
      : `的格式（${what}）不受支持。请上传 Word（.docx/.doc）、PDF、网页（.html）或文本（.txt/.md）格式的年度报告。`,
    image
      ? `is an image (${what}); its text cannot be read. Upload the Word, PDF or web version of the report, or run OCR first.`
      : `is in a format we do not read (${what}). Upload the report as Word (.docx/.doc), PDF, web page (.html) or text (.txt/.md).`,
  );
}

function corrupt(fileName: string, zh: string, detail: string): ExtractError {
  return extractError(
    "corrupt_file",
    fileName,
    `无法读取：${zh}。请重新下载或用 Word/WPS 打开后另存为 .docx 再上传。`,
    `could not be read (${detail}). Download it again, or open it in Word/WPS and save as .docx, then re-upload.`,
  );
}

function tooLargeXml(fileName: string, size: number, limit: number): ExtractError {
  return extractError(
    "too_large",
    fileName,
    `的正文解压后超过 ${formatMb(limit)}（${formatMb(size)}），无法处理。请上传只含年度报告的文件。`,
    `holds more than ${formatMb(limit)} of document text once unpacked (${formatMb(size)}). Upload a file holding only the report.`,
  );
}

function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    // ASCII whitespace, NUL, and the bytes of BOMs; anything else is content.
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x00 && b !== 0xef && b !== 0xbb && b !== 0xbf && b !== 0xff && b !== 0xfe) {
      return false;
    }
  }
  return true;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].slice(0, 160);
}
