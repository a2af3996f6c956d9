import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DeletedNotice } from "./deleted-notice";
import { SignInToCorrect, signInHref } from "./sign-in-to-correct";

describe("SignInToCorrect", () => {
  it("links to the login page with a return path to this report", () => {
    expect(signInHref(12)).toBe("/login?next=%2Freports%2F12");
    const html = renderToStaticMarkup(<SignInToCorrect lang="zh" reportId={12} />);
    expect(html).toContain('href="/login?next=%2Freports%2F12"');
    expect(html).toContain("登录后可更正");
    expect(renderToStaticMarkup(<SignInToCorrect lang="en" reportId={12} />)).toContain("Sign in to correct");
  });
});

describe("DeletedNotice", () => {
  it("says which report went and that the original file stays", () => {
    const html = renderToStaticMarkup(<DeletedNotice lang="zh" deleted="7" />);
    expect(html).toContain('role="status"');
    expect(html).toContain("报告 #7 已删除");
    expect(html).toContain("原始文件仍保存");
  });

  it("shows nothing for a missing or made-up value", () => {
    expect(renderToStaticMarkup(<DeletedNotice lang="zh" deleted={undefined} />)).toBe("");
    expect(renderToStaticMarkup(<DeletedNotice lang="en" deleted="<b>x</b>" />)).toBe("");
    expect(renderToStaticMarkup(<DeletedNotice lang="en" deleted={["3", "4"]} />)).toContain("Report #3 was deleted");
  });
});
