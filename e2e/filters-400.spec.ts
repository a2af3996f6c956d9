/**
 * An invalid filter in a page's address answers HTTP 400 (proxy.ts) and the page says what is wrong, in
 * the reader's language, with a way back; valid filters still answer 200. The JSON API keeps its own
 * 400 envelope (the proxy does not match /api/**).
 */
import { expect, test, type Page } from "@playwright/test";

/** The page's filter message (Next also keeps an empty role=alert route announcer on every page). */
const filterAlert = (page: Page, title = "筛选条件无效") => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: title }) });

test.describe("invalid filters in a page address", () => {
  test("compare with year=abc: 400, the problem named, a link back to the unfiltered page", async ({ page }) => {
    await page.context().clearCookies();
    const res = await page.goto("/compare?year=abc");
    expect(res?.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1, name: "对比" })).toBeVisible();
    const alert = filterAlert(page);
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("year 必须是四位年份，收到“abc”");
    await expect(alert).toContainText('year must be a four-digit year, got "abc"');

    const back = page.waitForResponse((r) => new URL(r.url()).pathname === "/compare" && r.request().resourceType() === "document");
    await alert.getByRole("link", { name: "清除筛选，重新开始" }).click();
    expect((await back).status()).toBe(200);
    await expect(page).toHaveURL(/\/compare$/);
    await expect(filterAlert(page)).toHaveCount(0);
    await expect(page.getByTestId("compare-year")).toBeVisible();
  });

  test("valid filters still answer 200", async ({ page }) => {
    for (const url of ["/compare?year=2024", "/compare?year=2023&groupBy=county", "/?province=江苏省", "/trends?metric=penalty"]) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      await expect(filterAlert(page)).toHaveCount(0);
    }
  });

  test("overview and trends: 400 with every problem listed", async ({ page }) => {
    const overview = await page.goto("/?yaer=2023");
    expect(overview?.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1, name: "总览" })).toBeVisible();
    await expect(filterAlert(page)).toContainText("未知参数 yaer");

    const trends = await page.goto("/trends?from=2024&to=2020&kind=castle");
    expect(trends?.status()).toBe(400);
    const items = filterAlert(page).getByRole("listitem");
    await expect(items).toHaveCount(2);
    await expect(items.filter({ hasText: "起始年份 from=2024 晚于结束年份 to=2020" })).toHaveCount(1);
    await expect(items.filter({ hasText: "kind 的取值“castle”无效" })).toHaveCount(1);
  });

  test("in English when the reader chose English", async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: "lang", value: "en", url: baseURL ?? "http://localhost" }]);
    const res = await page.goto("/compare?year=abc");
    expect(res?.status()).toBe(400);
    const alert = filterAlert(page, "Invalid filters");
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('year must be a four-digit year, got "abc"');
    await expect(alert.getByRole("link", { name: "Clear the filters and start again" })).toHaveAttribute("href", "/compare");
    await page.context().clearCookies();
  });

  test("the JSON API answers its own 400 envelope, untouched by the page proxy", async ({ request }) => {
    const res = await request.get("/api/reports?year=abc");
    expect(res.status()).toBe(400);
    expect(res.headers()["content-type"]).toContain("application/json");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_filter");
    expect(body.error.message).toContain("year 必须是四位年份");
  });
});
