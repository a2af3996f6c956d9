import { describe, expect, it } from "vitest";
import { wordBinaryBodyToText } from "./doc";
import { extractDocument } from "./index";
import { ExtractError } from "./types";

describe("legacy Word (.doc/.wps) text", () => {
  it("turns word-extractor's cell tabs and row ends into tab-joined row lines", () => {
    const body = "2019年政府信息公开工作年度报告\r\n\r\n信息内容\t本年新制作数量\t本年新公开数量\t\n规章\t0\t\t\n\u3000\u3000正文 继续。\n";
    expect(wordBinaryBodyToText(body).split("\n")).toEqual([
      "2019年政府信息公开工作年度报告",
      "信息内容\t本年新制作数量\t本年新公开数量",
      // The empty last cell survives as a trailing tab.
      "规章\t0\t",
      "正文 继续。",
    ]);
  });

  it("keeps Chinese quotation marks in labels", () => {
    expect(wordBinaryBodyToText("3.危及“三安全一稳定”\t0\t\n")).toBe("3.危及“三安全一稳定”\t0");
  });

  it("recognises a .doc encrypted with a password from its FIB", async () => {
    const bytes = new Uint8Array(512 * 4);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    bytes[30] = 9;
    const name = "WordDocument";
    for (let c = 0; c < name.length; c++) bytes[1536 + c * 2] = name.charCodeAt(c);
    bytes.set([0xec, 0xa5], 512); // FIB magic at the start of the WordDocument stream
    bytes[512 + 11] = 0x01; // flags: fEncrypted (0x0100)
    let caught: unknown = null;
    try {
      await extractDocument("secret.doc", bytes);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExtractError);
    expect((caught as ExtractError).code).toBe("encrypted_file");
    expect((caught as ExtractError).message).toContain("secret.doc");
  });
});
