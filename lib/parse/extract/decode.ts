/**
 * Turns the bytes of a text-like file (plain text, Markdown, HTML) into a string. Chinese
 * government files arrive as UTF-8, UTF-8 with BOM, UTF-16 (Notepad "Unicode") or GBK/GB2312
 * (older sites and Windows text); GB18030 is a superset of the last two.
 */
export interface DecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

const GB_LABELS = /^(gbk|gb2312|gb_2312(-80)?|gb18030|x-gbk|cp936|euc-cn|chinese|csgb2312|iso-ir-58)$/i;

export function decodeText(bytes: Uint8Array, opts: { html?: boolean } = {}): DecodedText {
  const warnings: string[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", warnings };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", warnings };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", warnings };
  }
  const declared = opts.html ? declaredHtmlCharset(bytes) : null;
  const utf8 = tryUtf8(bytes);
  if (declared && GB_LABELS.test(declared)) {
    if (utf8 !== null && hasNonAscii(bytes)) {
      // The page says GBK but its bytes are valid UTF-8 (a re-saved page kept its old meta tag):
      // long Chinese text is essentially never valid UTF-8 by accident, so trust the bytes.
      warnings.push(`page declares charset ${declared} but its bytes are UTF-8; decoded as UTF-8`);
      return { text: utf8, encoding: "utf-8", warnings };
    }
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030", warnings };
  }
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", warnings };
  if (declared && /^(big5|big5-hkscs|cn-big5|x-x-big5)$/i.test(declared)) {
    return { text: new TextDecoder("big5").decode(bytes), encoding: "big5", warnings };
  }
  if (looksLikeUtf16le(bytes)) {
    warnings.push("no byte-order mark; decoded as UTF-16LE");
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le", warnings };
  }
  warnings.push(
    declared
      ? `not valid UTF-8 although the page declares ${declared}; decoded as GB18030 (GBK)`
      : "not valid UTF-8; decoded as GB18030 (GBK)",
  );
  return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030", warnings };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** UTF-16LE without BOM: mostly ASCII text, so every other byte is zero. */
function looksLikeUtf16le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return false;
  let zeroOdd = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) zeroOdd++;
  return zeroOdd / (n / 2) > 0.3;
}

/**
 * The charset an HTML page declares in its first 4 KB (<meta charset> or the http-equiv form),
 * read as Latin-1 so the sniff works whatever the real encoding is.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)/i.exec(head) ??
    /<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-.]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

export function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return s;
}

/**
 * Bytes in a named charset (from a MIME header or similar); an unknown or missing name falls
 * back to the sniffing of decodeText.
 */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  const label = charset.trim().toLowerCase();
  if (label) {
    try {
      const name = GB_LABELS.test(label) ? "gb18030" : label;
      return new TextDecoder(name).decode(bytes);
    } catch {
      // Not a label TextDecoder knows: sniff instead.
    }
  }
  return decodeText(bytes, { html: true }).text;
}
