/**
 * The field catalog: every number of a 政府信息公开工作年度报告, keyed as in
 * shared/spec/report-format.md. The parser, the database columns, CSV headers and
 * charts are all generated from this one list, so a key exists in exactly one place.
 */

export type ReportFormat = "2019" | "2021";
export const REPORT_FORMATS: readonly ReportFormat[] = ["2019", "2021"] as const;

export type Section = "active" | "apps" | "review";

export interface FieldDef {
  key: string;
  section: Section;
  formats: readonly ReportFormat[];
  /** Chinese label as printed in the official template (row · column). */
  labelZh: string;
  labelEn: string;
  /** Money in 万元 or other non-integer quantities. */
  decimal: boolean;
  /** May legitimately be negative (本年增/减). */
  signed: boolean;
  /** Database column of the wide values table. */
  column: string;
}

const BOTH: readonly ReportFormat[] = ["2019", "2021"];
const F2021: readonly ReportFormat[] = ["2021"];
const F2019: readonly ReportFormat[] = ["2019"];

/** Dots become double underscores: reversible, and a valid SQL/Prisma identifier. */
export function columnForKey(key: string): string {
  return key.replace(/\./g, "__");
}

export function keyForColumn(column: string): string {
  return column.replace(/__/g, ".");
}

function field(
  key: string,
  section: Section,
  formats: readonly ReportFormat[],
  labelZh: string,
  labelEn: string,
  opts: { decimal?: boolean; signed?: boolean } = {},
): FieldDef {
  return {
    key,
    section,
    formats,
    labelZh,
    labelEn,
    decimal: opts.decimal ?? false,
    signed: opts.signed ?? false,
    column: columnForKey(key),
  };
}

// ── Section 二 ────────────────────────────────────────────────────────────────

const ACTIVE_2021: FieldDef[] = [
  field("active.rules.issued", "active", F2021, "规章·本年制发件数", "Rules · issued this year"),
  field("active.rules.repealed", "active", F2021, "规章·本年废止件数", "Rules · repealed this year"),
  field("active.rules.in_force", "active", F2021, "规章·现行有效件数", "Rules · in force"),
  field("active.normative.issued", "active", F2021, "行政规范性文件·本年制发件数", "Normative documents · issued this year"),
  field("active.normative.repealed", "active", F2021, "行政规范性文件·本年废止件数", "Normative documents · repealed this year"),
  field("active.normative.in_force", "active", F2021, "行政规范性文件·现行有效件数", "Normative documents · in force"),
  field("active.licensing", "active", F2021, "行政许可·本年处理决定数量", "Licensing decisions"),
  field("active.penalty", "active", F2021, "行政处罚·本年处理决定数量", "Penalty decisions"),
  field("active.enforcement", "active", F2021, "行政强制·本年处理决定数量", "Enforcement decisions"),
  field("active.fees", "active", F2021, "行政事业性收费·本年收费金额（万元）", "Administrative fees collected (10k CNY)", { decimal: true }),
];

const SERVICE_ROWS_2019: Array<[string, string, string]> = [
  ["licensing", "行政许可", "Licensing"],
  ["other_services", "其他对外管理服务事项", "Other external services"],
  ["penalty", "行政处罚", "Penalties"],
  ["enforcement", "行政强制", "Enforcement"],
];

const ACTIVE_2019: FieldDef[] = [
  field("active.rules.made", "active", F2019, "规章·本年新制作数量", "Rules · made this year"),
  field("active.rules.published", "active", F2019, "规章·本年新公开数量", "Rules · published this year"),
  field("active.rules.total", "active", F2019, "规章·对外公开总数量", "Rules · total published"),
  field("active.normative.made", "active", F2019, "规范性文件·本年新制作数量", "Normative documents · made this year"),
  field("active.normative.published", "active", F2019, "规范性文件·本年新公开数量", "Normative documents · published this year"),
  field("active.normative.total", "active", F2019, "规范性文件·对外公开总数量", "Normative documents · total published"),
  ...SERVICE_ROWS_2019.flatMap(([k, zh, en]) => [
    field(`active.${k}.prev`, "active", F2019, `${zh}·上一年项目数量`, `${en} · items last year`),
    field(`active.${k}.change`, "active", F2019, `${zh}·本年增/减`, `${en} · change this year`, { signed: true }),
    field(`active.${k}.decisions`, "active", F2019, `${zh}·处理决定数量`, `${en} · decisions`),
  ]),
  field("active.fees.prev", "active", F2019, "行政事业性收费·上一年项目数量", "Administrative fees · items last year"),
  field("active.fees.change", "active", F2019, "行政事业性收费·本年增/减", "Administrative fees · change this year", { signed: true }),
  field("active.procurement.items", "active", F2019, "政府集中采购·采购项目数量", "Central procurement · items"),
  field("active.procurement.amount", "active", F2019, "政府集中采购·采购总金额（万元）", "Central procurement · amount (10k CNY)", { decimal: true }),
];

// ── Section 三 ────────────────────────────────────────────────────────────────

export interface ApplicantColumn {
  key: string;
  labelZh: string;
  labelEn: string;
}

/** In printed order. The five middle ones are 法人或其他组织. */
export const APPLICANT_COLUMNS: readonly ApplicantColumn[] = [
  { key: "natural", labelZh: "自然人", labelEn: "Natural persons" },
  { key: "business", labelZh: "商业企业", labelEn: "Businesses" },
  { key: "research", labelZh: "科研机构", labelEn: "Research institutions" },
  { key: "nonprofit", labelZh: "社会公益组织", labelEn: "Public-interest organisations" },
  { key: "legal", labelZh: "法律服务机构", labelEn: "Legal service organisations" },
  { key: "other", labelZh: "其他", labelEn: "Other" },
  { key: "total", labelZh: "总计", labelEn: "Total" },
];

export type OutcomeGroup = "granted" | "partial" | "denied" | "unavailable" | "rejected" | "other";

export interface ApplicationRow {
  /** Row key, e.g. "denied.state_secret"; the field key is `apps.<row>.<column>`. */
  key: string;
  formats: readonly ReportFormat[];
  labelZh: string;
  labelEn: string;
  /** Outcome rows (三、本年度办理结果) belong to a group; new/carried_over/total/carried_forward do not. */
  outcome: OutcomeGroup | null;
}

export const APPLICATION_ROWS: readonly ApplicationRow[] = [
  { key: "new", formats: BOTH, labelZh: "一、本年新收政府信息公开申请数量", labelEn: "New applications this year", outcome: null },
  { key: "carried_over", formats: BOTH, labelZh: "二、上年结转政府信息公开申请数量", labelEn: "Carried over from last year", outcome: null },
  { key: "granted", formats: BOTH, labelZh: "（一）予以公开", labelEn: "Granted", outcome: "granted" },
  { key: "partial", formats: BOTH, labelZh: "（二）部分公开", labelEn: "Partly granted", outcome: "partial" },
  { key: "denied.state_secret", formats: BOTH, labelZh: "（三）不予公开 1.属于国家秘密", labelEn: "Denied: state secret", outcome: "denied" },
  { key: "denied.prohibited_by_law", formats: BOTH, labelZh: "（三）不予公开 2.其他法律行政法规禁止公开", labelEn: "Denied: prohibited by other laws", outcome: "denied" },
  { key: "denied.three_safeties", formats: BOTH, labelZh: "（三）不予公开 3.危及“三安全一稳定”", labelEn: "Denied: endangers security or stability", outcome: "denied" },
  { key: "denied.third_party", formats: BOTH, labelZh: "（三）不予公开 4.保护第三方合法权益", labelEn: "Denied: third-party rights", outcome: "denied" },
  { key: "denied.internal_affairs", formats: BOTH, labelZh: "（三）不予公开 5.属于三类内部事务信息", labelEn: "Denied: internal affairs", outcome: "denied" },
  { key: "denied.process_info", formats: BOTH, labelZh: "（三）不予公开 6.属于四类过程性信息", labelEn: "Denied: process information", outcome: "denied" },
  { key: "denied.enforcement_files", formats: BOTH, labelZh: "（三）不予公开 7.属于行政执法案卷", labelEn: "Denied: enforcement case files", outcome: "denied" },
  { key: "denied.query_items", formats: BOTH, labelZh: "（三）不予公开 8.属于行政查询事项", labelEn: "Denied: administrative query items", outcome: "denied" },
  { key: "unavailable.not_held", formats: BOTH, labelZh: "（四）无法提供 1.本机关不掌握相关政府信息", labelEn: "Unavailable: not held", outcome: "unavailable" },
  { key: "unavailable.needs_creation", formats: BOTH, labelZh: "（四）无法提供 2.没有现成信息需要另行制作", labelEn: "Unavailable: would need creating", outcome: "unavailable" },
  { key: "unavailable.unclear", formats: BOTH, labelZh: "（四）无法提供 3.补正后申请内容仍不明确", labelEn: "Unavailable: still unclear after correction", outcome: "unavailable" },
  { key: "rejected.petition", formats: BOTH, labelZh: "（五）不予处理 1.信访举报投诉类申请", labelEn: "Not processed: petitions and complaints", outcome: "rejected" },
  { key: "rejected.duplicate", formats: BOTH, labelZh: "（五）不予处理 2.重复申请", labelEn: "Not processed: duplicate", outcome: "rejected" },
  { key: "rejected.publication", formats: BOTH, labelZh: "（五）不予处理 3.要求提供公开出版物", labelEn: "Not processed: asks for publications", outcome: "rejected" },
  { key: "rejected.excessive", formats: BOTH, labelZh: "（五）不予处理 4.无正当理由大量反复申请", labelEn: "Not processed: excessive repeated requests", outcome: "rejected" },
  { key: "rejected.confirmation", formats: BOTH, labelZh: "（五）不予处理 5.要求行政机关确认或重新出具已获取信息", labelEn: "Not processed: asks to confirm or reissue", outcome: "rejected" },
  { key: "other.no_correction", formats: F2021, labelZh: "（六）其他处理 1.申请人无正当理由逾期不补正", labelEn: "Other: applicant did not correct in time", outcome: "other" },
  { key: "other.no_fee", formats: F2021, labelZh: "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用", labelEn: "Other: fee not paid in time", outcome: "other" },
  { key: "other.misc", formats: F2021, labelZh: "（六）其他处理 3.其他", labelEn: "Other: miscellaneous", outcome: "other" },
  { key: "other.combined", formats: F2019, labelZh: "（六）其他处理", labelEn: "Other handling", outcome: "other" },
  { key: "total", formats: BOTH, labelZh: "（七）总计", labelEn: "Total handled", outcome: null },
  { key: "carried_forward", formats: BOTH, labelZh: "四、结转下年度继续办理", labelEn: "Carried forward to next year", outcome: null },
];

export const OUTCOME_GROUPS: ReadonlyArray<{ key: OutcomeGroup; labelZh: string; labelEn: string }> = [
  { key: "granted", labelZh: "予以公开", labelEn: "Granted" },
  { key: "partial", labelZh: "部分公开", labelEn: "Partly granted" },
  { key: "denied", labelZh: "不予公开", labelEn: "Denied" },
  { key: "unavailable", labelZh: "无法提供", labelEn: "Unavailable" },
  { key: "rejected", labelZh: "不予处理", labelEn: "Not processed" },
  { key: "other", labelZh: "其他处理", labelEn: "Other handling" },
];

const APPS: FieldDef[] = APPLICATION_ROWS.flatMap((row) =>
  APPLICANT_COLUMNS.map((col) =>
    field(
      `apps.${row.key}.${col.key}`,
      "apps",
      row.formats,
      `${row.labelZh}·${col.labelZh}`,
      `${row.labelEn} · ${col.labelEn}`,
    ),
  ),
);

// ── Section 四 ────────────────────────────────────────────────────────────────

export const REVIEW_GROUPS: ReadonlyArray<{ key: string; labelZh: string; labelEn: string }> = [
  { key: "review", labelZh: "行政复议", labelEn: "Administrative reconsideration" },
  { key: "litigation.direct", labelZh: "行政诉讼·未经复议直接起诉", labelEn: "Litigation · filed directly" },
  { key: "litigation.after_review", labelZh: "行政诉讼·复议后起诉", labelEn: "Litigation · after reconsideration" },
];

export const REVIEW_RESULTS: ReadonlyArray<{ key: string; labelZh: string; labelEn: string }> = [
  { key: "upheld", labelZh: "结果维持", labelEn: "Upheld" },
  { key: "corrected", labelZh: "结果纠正", labelEn: "Corrected" },
  { key: "other", labelZh: "其他结果", labelEn: "Other result" },
  { key: "pending", labelZh: "尚未审结", labelEn: "Pending" },
  { key: "total", labelZh: "总计", labelEn: "Total" },
];

const REVIEW: FieldDef[] = REVIEW_GROUPS.flatMap((g) =>
  REVIEW_RESULTS.map((r) =>
    field(`${g.key}.${r.key}`, "review", BOTH, `${g.labelZh}·${r.labelZh}`, `${g.labelEn} · ${r.labelEn}`),
  ),
);

// ── The catalog ───────────────────────────────────────────────────────────────

/** Every key of both formats, in printed order: 二 (2021, then 2019), 三, 四. */
export const FIELDS: readonly FieldDef[] = [...ACTIVE_2021, ...ACTIVE_2019, ...APPS, ...REVIEW];

export const FIELD_BY_KEY: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.key, f]));

export const ALL_KEYS: readonly string[] = FIELDS.map((f) => f.key);

const KEYS_BY_FORMAT: Record<ReportFormat, readonly string[]> = {
  "2019": FIELDS.filter((f) => f.formats.includes("2019")).map((f) => f.key),
  "2021": FIELDS.filter((f) => f.formats.includes("2021")).map((f) => f.key),
};

/** The keys a report of this format must carry in its `values` (200 for 2021, 198 for 2019). */
export function keysForFormat(format: ReportFormat): readonly string[] {
  return KEYS_BY_FORMAT[format];
}

export function isFieldKey(key: string): boolean {
  return FIELD_BY_KEY.has(key);
}

/** Series comparable across the two formats (spec: "Across formats …"). */
export const CROSS_FORMAT_SERIES: ReadonlyArray<{ key2021: string; key2019: string; labelZh: string; labelEn: string }> = [
  { key2021: "active.licensing", key2019: "active.licensing.decisions", labelZh: "行政许可处理决定", labelEn: "Licensing decisions" },
  { key2021: "active.penalty", key2019: "active.penalty.decisions", labelZh: "行政处罚处理决定", labelEn: "Penalty decisions" },
  { key2021: "active.enforcement", key2019: "active.enforcement.decisions", labelZh: "行政强制处理决定", labelEn: "Enforcement decisions" },
];

export type ReportValues = Record<string, number | null>;

// ── Agency vocabulary ─────────────────────────────────────────────────────────

export const AGENCY_KINDS = ["government", "department", "street", "township", "town", "other"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_LEVELS = ["province", "city", "county", "township"] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, { zh: string; en: string }> = {
  government: { zh: "人民政府（含办公厅/管委会）", en: "Government" },
  department: { zh: "政府部门", en: "Department" },
  street: { zh: "街道", en: "Street office" },
  township: { zh: "乡", en: "Township" },
  town: { zh: "镇", en: "Town" },
  other: { zh: "其他", en: "Other" },
};

export const AGENCY_LEVEL_LABELS: Record<AgencyLevel, { zh: string; en: string }> = {
  province: { zh: "省级", en: "Province" },
  city: { zh: "市级", en: "City" },
  county: { zh: "县级", en: "County" },
  township: { zh: "乡镇级", en: "Township" },
};
