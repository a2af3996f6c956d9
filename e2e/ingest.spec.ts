/**
 * The upload journey of a district office: sign in, drop the five seeds plus a Word and an HTML report at
 * once, see a result per file, review seed 001 (its broken relation highlighted), correct a value, save, and
 * find the correction on the report's page; a non-report gets a clear message; a seed sent again is
 * recognised as already imported. Works whether or not the server loaded the seeds at first start.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";

const FIXTURES = fileURLToPath(new URL("../lib/parse/__fixtures__/", import.meta.url));
const SEEDS = ["000_a6a2db4cc44d7e31.txt", "001_8698768808fb872d.txt", "002_c369ce0530345a5f.txt", "003_0088059577d88b46.txt", "004_8c406ea192be78b9.txt"].map((f) =>
  path.join(FIXTURES, "seeds", f),
);
const DOCX = path.join(FIXTURES, "rendered", "009_pingtan_public_security_bureau_2022_flattext.docx");
const HTML = path.join(FIXTURES, "rendered", "020_pingtan_zone_2022_flattext.html");
const SEED_001 = path.basename(SEEDS[1]!);

/** The test server's password: ADMIN_PASSWORD, else the generated file in its data folder, else what playwright.config.ts gives it. */
function adminPassword(): string {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  for (const dir of [process.env.E2E_DATA_DIR, process.env.DATA_DIR]) {
    const file = dir ? path.join(dir, "admin-password") : null;
    if (file && existsSync(file)) return readFileSync(file, "utf8").trim();
  }
  return "e2e-password";
}

function row(page: Page, fileName: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }) });
}

async function signIn(page: Page): Promise<void> {
  await page.goto("/upload");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel(/管理员密码|Admin password/).fill(adminPassword());
  await page.getByRole("button", { name: /登录|Sign in/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /上传年度报告|Upload annual reports/ })).toBeVisible();
}

test.describe("upload and review", () => {
  test("a wrong password is refused with a message", async ({ page }) => {
    await page.goto("/login?next=/upload");
    await page.getByLabel(/管理员密码|Admin password/).fill("definitely-not-the-password");
    await page.getByRole("button", { name: /登录|Sign in/ }).click();
    await expect(page.getByRole("alert").filter({ hasText: /密码错误|Wrong password/ })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("seven files in one go, review seed 001, correct, save, see the correction; non-report and re-upload", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page);

    const chooser = page.getByLabel(/选择要上传的报告文件|Choose report files to upload/);
    await chooser.setInputFiles([...SEEDS, DOCX, HTML]);

    // A result per file: parsed (new or already imported) for all seven.
    for (const file of [...SEEDS, DOCX, HTML].map((f) => path.basename(f))) {
      await expect(row(page, file).getByRole("cell").first()).toContainText(/已解析|Parsed/, { timeout: 60_000 });
    }
    await expect(row(page, SEED_001)).toContainText(/于家务回族乡/);
    await expect(row(page, SEED_001)).toContainText(/处勾稽关系不符|broken relation/);

    // Review 001: its broken relation is highlighted in the standard's tables.
    await row(page, SEED_001).getByRole("button", { name: /^审核$|^Review$/ }).click();
    const review = page.getByRole("region", { name: new RegExp(`(审核|Review)：?:? ?${SEED_001.replace(/\./g, "\\.")}`) });
    await expect(review).toBeVisible();
    const totalNatural = review.locator('td[data-key="apps.total.natural"]');
    await expect(totalNatural).toHaveAttribute("data-broken", /\d/);
    const brokenBefore = await review.locator("td[data-broken]").count();
    expect(brokenBefore).toBeGreaterThan(0);

    // 001 prints 0 in （七）总计·自然人 though its rows add up to 7: correct it.
    await totalNatural.getByRole("spinbutton").fill("7");
    await expect(totalNatural).not.toHaveAttribute("data-broken", /\d/);
    expect(await review.locator("td[data-broken]").count()).toBeLessThan(brokenBefore);
    await expect(review.getByRole("status").first()).toContainText(/已修改 1 处|1 change/);

    await review.getByRole("button", { name: /保存此报告|Save this report/ }).click();
    const saved = row(page, SEED_001);
    // On a fresh server the correction is recorded now; on a server where an earlier run already stored
    // this very correction, the value is 7 already and nothing new is recorded (the report page below shows
    // the correction either way).
    await expect(saved).toContainText(/记录了 1 处更正|1 correction recorded|已导入过，未重复保存|Already imported; not stored again/, { timeout: 30_000 });
    const link = saved.getByRole("link", { name: /查看报告|View report/ });
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/reports\/\d+$/);

    // The report page shows the value with the correction marked.
    await page.goto(href!);
    const corrected = page.locator('td[data-key="apps.total.natural"][data-corrected="true"]').first();
    await expect(corrected).toBeVisible();
    await expect(corrected).toContainText("7");

    // A file that is not a report: a clear message naming the problem.
    await page.goto("/upload");
    await page.getByLabel(/选择要上传的报告文件|Choose report files to upload/).setInputFiles({
      name: "meeting-notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("本周例会纪要：讨论了办公用品采购，没有其他事项。", "utf8"),
    });
    await expect(row(page, "meeting-notes.txt")).toContainText(/不是政府信息公开工作年度报告|not a government information-disclosure annual report/, { timeout: 30_000 });

    // The same seed again: recognised as already imported.
    await page.getByLabel(/选择要上传的报告文件|Choose report files to upload/).setInputFiles(SEEDS[1]!);
    await expect(row(page, SEED_001)).toContainText(/已导入过|Already imported/, { timeout: 30_000 });
  });
});
