/**
 * An admin corrects a saved report on its page and then deletes it: not signed in, the page offers a way
 * to sign in that comes back to the report; the editor refuses a change the server rejects (a report of
 * that agency and year already exists) with the server's reason beside the form; a corrected value is
 * shown marked (was → now, who, when) with the relations checked again; the deletion is confirmed in a
 * dialog, lands on the overview with a notice, the report answers 404 and its original file stays.
 *
 * Its own data: seed 002 under another agency name (new bytes, a new report), and seed 002 as it is (the
 * report the clash is provoked against, whether or not the server loaded the seeds at start).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";

const PASSWORD = process.env.ADMIN_PASSWORD ?? "e2e-password";
const SHOTS = path.resolve("test-results/report-corrections");
const SEED = path.resolve("lib/parse/__fixtures__/seeds/002_c369ce0530345a5f.txt");
/** 西市场街道 (河南省 平顶山市 新华区), 2024; every relation holds and no application came in (all zero). */
const ORIGINAL = readFileSync(SEED, "utf8");
const OWN_NAME = "东风测试街道";
const OWN = ORIGINAL.replaceAll("西市场街道", OWN_NAME);

interface UploadResult {
  ok: boolean;
  reportId?: number;
  agency?: { name: string; province: string | null; city: string | null; county: string | null };
  year?: number;
  failedChecks?: number;
  error?: { code: string; message: string };
}

async function upload(request: APIRequestContext, fileName: string, text: string): Promise<UploadResult> {
  const form = new FormData();
  form.append("file", new Blob([text], { type: "text/plain" }), fileName);
  const res = await request.post("/api/reports", { headers: { Authorization: `Bearer ${PASSWORD}` }, multipart: form, timeout: 60_000 });
  expect(res.ok(), await res.text()).toBe(true);
  const result = ((await res.json()) as { results: UploadResult[] }).results[0]!;
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result;
}

test("correct a saved report's value and details on its page, then delete it", async ({ page, request }) => {
  test.setTimeout(120_000);
  const existing = await upload(request, "002-original.txt", ORIGINAL);
  const own = await upload(request, "002-e2e-corrections.txt", OWN);
  expect(own.reportId).not.toBe(existing.reportId);
  expect(own.agency?.name).toBe(OWN_NAME);
  expect(own.failedChecks).toBe(0);
  const reportId = own.reportId!;
  const url = `/reports/${reportId}`;

  // Not signed in: no editing, a way to sign in that returns here.
  await page.context().clearCookies();
  await page.goto(url);
  await expect(page.getByRole("button", { name: "更正" })).toHaveCount(0);
  await page.getByRole("link", { name: "登录后可更正" }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("管理员密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`${url}$`));

  const brokenList = page.getByRole("region", { name: "勾稽关系不符" });
  await expect(brokenList).toContainText("所有勾稽关系相符");
  await expect(brokenList.getByRole("listitem")).toHaveCount(0);
  const fileHref = await page.getByRole("link", { name: /下载原始文件/ }).getAttribute("href");
  expect(fileHref).toMatch(/^\/api\/files\/\d+$/);

  // A change the server refuses: this report would become the existing 西市场街道 2024 report.
  await page.getByRole("button", { name: "更正" }).click();
  const editor = page.getByRole("region", { name: "更正报告" });
  await expect(editor).toBeVisible();
  await editor.getByLabel("机关名称").fill(existing.agency!.name);
  await editor.getByLabel("省").fill(existing.agency!.province ?? "");
  await editor.getByLabel("市", { exact: true }).fill(existing.agency!.city ?? "");
  await editor.getByLabel("县（区）").fill(existing.agency!.county ?? "");
  await editor.getByRole("button", { name: "保存更正" }).click();
  const alert = editor.getByRole("alert");
  await expect(alert).toContainText("未能保存更正");
  await expect(alert).toContainText("已存在");
  await expect(alert).toContainText("report_exists");
  await expect(editor).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "1-refused.png") });

  // Start again from the saved report: cancel, reopen.
  await editor.getByRole("button", { name: "取消" }).click();
  await page.getByRole("button", { name: "更正" }).click();
  await expect(editor.getByLabel("机关名称")).toHaveValue(OWN_NAME);

  // A value: 本年新收·自然人 0 → 5 breaks the balance of that column and the total of that row, live.
  const newNatural = editor.getByRole("spinbutton", { name: "一、本年新收政府信息公开申请数量·自然人" });
  await newNatural.fill("5");
  await expect(editor.getByText(/按当前输入，有 \d+ 处勾稽关系不符/)).toBeVisible();
  // A detail: the province the parser could not pin down.
  await editor.getByLabel("省").fill("河南省");
  await editor.getByLabel("更正说明（可选）").fill("端到端测试：按原文更正");
  await expect(editor.getByRole("status").first()).toContainText("已修改 2 处");
  await editor.getByRole("button", { name: "保存更正" }).click();

  // The stored result: a notice, the value marked with what it was, the corrections listed, checks redone.
  await expect(page.getByRole("status").filter({ hasText: "已保存 2 处更正" })).toBeVisible();
  await expect(editor).toHaveCount(0);
  await expect(page.getByRole("cell", { name: /^5\s*已更正，原值 0/ })).toBeVisible();
  const corrections = page.getByRole("table", { name: "人工更正" });
  const valueRow = corrections.getByRole("row", { name: /本年新收政府信息公开申请数量·自然人/ });
  await expect(valueRow).toContainText("0");
  await expect(valueRow).toContainText("5");
  await expect(valueRow).toContainText("admin");
  await expect(valueRow).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expect(valueRow).toContainText("端到端测试：按原文更正");
  await expect(corrections.getByRole("row", { name: /^省/ })).toContainText("河南省");
  await expect(brokenList).not.toContainText("所有勾稽关系相符");
  const brokenItems = brokenList.getByRole("listitem");
  expect(await brokenItems.count()).toBeGreaterThan(0);
  await expect(brokenList).toContainText("本年新收");
  await expect(page.getByText(/本报告有 \d+ 处勾稽关系不符/)).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "2-corrected.png"), fullPage: true });

  // Delete, confirmed in a dialog that says the original file stays.
  await page.getByRole("button", { name: "删除" }).click();
  const dialog = page.getByRole("dialog", { name: "删除这份报告？" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("原始文件仍保存");
  await page.screenshot({ path: path.join(SHOTS, "3-delete-dialog.png") });
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "删除" }).click();
  await dialog.getByRole("button", { name: "确认删除" }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?deleted=${reportId}$`));
  await expect(page.getByRole("status").filter({ hasText: `报告 #${reportId} 已删除` })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "4-deleted.png") });

  const gone = await page.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: /没有这份报告/ })).toBeVisible();
  const original = await request.get(fileHref!);
  expect(original.status()).toBe(200);
  expect(await original.text()).toBe(OWN);
});
