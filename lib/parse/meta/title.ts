/**
 * Finds the report's title: `<issuer><year>年(度)政府信息公开工作年度报告`, or the year first
 * (`2019年上海市人民政府办公厅政府信息公开工作年度报告`), or the issuer on the line above
 * (`淮安市人民政府` / `2024 年政府信息公开工作年度报告`), or the title wrapped over two lines.
 */
import { compact } from "./text";

export interface TitleMatch {
  /** The body the title names, whitespace removed; null when the title names none. */
  issuer: string | null;
  year: number;
  /** Index into the lines given. */
  line: number;
  text: string;
}

const NAME_CHARS = "\\u4e00-\\u9fa5（）()·A-Za-z×";
const TITLE = new RegExp(
  `^(?<issuer>[${NAME_CHARS}]{0,40}?)(?<year>(?:19|20)\\d{2})年(?:度)?(?<after>[${NAME_CHARS}]{0,40}?)(?:政府信息公开|政务公开|信息公开)`,
);
/**
 * The year after the subject: `淮安市人民政府政府信息公开工作2021年度报告`,
 * `…政府信息公开工作年度报告（2021年度）`. Only as a whole line, so a sentence is never a title.
 */
const TITLE_YEAR_AFTER = new RegExp(
  `^(?<issuer>[${NAME_CHARS}]{0,40}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告)?[（(]?(?<year>(?:19|20)\\d{2})年(?:度)?[）)]?(?:年度)?(?:工作)?(?:报告|年报)?(?:[（(]全文[）)])?$`,
);
const REPORT_WORD = /报告|年报/;
/** How a line that is only a body's name ends: 人民政府, 办事处, 街道, 乡, 镇, 局, 委员会, 管委会 … */
const ISSUER_LINE = new RegExp(
  `^[${NAME_CHARS}]{2,40}(政府|办公厅|办公室|办事处|街道|乡|镇|苏木|局|委员会|委|厅|管委会|管理委员会|实验区|开发区|新区|中心|院|署|区|县|市|旗)$`,
);

/** A line that is only place names: 杭州市西湖区, 湖北省恩施州. */
const PLACES_LINE = new RegExp(`^[${NAME_CHARS}]{1,20}(省|自治区|市|区|县|旗|州|盟)$`);

/** How many leading lines may hold the title: site pages put ~60 lines of menus before it. */
const SEARCH_LINES = 150;

export function findTitle(lines: string[]): TitleMatch | null {
  const limit = Math.min(lines.length, SEARCH_LINES);
  for (let i = 0; i < limit; i += 1) {
    const line = cleanLine(lines[i]);
    const next = i + 1 < lines.length ? cleanLine(lines[i + 1]) : "";
    // A title may wrap anywhere: `平潭综合实验区` / `2019年` / `政府信息公开工作年度报告`.
    const candidates = line.length <= 40 ? [line, line + next] : [line];
    for (const candidate of candidates) {
      let year: number;
      let issuer: string;
      const late = TITLE_YEAR_AFTER.exec(candidate);
      if (late?.groups && REPORT_WORD.test(candidate)) {
        year = Number(late.groups.year);
        issuer = tidyIssuer(late.groups.issuer);
      } else {
        const match = TITLE.exec(candidate);
        if (!match?.groups) continue;
        const rest = candidate.slice(match[0].length);
        const after = candidate === line ? next : i + 2 < lines.length ? cleanLine(lines[i + 2]) : "";
        if (!REPORT_WORD.test(rest.slice(0, 16)) && !REPORT_WORD.test(after.slice(0, 12))) continue;
        year = Number(match.groups.year);
        issuer = tidyIssuer(match.groups.issuer) || tidyIssuer(match.groups.after);
      }
      let issuerLine = i;
      if (!issuer && i > 0) {
        const previous = cleanLine(lines[i - 1]);
        if (ISSUER_LINE.test(previous)) {
          issuer = tidyIssuer(previous);
          issuerLine = i - 1;
        }
      }
      // `杭州市西湖区` / `北山街道办事处` / `2023年…`: the higher places may wrap onto a line of
      // their own, when the issuer's line names none of them.
      const above = issuerLine > 0 ? cleanLine(lines[issuerLine - 1]) : "";
      if (issuer && PLACES_LINE.test(above) && !/[省市州盟]/.test(issuer) && !issuer.startsWith(above)) {
        issuer = above + issuer;
      }
      return { issuer: issuer || null, year, line: i, text: lines[i] };
    }
  }
  return null;
}

/** Quotes and title marks around a title or its parts: 《…》, “…”, 【…】, 「…」. */
const TITLE_MARKS = /[《》〈〉“”‘’"'「」『』【】〔〕]/g;

function cleanLine(line: string): string {
  // Page markers (`- 1 -`) and list bullets carry no words.
  return compact(line).replace(/^[-—–=·•*]+\d*[-—–=]*/, "").replace(TITLE_MARKS, "");
}

/** How a body's name ends: an alternate name in brackets after it is a second sign-board. */
const BODY_END = /(政府|办公厅|办公室|办事处|局|委员会|委|厅|署|中心|院)$/;

function tidyIssuer(raw: string | undefined): string {
  if (!raw) return "";
  let issuer = raw
    // 关于印发《长沙县2023年…》的通知, 长沙县人民政府办公室关于公布《长沙县人民政府2023年…》: the report's
    // subject is the body named after the verb, not the office that publishes it.
    .replace(/^.*?关于(?:印发|公布|发布|转发)/, "")
    .replace(/^(?:关于|印发|转发)/, "")
    // 淮安市人民政府关于2021年度政府信息公开工作的年度报告
    .replace(/关于$/, "")
    .replace(/(的|之)$/, "")
    .replace(/[（(]\s*[）)]/g, "");
  // 长沙县卫生健康局（长沙县中医药管理局）: the body is named before the brackets.
  const board = /^(.+?)[（(]([^（）()]+)[）)]$/.exec(issuer);
  if (board && BODY_END.test(board[1]) && BODY_END.test(board[2])) issuer = board[1];
  return issuer;
}
