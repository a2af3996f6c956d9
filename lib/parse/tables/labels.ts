/**
 * Row labels of the three tables, matched by meaning: each row has patterns for the words that
 * make it unique (and the typos seen in real reports), tried on the normalised label text.
 * Row keys come from lib/report/catalog.ts; the patterns are the only new knowledge here.
 */
import { APPLICATION_ROWS, type ReportFormat } from "../../report/catalog";

export interface RowDef {
  /** Field key prefix: "active.rules" or "apps.denied.state_secret". */
  key: string;
  /** Column suffixes in printed order ("" when the row is a single value keyed by `key`). */
  cells: readonly string[];
  patterns: readonly RegExp[];
  /** What kind of numbers the row holds, for choosing between digit-run readings. */
  kind: RowKind;
  /** The template's wording (for fuzzy matching of labels no pattern recognises). */
  labelZh?: string;
}

export type RowKind =
  | "docs2021" // issued / repealed / in force
  | "docs2019" // made / published / total
  | "items2019" // previous items / change / decisions
  | "fees2019" // previous items / change
  | "procurement" // items / amount
  | "single" // one number
  | "apps"; // six applicant columns and their total

const APP_COLS = ["natural", "business", "research", "nonprofit", "legal", "other", "total"] as const;

const ACTIVE_2021: RowDef[] = [
  { key: "active.rules", cells: ["issued", "repealed", "in_force"], patterns: [/规章/], kind: "docs2021", labelZh: "规章" },
  { key: "active.normative", cells: ["issued", "repealed", "in_force"], patterns: [/规范.?.?文件|范性文件|规范性/], kind: "docs2021", labelZh: "行政规范性文件" },
  { key: "active.licensing", cells: [""], patterns: [/许可/], kind: "single", labelZh: "行政许可" },
  { key: "active.penalty", cells: [""], patterns: [/处罚/], kind: "single", labelZh: "行政处罚" },
  { key: "active.enforcement", cells: [""], patterns: [/强制/], kind: "single", labelZh: "行政强制" },
  { key: "active.fees", cells: [""], patterns: [/事业.?.?收费|性收费/], kind: "single", labelZh: "行政事业性收费" },
];

const ACTIVE_2019: RowDef[] = [
  { key: "active.rules", cells: ["made", "published", "total"], patterns: [/规章/], kind: "docs2019", labelZh: "规章" },
  { key: "active.normative", cells: ["made", "published", "total"], patterns: [/规范.?.?文件|范性文件|规范性/], kind: "docs2019", labelZh: "规范性文件" },
  { key: "active.licensing", cells: ["prev", "change", "decisions"], patterns: [/许可/], kind: "items2019", labelZh: "行政许可" },
  { key: "active.other_services", cells: ["prev", "change", "decisions"], patterns: [/对外管理服务/], kind: "items2019", labelZh: "其他对外管理服务事项" },
  { key: "active.penalty", cells: ["prev", "change", "decisions"], patterns: [/处罚/], kind: "items2019", labelZh: "行政处罚" },
  { key: "active.enforcement", cells: ["prev", "change", "decisions"], patterns: [/强制/], kind: "items2019", labelZh: "行政强制" },
  { key: "active.fees", cells: ["prev", "change"], patterns: [/事业.?.?收费|性收费/], kind: "fees2019", labelZh: "行政事业性收费" },
  { key: "active.procurement", cells: ["items", "amount"], patterns: [/集中采购/], kind: "procurement", labelZh: "政府集中采购" },
];

const APP_PATTERNS: Record<string, RegExp[]> = {
  new: [/本年新收/, /新收.{0,6}申请/, /本年新[^结转]{0,8}申请数/],
  carried_over: [/上年结转/, /上一?年度?结转/],
  granted: [/予以公开/],
  partial: [/部分公开/],
  "denied.state_secret": [/国家秘密/],
  "denied.prohibited_by_law": [/禁止公开/, /行政止公开/, /其他法律行政/],
  "denied.three_safeties": [/三安全一稳定/, /危及/],
  "denied.third_party": [/第三方/],
  "denied.internal_affairs": [/内部事务/],
  "denied.process_info": [/过程性/],
  "denied.enforcement_files": [/执法案卷/],
  "denied.query_items": [/查询事项/, /行政查询/],
  "unavailable.not_held": [/不掌握/],
  "unavailable.needs_creation": [/另行制作/, /没有现成/],
  "unavailable.unclear": [/仍不明确/, /补正后/],
  "rejected.petition": [/信访/, /举报投诉/],
  "rejected.duplicate": [/重复申请/],
  "rejected.publication": [/出版物/],
  "rejected.excessive": [/大量反复/, /反复申请/],
  "rejected.confirmation": [/重新出具/, /确认或/, /已获取信息/],
  "other.no_correction": [/不补正/, /无正当理由逾期/],
  "other.no_fee": [/收费通知/, /缴纳费用/, /逾期未按/],
  "other.misc": [/(?:3[.、,]?|\(3\)|③)其他(?!处理|法律|对外|结果|组织|情形)/, /^其他$/],
  // Unnumbered labels (其他处理, 总计) are recognised too; a header row ends in 其他 or 其他总计.
  "other.combined": [/[六6]\)?其他(?:处理)?/, /其他处理/],
  // Groups numbered with Arabic digits ((7)总计) as well as Chinese ones.
  total: [/[七7]\)?[总合][计记]/, /^[总合][计记]$/, /(?<!其他|组织|机构|自然人|企业|情况)[总合][计记]$/],
  carried_forward: [/结转下一?年度?/, /下一?年度继续/],
};

function appRows(format: ReportFormat): RowDef[] {
  return APPLICATION_ROWS.map((r) => ({
    key: `apps.${r.key}`,
    cells: APP_COLS,
    patterns: APP_PATTERNS[r.key] ?? [],
    kind: "apps" as const,
    labelZh: r.labelZh.replace(/^（[一二三四五六七]）[^ ]*\s+/, ""),
  })).filter((r) => {
    const row = APPLICATION_ROWS.find((a) => `apps.${a.key}` === r.key)!;
    // Both (六) shapes are recognised in either format; the reader maps one onto the other.
    return row.formats.includes(format) || row.key.startsWith("other.");
  });
}

export function activeRows(format: ReportFormat): RowDef[] {
  return format === "2019" ? ACTIVE_2019 : ACTIVE_2021;
}

const APP_ROWS_ALL = appRows("2021");
export function applicationRows(): RowDef[] {
  return APP_ROWS_ALL;
}

export function fieldKey(row: RowDef, cell: string): string {
  return cell ? `${row.key}.${cell}` : row.key;
}

const GLOBAL = new WeakMap<RowDef, RegExp[]>();
/** The row's patterns compiled once with the g flag (labels are matched thousands of times). */
function globalPatterns(row: RowDef): RegExp[] {
  let list = GLOBAL.get(row);
  if (!list) {
    list = row.patterns.map((p) => new RegExp(p.source, p.flags.includes("g") ? p.flags : p.flags + "g"));
    GLOBAL.set(row, list);
  }
  return list;
}

/** Pieces of the applicant column headers of table 三 (PDF text splits them: 商 业 企 / 业). */
const APPLICANT_HEADER = /自然人|企业|机构|组织|公益|申请人情况/;

export interface RowMention {
  row: RowDef;
  start: number;
  end: number;
}

/**
 * Every row named in a (normalised) label, in reading order. A label can name several rows:
 * headers glued to the first row, a group title before its first item, or, in column-major
 * PDF text, all the rows of a page before their numbers.
 */
export function findRowMentions(label: string, rows: readonly RowDef[], pieceStarts?: readonly number[]): RowMention[] {
  const found: RowMention[] = [];
  // Patterns anchored at both ends name a row only as a whole cell (其他, 总计): tried on each
  // printed piece, and kept only where the template's row order allows (a header's 其他 or
  // 总计 comes before the first row it is glued to).
  const wholeCell: RowMention[] = [];
  for (const row of rows) {
    for (const re of globalPatterns(row)) {
      if (re.source.startsWith("^") && re.source.endsWith("$")) {
        const starts = pieceStarts && pieceStarts.length > 1 ? pieceStarts : [0];
        for (let i = 0; i < starts.length; i++) {
          const end = i + 1 < starts.length ? starts[i + 1] : label.length;
          re.lastIndex = 0;
          if (!re.test(label.slice(starts[i], end))) continue;
          // Beside the applicant column headers (…法律服务机构 其他 总计) it is a header cell.
          const piece = (j: number) => label.slice(starts[j], j + 1 < starts.length ? starts[j + 1] : label.length);
          let nearHeader = false;
          for (let j = Math.max(0, i - 3); j < Math.min(starts.length, i + 4); j++) if (j !== i && APPLICANT_HEADER.test(piece(j))) nearHeader = true;
          if (nearHeader) continue;
          wholeCell.push({ row, start: starts[i], end });
        }
        continue;
      }
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(label)) !== null) {
        found.push({ row, start: m.index, end: m.index + m[0].length });
        if (m[0].length === 0) re.lastIndex++;
      }
    }
  }
  for (const w of wholeCell) {
    const index = rows.indexOf(w.row);
    if (found.some((f) => f.start >= w.end && rows.indexOf(f.row) < index)) continue;
    found.push(w);
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  // One mention per stretch of text; a row named twice keeps its last mention.
  const kept: RowMention[] = [];
  for (const f of found) {
    const prev = kept[kept.length - 1];
    if (prev && f.start < prev.end) continue;
    kept.push(f);
  }
  const byRow = new Map<string, RowMention>();
  for (const k of kept) byRow.set(k.row.key, k);
  return [...byRow.values()].sort((a, b) => a.start - b.start);
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const b = s.slice(i, i + 2);
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of character bigrams: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const ba = bigrams(a);
  const bb = bigrams(b);
  let common = 0;
  for (const [k, n] of ba) common += Math.min(n, bb.get(k) ?? 0);
  return (2 * common) / (a.length - 1 + b.length - 1);
}

const STRIP_FOR_FUZZY = /[()（）、.,，:：;；""“”‘’\s0-9一二三四五六七八九十]/g;

/**
 * The row a label means when no pattern recognises it (OCR and typing errors beyond the known
 * ones): the template label most similar to the end of the label, if clearly the closest.
 */
export function fuzzyRow(label: string, rows: readonly RowDef[]): { row: RowDef; score: number } | null {
  const tail = label.replace(STRIP_FOR_FUZZY, "").slice(-32);
  if (tail.length < 3) return null;
  let best: { row: RowDef; score: number } | null = null;
  let second = 0;
  for (const row of rows) {
    if (!row.labelZh) continue;
    const target = row.labelZh.replace(STRIP_FOR_FUZZY, "");
    // Compare with the end of the label only as long as the template wording.
    const piece = tail.slice(-Math.max(target.length + 2, 4));
    const score = similarity(piece, target);
    if (!best || score > best.score) {
      second = best?.score ?? 0;
      best = { row, score };
    } else if (score > second) second = score;
  }
  if (!best || best.score < 0.5 || best.score - second < 0.12) return null;
  return best;
}
