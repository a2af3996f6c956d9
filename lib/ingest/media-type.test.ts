import { describe, expect, it } from "vitest";
import { agencyIdentityKey } from "./agency-identity";
import { checkMediaType, extensionOf } from "./media-type";

describe("checkMediaType", () => {
  it("accepts report types by extension", () => {
    expect(checkMediaType("报告.DOCX", new Uint8Array([0x50, 0x4b]))).toEqual({ ok: true, mediaType: expect.stringContaining("wordprocessingml") });
    expect(checkMediaType("a/b/page.htm", new Uint8Array([0x3c]))).toEqual({ ok: true, mediaType: "text/html" });
  });

  it("refuses other extensions and images dressed as reports", () => {
    expect(checkMediaType("photo.png", new Uint8Array([1])).ok).toBe(false);
    expect(checkMediaType("README", new Uint8Array([1])).ok).toBe(false);
    expect(checkMediaType("scan.pdf", new Uint8Array([0xff, 0xd8, 0xff, 0xe0])).ok).toBe(false);
  });

  it("reads the extension of the last path part only", () => {
    expect(extensionOf("dir.v2/file")).toBe("");
    expect(extensionOf(".hidden")).toBe("");
    expect(extensionOf("C:\\x\\y.Txt")).toBe("txt");
  });
});

describe("agencyIdentityKey", () => {
  it("keeps same-named towns of different counties apart and ignores width and spaces", () => {
    const a = agencyIdentityKey({ province: "河南省", city: "洛阳市", county: "宜阳县", name: "城关镇" });
    const b = agencyIdentityKey({ province: "河南省", city: "洛阳市", county: "嵩县", name: "城关镇" });
    expect(a).not.toBe(b);
    expect(agencyIdentityKey({ province: "北京市", city: null, county: "丰台区", name: "东高地 街道" })).toBe(
      agencyIdentityKey({ province: "北京市", city: "", county: "丰台区", name: "东高地街道" }),
    );
  });
});
