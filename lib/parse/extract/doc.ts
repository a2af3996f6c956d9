import WordExtractor from "word-extractor";
import { extractError } from "./errors";
import type { ExtractedDocument } from "./types";

/**
 * Legacy Word (.doc) and WPS files through word-extractor: best effort, text only. Table cells
 * come out separated by tabs and rows by newlines, which the table parser reads as text rows.
 */
export async function readDoc(fileName: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  if (isEncryptedWordBinary(bytes)) {
    throw extractError(
      "encrypted_file",
      fileName,
      "设置了打开密码，无法读取。请在 Word/WPS 中取消密码后另存，再上传。",
      "is password-protected. Remove the password in Word/WPS, save, and upload again.",
    );
  }
  const extractor = new WordExtractor();
  let body: string;
  try {
    const document = await extractor.extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // filterUnicode would turn “ ” into ASCII quotes and — into "-", changing printed labels
    // such as 危及“三安全一稳定”.
    body = document.getBody({ filterUnicode: false });
  } catch (error) {
    throw extractError(
      "corrupt_file",
      fileName,
      "是旧版 Word/WPS 文件，但无法读取（可能已损坏）。请用 Word/WPS 打开后另存为 .docx 再上传。",
      `is a legacy Word/WPS file that could not be read (${(error as Error).message?.slice(0, 120)}). Open it in Word/WPS, save as .docx, and upload again.`,
    );
  }
  const text = wordBinaryBodyToText(body);
  if (!text.trim()) {
    throw extractError(
      "no_text_layer",
      fileName,
      "是 Word/WPS 文件，但没有文字内容（可能只有扫描图片）。请上传含文字的版本，或先进行文字识别（OCR）。",
      "is a Word/WPS file without text (perhaps only scanned images). Upload a version with text, or run OCR first.",
    );
  }
  return { kind: "doc", text, tables: [], warnings: [`${fileName}: legacy Word/WPS file read as text only (no table grid)`] };
}

/**
 * word-extractor's body text in our line format: it ends each table cell with a tab and turns
 * a row's end mark into a newline, so "a\tb\t\n" is the row a | b; the trailing tab is dropped
 * to match the other readers' tab-joined rows (a tab left at the end is an empty last cell).
 */
export function wordBinaryBodyToText(body: string): string {
  return (
    body
      .replace(/\r\n?/g, "\n")
      .replace(/\u0000/g, "")
      .replace(/\t\n/g, "\n")
      .split("\n")
      // Trim spaces but not tabs: a trailing tab is a row's empty last cell.
      .map((line) => line.replace(/[ \u00a0\u3000]+/g, " ").replace(/ *\t */g, "\t").replace(/^ | $/g, ""))
      .filter((line) => line.replace(/\t/g, "") !== "")
      .join("\n")
  );
}

/**
 * The fEncrypted bit of the Word binary's FIB. The WordDocument stream usually starts at the
 * first sector after the header (offset 512), where the FIB begins with magic 0xA5EC.
 */
function isEncryptedWordBinary(bytes: Uint8Array): boolean {
  const sectorShift = bytes[30] | (bytes[31] << 8);
  const sectorSize = sectorShift >= 9 && sectorShift <= 12 ? 1 << sectorShift : 512;
  for (let at = sectorSize; at + 12 < bytes.length && at < sectorSize * 64; at += sectorSize) {
    if (bytes[at] === 0xec && bytes[at + 1] === 0xa5) {
      const flags = bytes[at + 10] | (bytes[at + 11] << 8);
      return (flags & 0x0100) !== 0;
    }
  }
  return false;
}
