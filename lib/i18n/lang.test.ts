import { describe, expect, it } from "vitest";
import { htmlLang, isLang, langFromCookie, pick } from "./lang.ts";

describe("lang", () => {
  it("accepts only the two UI languages", () => {
    expect(isLang("zh")).toBe(true);
    expect(isLang("en")).toBe(true);
    expect(isLang("fr")).toBe(false);
    expect(isLang(undefined)).toBe(false);
    expect(isLang("ZH")).toBe(false);
  });

  it("reads the cookie, defaulting to Chinese", () => {
    expect(langFromCookie("en")).toBe("en");
    expect(langFromCookie("zh")).toBe("zh");
    expect(langFromCookie(undefined)).toBe("zh");
    expect(langFromCookie("de")).toBe("zh");
  });

  it("maps to an html lang attribute and picks messages", () => {
    expect(htmlLang("zh")).toBe("zh-CN");
    expect(htmlLang("en")).toBe("en");
    const messages = { zh: { hello: "你好" }, en: { hello: "Hello" } };
    expect(pick(messages, "zh").hello).toBe("你好");
    expect(pick(messages, "en").hello).toBe("Hello");
  });
});
