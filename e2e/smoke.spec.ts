import { expect, test } from "@playwright/test";

test.describe("smoke", () => {
  test("health endpoint answers with the database status and counts", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.db).toBe("ok");
    expect(Number.isInteger(body.reports)).toBe(true);
    expect(Number.isInteger(body.agencies)).toBe(true);
    expect(body.reports).toBeGreaterThanOrEqual(0);
  });

  test("the layout shows the site name and the main navigation in Chinese", async ({ page }) => {
    await page.context().clearCookies();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    const banner = page.getByRole("banner");
    await expect(banner.getByText("政务公开年报对比", { exact: true })).toBeVisible();
    await expect(banner.getByText("Disclosure Atlas", { exact: true })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "主导航" });
    for (const name of ["总览", "对比", "趋势", "上传"]) {
      await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expect(nav.getByRole("link", { name: "总览", exact: true })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: "对比", exact: true }).click();
    await expect(page).toHaveURL(/\/compare$/);
    await expect(nav.getByRole("link", { name: "对比", exact: true })).toHaveAttribute("aria-current", "page");
  });

  test("the language switch changes the interface to English and back, and is remembered", async ({ page }) => {
    await page.context().clearCookies();
    await page.goto("/");
    const switcher = page.getByRole("group", { name: "界面语言" });
    await expect(switcher.getByRole("button", { name: "中文（简体）" })).toHaveAttribute("aria-pressed", "true");

    await switcher.getByRole("button", { name: "English" }).click();
    const mainNav = page.getByRole("navigation", { name: "Main" });
    await expect(mainNav.getByRole("link", { name: "Compare", exact: true })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect((await page.context().cookies()).find((c) => c.name === "lang")?.value).toBe("en");

    await page.reload();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trends", exact: true })).toBeVisible();

    await page.getByRole("group", { name: "Interface language" }).getByRole("button", { name: "中文（简体）" }).click();
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "趋势", exact: true })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });

  test("the layout fits a phone screen", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link", { name: "上传", exact: true })).toBeVisible();
    await expect(page.getByRole("group", { name: "界面语言" })).toBeInViewport();
    // The header itself never needs horizontal scrolling (the page content below is not this test's concern).
    const header = await page.getByRole("banner").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(header.scroll).toBeLessThanOrEqual(header.client);
  });
});
