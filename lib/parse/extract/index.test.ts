import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { extractDocument, type ExtractOptions } from "./index";
import { ExtractError, type ExtractErrorCode } from "./types";
import { encodeGbk } from "./test-support/gbk";

const utf8 = (s: string) => new TextEncoder().encode(s);

async function expectFailure(name: string, bytes: Uint8Array, code: ExtractErrorCode, options?: ExtractOptions): Promise<ExtractError> {
  let caught: unknown = null;
  try {
    await extractDocument(name, bytes, options);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ExtractError);
  const error = caught as ExtractError;
  expect(error.code).toBe(code);
  expect(error.message).toContain(name);
  return error;
}

/** An OLE2 (compound file) header followed by a directory sector naming the given streams. */
function oleContainer(streamNames: string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 4);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  bytes[30] = 9; // sector shift: 512-byte sectors
  streamNames.forEach((name, i) => {
    for (let c = 0; c < name.length; c++) bytes[1024 + i * 128 + c * 2] = name.charCodeAt(c);
  });
  return bytes;
}

describe("errors name the file and say what is wrong", () => {
  it("empty and whitespace-only files", async () => {
    await expectFailure("empty.txt", new Uint8Array(0), "empty_file");
    await expectFailure("blank.txt", utf8(" \r\n\t \n"), "empty_file");
    await expectFailure("bom-only.html", new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a]), "empty_file");
    await expectFailure("spaces.txt", utf8("\u3000\u3000\n"), "empty_file");
  });

  it("random binary data", async () => {
    let seed = 12345;
    const random = new Uint8Array(8192).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    });
    await expectFailure("noise.docx", random, "unsupported_type");
  });

  it("images, with advice to upload the text version or OCR", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const error = await expectFailure("scan.png", png, "unsupported_type");
    expect(error.message).toMatch(/OCR/);
    await expectFailure("photo.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), "unsupported_type");
  });

  it("an encrypted Office file (OLE2 container with EncryptedPackage)", async () => {
    const error = await expectFailure("locked.docx", oleContainer(["Root Entry", "EncryptionInfo", "EncryptedPackage"]), "encrypted_file");
    expect(error.message).toMatch(/密码|password/);
  });

  it("a legacy Word file that cannot be parsed is corrupt, other OLE files unsupported", async () => {
    await expectFailure("old.doc", oleContainer(["Root Entry", "WordDocument", "1Table"]), "corrupt_file");
    await expectFailure("sheet.xls", oleContainer(["Root Entry", "Workbook"]), "unsupported_type");
  });

  it("a zip that is not a Word document", async () => {
    await expectFailure("archive.zip", zipSync({ "a.txt": strToU8("hello") }), "unsupported_type");
  });

  it("inputs over the size limit", async () => {
    const error = await expectFailure("big.txt", utf8("年度报告".repeat(1000)), "too_large", { maxBytes: 1000 });
    expect(error.message).toMatch(/MB/);
  });
});

describe("type detection: content first, extension second", () => {
  it("reads a .txt holding a web page as HTML", async () => {
    const doc = await extractDocument("saved.txt", utf8("<!DOCTYPE html><html><body><p>报告正文</p><table><tr><td>规章</td><td>3</td></tr></table></body></html>"));
    expect(doc.kind).toBe("html");
    expect(doc.tables).toHaveLength(1);
  });

  it("reads a .doc that is a saved web page as HTML", async () => {
    const doc = await extractDocument("word-html.doc", utf8("<html xmlns:o='urn:schemas-microsoft-com:office:office'><body><p class=MsoNormal>正文</p></body></html>"));
    expect(doc.kind).toBe("html");
    expect(doc.text).toBe("正文");
  });

  it("keeps plain text as written, normalising line ends and dropping NULs", async () => {
    const doc = await extractDocument("report.txt", utf8("一、总体情况\r\n规章\t0\t0\r\n\u0000结束"));
    expect(doc.kind).toBe("text");
    expect(doc.text).toBe("一、总体情况\n规章\t0\t0\n结束");
    expect(doc.tables).toEqual([]);
  });

  it("does not mistake text that mentions a tag for HTML", async () => {
    const doc = await extractDocument("notes.txt", utf8("网页中用 <table> 标签排版。\n共 5 条。"));
    expect(doc.kind).toBe("text");
  });

  it("treats a .txt of Markdown pipe tables (an OCR converter's output) as Markdown", async () => {
    const md = "报告\n| 项目 | 数据1 |\n|---|---|\n| 自然人 | 5 |\n";
    const doc = await extractDocument("ocr-output.txt", utf8(md));
    expect(doc.kind).toBe("markdown");
    expect(doc.tables).toHaveLength(1);
    expect(doc.text).toBe(md);
  });

  it("offers Markdown pipe tables as grids and keeps the text", async () => {
    const md = "# 报告\n\n| 项目 | 本年新收 | 总计 |\n| --- | --- | --- |\n| 自然人 | 5 | 5 |\n| 法人<br>组织 | 0 | 0 |\n\n结束";
    const doc = await extractDocument("ocr.md", utf8(md));
    expect(doc.kind).toBe("markdown");
    expect(doc.text).toBe(md);
    expect(doc.tables.map((g) => g.map((r) => r.map((c) => c.text)))).toEqual([
      [["项目", "本年新收", "总计"], ["自然人", "5", "5"], ["法人组织", "0", "0"]],
    ]);
  });
});

describe("text decoding", () => {
  const sample = "政府信息公开工作年度报告：主动公开政府信息共757条。";

  it("UTF-8 with and without BOM", async () => {
    expect((await extractDocument("a.txt", utf8(sample))).text).toBe(sample);
    expect((await extractDocument("b.txt", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sample)]))).text).toBe(sample);
  });

  it("UTF-16 with either byte order mark", async () => {
    const le = new Uint8Array(2 + sample.length * 2);
    const be = new Uint8Array(2 + sample.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < sample.length; i++) {
      const code = sample.charCodeAt(i);
      le[2 + i * 2] = code & 0xff;
      le[3 + i * 2] = code >> 8;
      be[2 + i * 2] = code >> 8;
      be[3 + i * 2] = code & 0xff;
    }
    expect((await extractDocument("le.txt", le)).text).toBe(sample);
    expect((await extractDocument("be.txt", be)).text).toBe(sample);
  });

  it("GBK text falls back to GB18030 with a warning", async () => {
    const doc = await extractDocument("gbk.txt", encodeGbk(sample));
    expect(doc.text).toBe(sample);
    expect(doc.warnings.join()).toMatch(/GB18030/);
  });
});

describe("web archives (MHT, Word's single-file web page)", () => {
  it("reads the quoted-printable GBK HTML part of an MHT saved as .doc", async () => {
    const page = encodeGbk(
      '<html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head><body>' +
        "<p class=MsoNormal>某某镇2023年政府信息公开工作年度报告</p>" +
        "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>4</td></tr></table></body></html>",
    );
    let qp = "";
    for (const b of page) qp += b >= 0x80 || b === 0x3d ? `=${b.toString(16).toUpperCase().padStart(2, "0")}` : String.fromCharCode(b);
    // Soft line breaks every 70 characters, as MIME writers do.
    const wrapped = qp.replace(/(.{70})/g, "$1=\r\n");
    const mht =
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n' +
      "This document is a Single File Web Page.\r\n\r\n------=_NextPart_01\r\n" +
      'Content-Location: file:///C:/report.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"\r\n\r\n' +
      `${wrapped}\r\n\r\n------=_NextPart_01--\r\n`;
    const doc = await extractDocument("report.doc", utf8(mht));
    expect(doc.kind).toBe("html");
    expect(doc.text.split("\n")[0]).toBe("某某镇2023年政府信息公开工作年度报告");
    expect(doc.tables[0][0].map((c) => c.text)).toEqual(["一、本年新收政府信息公开申请数量", "4"]);
  });
});
