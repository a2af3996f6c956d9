/**
 * Text normalisation shared by the table readers: full-width digits and punctuation become
 * ASCII so one set of patterns covers Word, PDF, HTML and OCR text alike.
 */

const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (０-９, Ａ-Ｚ, （）, ．, －, ／ …) to half-width; ideographic space to space. */
export function toHalfWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (code === 0x3000 || code === 0xa0 || code === 0x2002 || code === 0x2003 || code === 0x2009) out += " ";
    else out += ch;
  }
  return out;
}

/**
 * The form used to match labels: half-width, no whitespace, Chinese enumeration marks
 * unified, quotes dropped. Keeps digits and the characters that carry meaning.
 */
export function normalizeLabel(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, "")
    .replace(/[“”"'‘’「」『』]/g, "")
    .replace(/[【〔\[]/g, "(")
    .replace(/[】〕\]]/g, ")")
    .replace(/[，]/g, ",")
    .replace(/[。]/g, ".");
}

export const CJK = /[\u3400-\u9fff]/;
