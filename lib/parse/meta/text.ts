/**
 * Text preparation for the metadata reader: the document text arrives in reading order but may
 * carry fixture headers (`# source:`), archive headers (`标题: …`), HTML left inside a JS string,
 * Markdown marks and site chrome. Nothing here changes a character of the report's own wording.
 */

const HTML_HINT = /<\/?(p|div|span|td|tr|table|br|h[1-6]|strong|b|font)\b[^>]*>/i;
const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", ensp: " ", emsp: " " };

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, digits: string) => String.fromCodePoint(Number(digits)))
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}

const CHINESE_DIGITS: Record<string, string> = {
  〇: "0", 零: "0", "○": "0", Ｏ: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9",
};

/** Lines of the document with markup and fixture headers removed, blank lines dropped. */
export function documentLines(text: string): string[] {
  let body = text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
  body = body
    .split("\n")
    .filter((line) => !/^\s*#\s*source\s*:/i.test(line))
    .join("\n");
  if (HTML_HINT.test(body)) {
    body = body
      .replace(/\\"/g, '"')
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, "\n")
      .replace(/<[^>]+>/g, "\n");
    body = decodeEntities(body);
  }
  return body
    .split("\n")
    .map((line) =>
      line
        .replace(/[\u00a0\u3000\u200b\ufeff\t]/g, " ")
        .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
        // 二〇二三年 → 2023年: some titles spell the year out.
        .replace(/([〇零○Ｏ一二三四五六七八九]{4})(?=\s*年)/g, (spelled) =>
          [...spelled].map((char) => CHINESE_DIGITS[char] ?? char).join(""),
        )
        // Markdown headings and emphasis, archive labels.
        .replace(/^\s*#{1,6}\s+/, "")
        .replace(/\*\*/g, "")
        .replace(/^\s*(标题|题目|title)\s*[:：]\s*/i, "")
        .trim(),
    )
    .filter((line) => line.length > 0);
}

/** Whitespace removed: PDF extraction breaks words and numbers with spaces and line breaks. */
export function compact(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, "");
}
