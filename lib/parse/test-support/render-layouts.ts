/**
 * Test helper: prints one report's values in the layouts real reports reach us in, so the
 * parser is tested on the family of layouts rather than on the fixture files only.
 */
import { APPLICATION_ROWS, type ReportFormat, type ReportValues } from "../../report/catalog";
import type { ExtractedDocument, Grid, GridCell } from "../extract/types";

const APP_COLS = ["natural", "business", "research", "nonprofit", "legal", "other", "total"];

interface PrintedRow {
  label: string;
  /** Group label printed before the row (rowspan in real tables), if any. */
  group?: string;
  keys: string[];
}

function active(format: ReportFormat): Array<{ heading: string; header: string[]; rows: PrintedRow[] }> {
  if (format === "2021") {
    return [
      {
        heading: "第二十条第（一）项",
        header: ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        rows: [
          { label: "规章", keys: ["active.rules.issued", "active.rules.repealed", "active.rules.in_force"] },
          { label: "行政规范性文件", keys: ["active.normative.issued", "active.normative.repealed", "active.normative.in_force"] },
        ],
      },
      { heading: "第二十条第（五）项", header: ["信息内容", "本年处理决定数量"], rows: [{ label: "行政许可", keys: ["active.licensing"] }] },
      {
        heading: "第二十条第（六）项",
        header: ["信息内容", "本年处理决定数量"],
        rows: [
          { label: "行政处罚", keys: ["active.penalty"] },
          { label: "行政强制", keys: ["active.enforcement"] },
        ],
      },
      { heading: "第二十条第（八）项", header: ["信息内容", "本年收费金额（单位：万元）"], rows: [{ label: "行政事业性收费", keys: ["active.fees"] }] },
    ];
  }
  const three = (k: string) => [`active.${k}.prev`, `active.${k}.change`, `active.${k}.decisions`];
  return [
    {
      heading: "第二十条第（一）项",
      header: ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
      rows: [
        { label: "规章", keys: ["active.rules.made", "active.rules.published", "active.rules.total"] },
        { label: "规范性文件", keys: ["active.normative.made", "active.normative.published", "active.normative.total"] },
      ],
    },
    {
      heading: "第二十条第（五）项",
      header: ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
      rows: [
        { label: "行政许可", keys: three("licensing") },
        { label: "其他对外管理服务事项", keys: three("other_services") },
      ],
    },
    {
      heading: "第二十条第（六）项",
      header: ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
      rows: [
        { label: "行政处罚", keys: three("penalty") },
        { label: "行政强制", keys: three("enforcement") },
      ],
    },
    {
      heading: "第二十条第（八）项",
      header: ["信息内容", "上一年项目数量", "本年增/减"],
      rows: [{ label: "行政事业性收费", keys: ["active.fees.prev", "active.fees.change"] }],
    },
    {
      heading: "第二十条第（九）项",
      header: ["信息内容", "采购项目数量", "采购总金额（万元）"],
      rows: [{ label: "政府集中采购", keys: ["active.procurement.items", "active.procurement.amount"] }],
    },
  ];
}

const GROUP_TITLES: Record<string, string> = {
  denied: "（三）不予公开",
  unavailable: "（四）无法提供",
  rejected: "（五）不予处理",
  other: "（六）其他处理",
};

function appRows(format: ReportFormat): PrintedRow[] {
  return APPLICATION_ROWS.filter((r) => r.formats.includes(format)).map((r) => {
    const group = r.outcome && GROUP_TITLES[r.outcome] && r.key.includes(".") ? GROUP_TITLES[r.outcome] : undefined;
    let label = group ? r.labelZh.replace(group, "").trim() : r.labelZh;
    if (r.key === "granted") label = "三、本年度办理结果 （一）予以公开";
    if (r.key === "total") label = "（七）总计";
    return { label, group, keys: APP_COLS.map((c) => `apps.${r.key}.${c}`) };
  });
}

const REVIEW_KEYS = ["review", "litigation.direct", "litigation.after_review"].flatMap((g) =>
  ["upheld", "corrected", "other", "pending", "total"].map((r) => `${g}.${r}`),
);

const T3_HEADER = [
  "三、收到和处理政府信息公开申请情况",
  "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
  "申请人情况",
  "自然人",
  "法人或其他组织",
  "总计",
  "商业企业",
  "科研机构",
  "社会公益组织",
  "法律服务机构",
  "其他",
];
const T4_HEADER = [
  "四、政府信息公开行政复议、行政诉讼情况",
  "行政复议",
  "行政诉讼",
  "结果维持",
  "结果纠正",
  "其他结果",
  "尚未审结",
  "总计",
  "未经复议直接起诉",
  "复议后起诉",
  "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计",
];

const INTRO = "某某区人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本区主动公开政府信息1234条。\n二、主动公开政府信息情况";
const OUTRO = "五、存在的主要问题及改进情况\n2023年，工作仍有不足，共3项。\n六、其他需要报告的事项\n本年度未收取信息处理费。";

function cell(v: number | null | undefined, blank: string): string {
  return v === null || v === undefined ? blank : String(v);
}

export type TextLayout = "rows-space" | "rows-space-lost" | "rows-tab" | "cell-per-line" | "markdown" | "flat" | "column-major" | "column-major-carry" | "labels-then-rows";

export const TEXT_LAYOUTS: readonly TextLayout[] = [
  "rows-space",
  // PDF text whose empty cells left no trace at all.
  "rows-space-lost",
  "rows-tab",
  "cell-per-line",
  "markdown",
  "flat",
  "column-major",
  // A row named at the foot of one page whose numbers are printed with the next page's.
  "column-major-carry",
  // Several rows named, then their numbers one row per line (text boxes holding rows).
  "labels-then-rows",
];

/** The report as text in one layout. */
export function renderText(format: ReportFormat, values: ReportValues, layout: TextLayout): string {
  const lines: string[] = [INTRO];
  const v = (k: string) => values[k] ?? null;
  const row = (label: string, keys: string[]): string[] => {
    // Word text one cell per line shows an empty cell as a line holding only its tab.
    const cells = keys.map((k) => cell(v(k), layout === "markdown" ? "-" : layout === "cell-per-line" ? "" : "/"));
    switch (layout) {
      case "rows-space":
        return [`${label} ${cells.join(" ")}`];
      case "rows-space-lost":
        return [`${label} ${cells.filter((c) => c !== "/").join(" ")}`];
      case "rows-tab":
        return [`${label}\t\t${cells.join("\t")}\t`];
      case "cell-per-line":
        // A merged label cell leaves an empty placeholder line before the label.
        return ["", "\t", `\t${label}`, ...cells.map((c) => `\t${c}`)];
      case "markdown":
        return [`| ${label} | ${cells.join(" | ")} |`];
      case "flat":
        return [label + cells.join("")];
      default:
        return [];
    }
  };
  if (layout === "column-major" || layout === "column-major-carry" || layout === "labels-then-rows") {
    const byRows = layout === "labels-then-rows";
    for (const t of active(format)) {
      lines.push(t.heading, ...t.header, ...t.rows.map((r) => r.label));
      const width = t.rows[0].keys.length;
      if (byRows) for (const r of t.rows) lines.push(r.keys.map((k) => cell(v(k), "/")).join(" "));
      else for (let c = 0; c < width; c++) for (const r of t.rows) lines.push(cell(v(r.keys[c]), "/"));
    }
    const rows = appRows(format);
    const carry = layout === "column-major-carry" ? 1 : 0;
    const named = [rows.slice(0, 13 + carry), rows.slice(13 + carry)];
    const printed = [rows.slice(0, 13), rows.slice(13)];
    lines.push(...T3_HEADER);
    for (let p = 0; p < 2; p++) {
      for (const r of named[p]) lines.push(...(r.group ? [r.group] : []), r.label);
      if (byRows) for (const r of printed[p]) lines.push(r.keys.map((k) => cell(v(k), "/")).join(" "));
      else for (let c = 0; c < 7; c++) for (const r of printed[p]) lines.push(cell(v(r.keys[c]), "/"));
      lines.push("- 4 -", "\f");
    }
    lines.push(...T4_HEADER, REVIEW_KEYS.map((k) => cell(v(k), "/")).join(" "));
    lines.push(OUTRO);
    return lines.join("\n");
  }
  for (const t of active(format)) {
    lines.push(layout === "markdown" ? `### ${t.heading}` : t.heading);
    if (layout === "markdown") lines.push(`| ${t.header.join(" | ")} |`, `|${t.header.map(() => "---").join("|")}|`);
    else lines.push(t.header.join(layout === "rows-tab" ? "\t" : " "));
    for (const r of t.rows) lines.push(...row(r.label, r.keys));
  }
  lines.push(...T3_HEADER.slice(0, 1), T3_HEADER.slice(1).join(layout === "rows-tab" ? "\t" : " "));
  if (layout === "markdown") lines.push("| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |", "|---|---|---|---|---|---|---|---|");
  let pageBreakAfter = 14;
  for (const r of appRows(format)) {
    // A group title (（三）不予公开 …) is printed once, before its first item.
    if (r.group && /state_secret|not_held|petition|no_correction/.test(r.keys[0])) {
      lines.push(layout === "markdown" ? `| ${r.group} |` : r.group);
    }
    const label = r.keys[0].includes("other.combined") ? "（六）其他处理" : r.label;
    lines.push(...row(label, r.keys));
    if (--pageBreakAfter === 0 && layout !== "flat") lines.push("- 4 -");
  }
  lines.push(...T4_HEADER.slice(0, 1));
  const review = REVIEW_KEYS.map((k) => cell(v(k), layout === "markdown" ? "-" : "/"));
  if (layout === "markdown") {
    lines.push("| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", "|---|---|---|---|---|");
    for (let g = 0; g < 3; g++) lines.push(`| ${review.slice(g * 5, g * 5 + 5).join(" | ")} |`);
  } else {
    lines.push(...T4_HEADER.slice(1));
    const printed = layout === "rows-space-lost" ? review.filter((c) => c !== "/") : review;
    lines.push(layout === "flat" ? printed.join("") : layout === "rows-tab" ? printed.join("\t") : printed.join(" "));
  }
  lines.push(OUTRO);
  const text = lines.join("\n");
  return layout === "flat" ? text.replace(/\n(?!五、)/g, "") : text;
}

function gridCell(text: string, origin = true, colSpan = 1, rowSpan = 1): GridCell {
  return { text, origin, rowSpan, colSpan };
}

/** The report as real table grids (HTML/Word) with merged label cells, as the extractor gives them. */
export function renderGrids(format: ReportFormat, values: ReportValues): ExtractedDocument {
  const v = (k: string) => cell(values[k] ?? null, "");
  const t2: Grid = [];
  for (const t of active(format)) {
    const width = 4;
    t2.push([gridCell(t.heading, true, width), ...Array.from({ length: width - 1 }, () => gridCell(t.heading, false, width))]);
    const header = t.header.slice(0, width);
    while (header.length < width) header.push(header[header.length - 1]);
    t2.push(header.map((h, i) => gridCell(h, i === 0 || h !== header[i - 1])));
    for (const r of t.rows) {
      const cells = [gridCell(r.label)];
      const span = Math.floor((width - 1) / r.keys.length);
      r.keys.forEach((k, i) => {
        const s = i === r.keys.length - 1 ? width - 1 - span * i : span;
        cells.push(gridCell(v(k), true, s));
        for (let j = 1; j < s; j++) cells.push(gridCell(v(k), false, s));
      });
      t2.push(cells);
    }
  }
  const t3: Grid = [];
  t3.push([gridCell(T3_HEADER[1], true, 3, 3), gridCell("", false), gridCell("", false), gridCell("申请人情况", true, 7), ...Array.from({ length: 6 }, () => gridCell("申请人情况", false, 7))]);
  t3.push([gridCell("", false), gridCell("", false), gridCell("", false), gridCell("自然人", true, 1, 2), gridCell("法人或其他组织", true, 5), ...Array.from({ length: 4 }, () => gridCell("法人或其他组织", false)), gridCell("总计", true, 1, 2)]);
  t3.push([gridCell("", false), gridCell("", false), gridCell("", false), gridCell("自然人", false), ...["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map((h) => gridCell(h)), gridCell("总计", false)]);
  let lastGroup = "";
  for (const r of appRows(format)) {
    const label = r.keys[0].includes("other.combined") ? "（六）其他处理" : r.label;
    const lead: GridCell[] = r.group
      ? [gridCell("三、本年度办理结果", false), gridCell(r.group, r.group !== lastGroup), gridCell(label)]
      : [gridCell(label, true, 3), gridCell(label, false), gridCell(label, false)];
    lastGroup = r.group ?? "";
    t3.push([...lead, ...r.keys.map((k) => gridCell(v(k)))]);
  }
  const t4: Grid = [
    [gridCell("行政复议", true, 5), ...Array.from({ length: 4 }, () => gridCell("行政复议", false)), gridCell("行政诉讼", true, 10), ...Array.from({ length: 9 }, () => gridCell("行政诉讼", false))],
    [...["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map((h) => gridCell(h, true, 1, 2)), gridCell("未经复议直接起诉", true, 5), ...Array.from({ length: 4 }, () => gridCell("", false)), gridCell("复议后起诉", true, 5), ...Array.from({ length: 4 }, () => gridCell("", false))],
    [...Array.from({ length: 5 }, () => gridCell("", false)), ...Array.from({ length: 2 }, () => ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map((h) => gridCell(h))).flat()],
    REVIEW_KEYS.map((k) => gridCell(v(k))),
  ];
  return { kind: "html", text: `${INTRO}\n${OUTRO}`, tables: [t2, t3, t4], warnings: [] };
}
