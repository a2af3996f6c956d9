import { describe, expect, it } from "vitest";
import { keysForFormat, type ReportValues } from "../../lib/report/catalog";
import {
  apiFailureFrom,
  buildCorrectionBody,
  correctionFieldLabel,
  correctionLog,
  correctionMarks,
  correctionTime,
  messageInLang,
  metadataChanges,
  metadataDraftOf,
  needsSignIn,
  valueChanges,
  valueProblems,
  type MetadataDraft,
  type RecordedCorrection,
} from "./report-correction-model";

const base: MetadataDraft = { agencyName: "西市场街道", year: "2024", province: "河南省", city: "平顶山市", county: "新华区" };

function zeros(): ReportValues {
  return Object.fromEntries(keysForFormat("2021").map((k) => [k, 0]));
}

function correction(field: string, oldValue: string | null, newValue: string | null, at = "2026-11-21T08:30:12.000Z"): RecordedCorrection {
  return { field, oldValue, newValue, createdAt: at, createdBy: "admin", note: null };
}

describe("metadataDraftOf", () => {
  it("turns missing places into empty fields and the year into text", () => {
    const d = metadataDraftOf({ report: { year: 2023 }, agency: { name: "某局", province: "江苏省", city: null, county: null } });
    expect(d).toEqual({ agencyName: "某局", year: "2023", province: "江苏省", city: "", county: "" });
  });
});

describe("metadataChanges", () => {
  it("sends nothing when nothing changed, whitespace included", () => {
    expect(metadataChanges(base, { ...base, agencyName: " 西市场街道 " })).toEqual({ ok: true, overrides: {} });
  });

  it("sends only the changed fields, a cleared place as null", () => {
    const r = metadataChanges(base, { ...base, year: "2023", county: "", city: " 郑州市 " });
    expect(r).toEqual({ ok: true, overrides: { year: 2023, county: null, city: "郑州市" } });
  });

  it("refuses an empty agency name and a year outside 1990–2100 or not four digits", () => {
    expect(metadataChanges(base, { ...base, agencyName: "  " })).toEqual({ ok: false, problem: { kind: "agency_required", field: "agencyName" } });
    for (const year of ["1989", "2101", "20x4", "24", "2024.5", ""]) {
      expect(metadataChanges(base, { ...base, year })).toEqual({ ok: false, problem: { kind: "invalid_year", field: "year" } });
    }
    expect(metadataChanges(base, { ...base, year: "1990" })).toEqual({ ok: true, overrides: { year: 1990 } });
  });
});

describe("valueChanges and valueProblems", () => {
  it("keeps only cells that differ from the saved values (blank ≠ 0)", () => {
    const saved = { "apps.new.natural": 0, "apps.new.total": 3, "apps.total.total": null };
    const edited = { "apps.new.natural": 5, "apps.new.total": 3, "apps.total.total": 0 };
    expect(valueChanges(saved, edited)).toEqual({ "apps.new.natural": 5, "apps.total.total": 0 });
    expect(valueChanges(saved, { ...saved, "apps.new.total": null })).toEqual({ "apps.new.total": null });
  });

  it("flags negative and fractional counts, not blanks", () => {
    expect(valueProblems({ "apps.new.natural": -1, "apps.new.total": 2.5, "apps.total.total": null })).toEqual([
      { kind: "negative", key: "apps.new.natural" },
      { kind: "not_whole", key: "apps.new.total" },
    ]);
    expect(valueProblems({ "apps.new.natural": 4 })).toEqual([]);
  });
});

describe("buildCorrectionBody", () => {
  const saved = zeros();

  it("builds metadata, values and a trimmed note, counting the changes", () => {
    const r = buildCorrectionBody({
      baseMetadata: base,
      metadata: { ...base, year: "2023" },
      savedValues: saved,
      editedValues: { ...saved, "apps.new.natural": 5 },
      note: "  依据原文第 3 页 ",
    });
    expect(r).toEqual({ ok: true, changes: 2, body: { metadata: { year: 2023 }, values: { "apps.new.natural": 5 }, note: "依据原文第 3 页" } });
  });

  it("leaves out empty parts", () => {
    const r = buildCorrectionBody({ baseMetadata: base, metadata: base, savedValues: saved, editedValues: { ...saved, "apps.new.total": 1 }, note: " " });
    expect(r).toEqual({ ok: true, changes: 1, body: { values: { "apps.new.total": 1 } } });
  });

  it("refuses when nothing changed, and lists every problem at once", () => {
    expect(buildCorrectionBody({ baseMetadata: base, metadata: base, savedValues: saved, editedValues: saved, note: "x" })).toEqual({
      ok: false,
      problems: [{ kind: "nothing_changed" }],
    });
    const r = buildCorrectionBody({ baseMetadata: base, metadata: { ...base, year: "abc" }, savedValues: saved, editedValues: { ...saved, "apps.new.natural": -2 }, note: "" });
    expect(r).toEqual({ ok: false, problems: [{ kind: "invalid_year", field: "year" }, { kind: "negative", key: "apps.new.natural" }] });
  });
});

describe("correctionLog", () => {
  it("lists every version's corrections, newest version first", () => {
    const log = correctionLog([
      { versionNo: 2, corrections: [correction("apps.new.natural", "0", "5"), correction("meta.year", "2024", "2023")] },
      { versionNo: 1, corrections: [] },
      { versionNo: 3, corrections: [correction("apps.new.natural", "5", "6")] },
    ]);
    expect(log.map((c) => [c.versionNo, c.field, c.newValue])).toEqual([
      [3, "apps.new.natural", "6"],
      [2, "apps.new.natural", "5"],
      [2, "meta.year", "2023"],
    ]);
  });
});

describe("correctionMarks", () => {
  it("marks catalog fields with the value before the first correction of a chain", () => {
    const versions = [
      { versionNo: 3, corrections: [correction("apps.new.natural", "5", "6")] },
      { versionNo: 2, corrections: [correction("apps.new.natural", "0", "5"), correction("meta.year", "2024", "2023"), correction("apps.new.total", null, "6")] },
    ];
    const current = { ...zeros(), "apps.new.natural": 6, "apps.new.total": 6 };
    expect(correctionMarks(versions, current)).toEqual({ "apps.new.natural": { old: 0, new: 6 }, "apps.new.total": { old: null, new: 6 } });
  });

  it("drops a mark when the shown value is no longer the corrected one, or was corrected back", () => {
    const replaced = correctionMarks([{ versionNo: 2, corrections: [correction("apps.new.natural", "0", "5")] }], { ...zeros(), "apps.new.natural": 7 });
    expect(replaced).toEqual({});
    const back = correctionMarks(
      [
        { versionNo: 2, corrections: [correction("apps.new.natural", "0", "5")] },
        { versionNo: 3, corrections: [correction("apps.new.natural", "5", "0")] },
      ],
      zeros(),
    );
    expect(back).toEqual({});
  });

  it("starts a new chain when a correction does not continue the last one (a re-parse in between)", () => {
    const marks = correctionMarks(
      [
        { versionNo: 2, corrections: [correction("apps.new.natural", "0", "5")] },
        { versionNo: 4, corrections: [correction("apps.new.natural", "3", "5")] },
      ],
      { ...zeros(), "apps.new.natural": 5 },
    );
    expect(marks).toEqual({ "apps.new.natural": { old: 3, new: 5 } });
  });
});

describe("labels and times", () => {
  it("names catalog fields and metadata fields in both languages, unknown fields as they are", () => {
    expect(correctionFieldLabel("meta.region.county", "zh")).toBe("县（区）");
    expect(correctionFieldLabel("meta.year", "en")).toBe("Year");
    expect(correctionFieldLabel("apps.new.natural", "zh")).toMatch(/自然人/);
    expect(correctionFieldLabel("something.else", "zh")).toBe("something.else");
  });

  it("shows stored UTC times as such", () => {
    expect(correctionTime("2026-11-21T08:30:12.000Z")).toBe("2026-11-21 08:30 UTC");
    expect(correctionTime("yesterday")).toBe("yesterday");
  });
});

describe("API failures", () => {
  it("reads the envelope, and survives bodies that are not one", () => {
    expect(apiFailureFrom(409, { error: { code: "report_exists", message: "已存在 / exists" } })).toEqual({ status: 409, code: "report_exists", message: "已存在 / exists" });
    expect(apiFailureFrom(502, null)).toEqual({ status: 502, code: "http_502", message: "HTTP 502" });
    expect(apiFailureFrom(500, { error: "boom" })).toEqual({ status: 500, code: "http_500", message: "HTTP 500" });
  });

  it("knows which failures signing in again cures", () => {
    expect(needsSignIn({ status: 401, code: "session_expired", message: "" })).toBe(true);
    expect(needsSignIn({ status: 403, code: "csrf_failed", message: "" })).toBe(true);
    expect(needsSignIn({ status: 409, code: "report_exists", message: "" })).toBe(false);
  });

  it("picks the page's language from a bilingual server message, else keeps it whole", () => {
    const msg = "报告 3 不存在 / Report 3 does not exist.";
    expect(messageInLang(msg, "zh")).toBe("报告 3 不存在");
    expect(messageInLang(msg, "en")).toBe("Report 3 does not exist.");
    expect(messageInLang("西市场街道 2024 年的报告已存在（#3）/ A report for 西市场街道 2024 already exists (#3)", "zh")).toBe("西市场街道 2024 年的报告已存在（#3）");
    expect(messageInLang("西市场街道 2024 年的报告已存在（#3）/ A report for 西市场街道 2024 already exists (#3)", "en")).toBe("A report for 西市场街道 2024 already exists (#3)");
    expect(messageInLang("apps.x: 不是字段 / not a field", "en")).toBe("apps.x: 不是字段 / not a field");
    expect(messageInLang("a: 甲 / A; b: 乙 / B", "en")).toBe("a: 甲 / A; b: 乙 / B");
    expect(messageInLang("plain message", "zh")).toBe("plain message");
  });
});
