/**
 * What a file really is, from its first bytes. Government sites serve .doc files that are HTML,
 * .doc files that are .docx zips and .txt files holding markup, so the content decides and the
 * extension only breaks ties between the text-like kinds.
 */
export type DetectedType =
  | { type: "pdf" }
  | { type: "zip" }
  | { type: "ole" }
  | { type: "rtf" }
  | { type: "textlike" }
  | { type: "unsupported"; what: string };

export function sniffType(bytes: Uint8Array): DetectedType {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]) || indexOfAscii(bytes, "%PDF-", 1024) >= 0) return { type: "pdf" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { type: "zip" };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { type: "ole" };
  const image = imageKind(bytes);
  if (image) return { type: "unsupported", what: image };
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { type: "rtf" };
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return { type: "unsupported", what: "RAR" };
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return { type: "unsupported", what: "7z" };
  if (startsWith(bytes, [0x1f, 0x8b])) return { type: "unsupported", what: "gzip" };
  if (looksBinary(bytes)) return { type: "unsupported", what: "binary" };
  return { type: "textlike" };
}

function imageKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return "PNG image";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "JPEG image";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return "GIF image";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "TIFF image";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && indexOfAscii(bytes, "WEBP", 16) === 8) return "WebP image";
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26 && bytes[14] >= 12 && bytes[15] === 0 && bytes[6] === 0 && bytes[7] === 0)
    return "BMP image";
  return null;
}

/**
 * Text has almost no NUL bytes (UTF-16 aside, which has a BOM or alternating zeros) and few
 * control characters; anything else is some binary format we do not read.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) {
      if (i % 2) zeroOdd++;
      else zeroEven++;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  // UTF-16LE without BOM: zeros on odd positions only.
  if (zeroOdd > n / 8 && zeroEven === 0 && control < n / 50) return false;
  // A few stray NULs occur in text pasted from other programs; the reader strips them.
  return zeroOdd + zeroEven > Math.max(4, n / 100) || control > Math.max(2, n / 50);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

export function indexOfAscii(bytes: Uint8Array, needle: string, limit = bytes.length): number {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** An OLE2 directory entry name is UTF-16LE; finding it anywhere is enough to tell the kind. */
export function containsUtf16Name(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  const first = needle[0];
  const end = bytes.length - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The lower-case extension without dot ("" when none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

const MARKUP_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b/i;
const MARKUP_TAG = /<\/?(p|div|table|tr|td|th|br|span|h[1-6]|li|ul|font|strong|b|tbody|section|article)\b[^<>]*>/gi;

/**
 * Whether decoded text is HTML: it starts like a page, or it is dense with markup (also markup
 * inside a JavaScript string). A Markdown file with a few inline <br> stays Markdown.
 */
export function looksLikeHtml(text: string, ext: string): boolean {
  const head = text.slice(0, 4096);
  if (MARKUP_START.test(head)) return true;
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const tags = sample.match(MARKUP_TAG)?.length ?? 0;
  if (tags < 5) return false;
  if (ext === "md" || ext === "markdown") {
    const pipeRows = sample.match(/^\s*\|.*\|\s*$/gm)?.length ?? 0;
    if (pipeRows >= 3) return false;
  }
  const structural = /<(table|p|div|tr|td)\b/i.test(sample);
  return structural && tags * 200 > Math.min(sample.length, 50_000);
}

/** Text from OCR/PDF converters saved as .txt: Markdown pipe tables with a |---| delimiter row. */
export function looksLikeMarkdownTables(text: string): boolean {
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const delimiter = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/m.test(sample);
  return delimiter && (sample.match(/^\s*\|.*\|\s*$/gm)?.length ?? 0) >= 3;
}
