/**
 * The dashboard scenario of issue 5 ("Done when"), in Chromium, on data loaded through the ingest path:
 * open compare, change filters (the URL and the charts change), roll up by county, go back, open an
 * agency and its trend, open a report whose broken relation is visible, download the CSV and check it
 * holds exactly the filtered reports with a BOM. Screenshots of each page go to test-results/dashboard/.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const PASSWORD = process.env.ADMIN_PASSWORD ?? "e2e-password";
const FIXTURES = path.resolve("lib/parse/__fixtures__");
const SHOTS = path.resolve("test-results/dashboard");

/**
 * Distinct agencies, counties and years: the five seeds (five provinces, 2023/2024) and real reports of
 * 淮安市 (city, 2024), its 洪泽区 (2023 with broken 行政复议/诉讼 totals, 2024), 沭阳县 (2025), 上海市
 * (2019) and 平潭 (2019, 2020 with broken outcome totals, 2022 — 2021 missing; and two departments).
 */
const CORPUS = [
  "001_huaian_city_gov_2024_pdf_pypdf.txt",
  "004_hongze_district_gov_2023_pdf_pypdf.txt",
  "005_hongze_district_gov_2024_pdf_pypdf.txt",
  "013_shuyang_county_gov_2025_ocr_md.txt",
  "016_shanghai_municipal_gov_office_2019_html_in_js.txt",
  "003_pingtan_zone_2019_flattext.txt",
  "026_pingtan_zone_2020_flattext.txt",
  "020_pingtan_zone_2022_flattext.txt",
  "009_pingtan_public_security_bureau_2022_flattext.txt",
  "011_pingtan_finance_bureau_2020_spacesep.txt",
];

interface UploadResult {
  file: string;
  ok: boolean;
  reportId?: number;
  year?: number;
  agency?: { id?: number; name: string };
  error?: { code: string; message: string };
}

async function uploadFixtures(request: APIRequestContext): Promise<UploadResult[]> {
  const seeds = readdirSync(path.join(FIXTURES, "seeds")).filter((f) => f.endsWith(".txt")).map((f) => path.join("seeds", f));
  const files = [...seeds, ...CORPUS.map((f) => path.join("corpus", f))];
  const res = await request.post("/api/reports", {
    headers: { Authorization: `Bearer ${PASSWORD}` },
    // Repeated `file` fields, as the upload page sends them.
    multipart: formWithFiles(files),
    timeout: 120_000,
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { results: UploadResult[] };
  return body.results;
}

function formWithFiles(files: string[]): FormData {
  const form = new FormData();
  for (const f of files) {
    const bytes = readFileSync(path.join(FIXTURES, f));
    form.append("file", new Blob([bytes], { type: "text/plain" }), path.basename(f));
  }
  return form;
}

async function shot(page: Page, name: string) {
  // Charts are drawn after hydration; wait until every chart frame that has data shows its drawing.
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** A chart frame by its caption, and the names in its table (rendered on the server, present in chart view too). */
function figure(page: Page, title: string) {
  return page.getByRole("figure", { name: title, exact: true });
}

async function rowNames(page: Page, title: string): Promise<string[]> {
  const names = await figure(page, title).locator("table tbody tr th[scope=row]").allTextContents();
  return names.map((n) => n.trim());
}

/** How far the page is wider than the viewport (px); 0 or less when it fits. */
function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

test.describe.configure({ mode: "serial" });

test.describe("dashboard", () => {
  let results: UploadResult[] = [];

  test.beforeAll(async ({ request }) => {
    results = await uploadFixtures(request);
    const failed = results.filter((r) => !r.ok);
    expect(failed, JSON.stringify(failed)).toEqual([]);
  });

  test("compare: filters change the URL and the charts, roll-up by county, back button, agency, trend, report, CSV", async ({ page }) => {
    const hongze2023 = results.find((r) => r.file.startsWith("004_hongze"));
    const hongze2024 = results.find((r) => r.file.startsWith("005_hongze"));
    const huaian2024 = results.find((r) => r.file.startsWith("001_huaian"));
    expect(hongze2023?.reportId && hongze2024?.reportId && huaian2024?.reportId).toBeTruthy();

    await page.goto("/compare?year=2024");
    await expect(page.getByRole("heading", { level: 1, name: "对比" })).toBeVisible();
    await expect(page.getByTestId("compare-year")).toContainText("2024");
    const newApps = "本年新收申请（总计）";
    const before = await rowNames(page, newApps);
    // 2024 has reports outside 江苏 (the seed 西市场街道 in 河南).
    expect(before).toEqual(expect.arrayContaining(["淮安市人民政府", "洪泽区人民政府", "西市场街道"]));
    await expect(figure(page, newApps).getByTestId("chart-area")).toBeVisible();
    await shot(page, "compare-2024");

    // Change a filter: the URL changes, and so do the charts.
    await page.getByRole("combobox", { name: "省", exact: true }).selectOption("江苏省");
    await expect(page).toHaveURL(/province=%E6%B1%9F%E8%8B%8F%E7%9C%81/);
    await expect.poll(() => rowNames(page, newApps)).toEqual(expect.arrayContaining(["淮安市人民政府", "洪泽区人民政府"]));
    const after = await rowNames(page, newApps);
    expect(after).not.toContain("西市场街道");
    expect(after).toHaveLength(2);
    // The drawing follows: one bar per agency.
    await expect(figure(page, newApps).locator(".recharts-bar-rectangle")).toHaveCount(2);

    // Each chart can be switched to its table, and back.
    const outcomes = figure(page, "办理结果（可切换数量 / 占比）");
    await outcomes.getByRole("button", { name: "表格", exact: true }).click();
    await expect(outcomes.getByRole("table")).toBeVisible();
    await expect(outcomes.getByTestId("chart-area")).toHaveCount(0);
    await outcomes.getByRole("button", { name: "占比", exact: true }).click();
    await expect(outcomes.getByRole("table")).toContainText("%");
    await outcomes.getByRole("button", { name: "图表", exact: true }).click();
    await expect(outcomes.getByTestId("chart-area")).toBeVisible();

    // The CSV link carries the same filters; the file holds exactly the filtered reports, with a BOM.
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: /下载 CSV/ }).click();
    const download = await downloadPromise;
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString("utf8")).filter((r) => r.some((c) => c !== ""));
    const header = rows[0];
    const idCol = header.indexOf("report_id");
    const yearCol = header.indexOf("year");
    const provinceCol = header.indexOf("province");
    expect(idCol).toBeGreaterThanOrEqual(0);
    const csvIds = rows.slice(1).filter((r) => /^\d+$/.test(r[idCol])).map((r) => Number(r[idCol]));
    for (const r of rows.slice(1).filter((x) => /^\d+$/.test(x[idCol]))) {
      expect(r[yearCol]).toBe("2024");
      expect(r[provinceCol]).toBe("江苏省");
    }
    const listed = await page.request.get("/api/reports?year=2024&province=江苏省&pageSize=500");
    expect(listed.status()).toBe(200);
    const listIds = ((await listed.json()) as { reports: Array<{ reportId: number }> }).reports.map((r) => r.reportId);
    expect([...csvIds].sort((a, b) => a - b)).toEqual([...listIds].sort((a, b) => a - b));
    expect(csvIds).toEqual(expect.arrayContaining([hongze2024!.reportId!, huaian2024!.reportId!]));
    expect(csvIds).not.toContain(hongze2023!.reportId);

    // Roll up by county: 洪泽区 and the city's own bodies (淮安市本级).
    await page.getByRole("combobox", { name: "汇总方式" }).selectOption("county");
    await expect(page).toHaveURL(/groupBy=county/);
    await expect.poll(() => rowNames(page, newApps)).toEqual(expect.arrayContaining(["洪泽区", "淮安市本级"]));
    await expect(page.getByTestId("compare-year")).toContainText("按区县汇总");
    await shot(page, "compare-jiangsu-by-county");

    // The back button returns to the agency view of the same filters.
    await page.goBack();
    await expect(page).not.toHaveURL(/groupBy=/);
    await expect(page).toHaveURL(/province=/);
    await expect.poll(() => rowNames(page, newApps)).toEqual(expect.arrayContaining(["洪泽区人民政府"]));

    // Open an agency from a chart's table view, and its trend.
    await figure(page, newApps).getByRole("button", { name: "表格", exact: true }).click();
    await figure(page, newApps).getByRole("link", { name: "洪泽区人民政府" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "洪泽区人民政府" })).toBeVisible();
    await expect(page.getByRole("link", { name: "2023 年报告" })).toBeVisible();
    await expect(page.getByRole("link", { name: "2024 年报告" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "趋势" })).toBeVisible();
    const agencyTrend = figure(page, "本年新收申请 · 办理总计");
    await expect(agencyTrend.locator("table")).toContainText("2023");
    await expect(agencyTrend.locator("table")).toContainText("2024");
    await shot(page, "agency-hongze");

    await page.getByRole("link", { name: "在趋势页查看更多指标" }).click();
    await expect(page).toHaveURL(/\/trends\?agency=\d+/);
    const rate = figure(page, "公开率");
    await expect(rate.locator("table thead")).toContainText("洪泽区人民政府");
    await expect(rate.locator("table tbody")).toContainText("2023");
    await expect(rate.getByTestId("chart-area")).toBeVisible();
    await shot(page, "trends-hongze");

    // A report whose broken relation is visible, with both sides.
    await page.goBack();
    await page.getByRole("link", { name: "2023 年报告" }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/${hongze2023!.reportId}$`));
    await expect(page.getByText(/本报告有 \d+ 处勾稽关系不符/)).toBeVisible();
    const broken = page.getByRole("listitem").filter({ hasText: "行政复议：维持 + 纠正 + 其他 + 尚未审结 = 11，总计 = 0" });
    await expect(broken).toBeVisible();
    // Both sides marked in the table, with words and not colour only.
    for (const key of ["review.upheld", "review.corrected", "review.total"]) {
      const cell = page.locator(`td[data-key="${key}"]`);
      await expect(cell).toHaveAttribute("data-broken", /\d/);
      await expect(cell.getByRole("link", { name: /勾稽关系不符，见第/ })).toHaveCount(1);
    }
    await expect(page.locator('td[data-key="apps.new.natural"]')).not.toHaveAttribute("data-broken", /./);
    await expect(page.getByRole("link", { name: /下载原始文件/ })).toHaveAttribute("href", /\/api\/files\/\d+/);
    await expect(page.getByRole("heading", { name: "版本历史" })).toBeVisible();
    await shot(page, "report-hongze-2023");

    // The report page's CSV holds that one report.
    const reportDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: /下载 CSV/ }).click();
    const one = parseCsv(readFileSync(await (await reportDownload).path()).subarray(3).toString("utf8")).filter((r) => r.some((c) => c !== ""));
    const oneIds = one.slice(1).map((r) => r[one[0].indexOf("report_id")]).filter((v) => /^\d+$/.test(v));
    expect(oneIds).toEqual([String(hongze2023!.reportId)]);
  });

  test("trends bridge the 2019 and 2021 formats and mark the missing year and what is not comparable", async ({ page }) => {
    const pingtan = results.find((r) => r.file.startsWith("026_pingtan"));
    expect(pingtan?.agency?.id).toBeTruthy();
    await page.goto(`/trends?agency=${pingtan!.agency!.id}&metric=rules_in_force`);
    // 规章·现行有效 exists in the 2021 format only: the 2019-format years are marked, 2021 has no report.
    const inForce = figure(page, "规章·现行有效");
    await expect(inForce.locator('td[data-comparable="false"]')).toHaveCount(2);
    await expect(inForce.locator('td[data-missing="true"]')).toHaveCount(1);
    await expect(inForce.getByText("不可比", { exact: true }).first()).toBeVisible();
    // 行政处罚 is bridged: 2019 (处理决定数量 column) and 2022 on one comparable series.
    const penalty = figure(page, "行政处罚处理决定");
    await penalty.getByRole("button", { name: "表格", exact: true }).click();
    await expect(penalty.locator("tbody tr")).toHaveCount(4);
    await expect(penalty.locator('td[data-comparable="false"]')).toHaveCount(0);
    await expect(page.getByText(/此指标跨 2019 \/ 2021 两版格式衔接/).first()).toBeVisible();
    await shot(page, "trends-pingtan");
  });

  test("overview: coverage marks missing years, data quality lists broken rules, reports are listed", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "总览" })).toBeVisible();
    const matrix = page.getByTestId("coverage-matrix");
    // 平潭 reported 2019, 2020 and 2022: 2021 is missing, shown as missing (not zero).
    const pingtan = matrix.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "平潭综合实验区", exact: true }) });
    await expect(pingtan.locator('td[data-status="missing"]').first()).toHaveText("缺");
    await expect(pingtan.locator('td[data-status="reported"]')).toHaveCount(3);
    await expect(page.getByTestId("quality-by-rule")).toContainText("维持 + 纠正 + 其他 + 尚未审结 = 总计");
    await expect(page.getByTestId("report-list")).toContainText("沭阳县人民政府");
    await shot(page, "overview");

    // A range filter narrows the coverage span; the URL is the state.
    await page.getByRole("radio", { name: "年份区间" }).check();
    await page.getByRole("combobox", { name: "起始年份" }).selectOption("2019");
    await expect(page).toHaveURL(/from=2019/);
    await page.getByRole("combobox", { name: "结束年份" }).selectOption("2020");
    await expect(page).toHaveURL(/from=2019&to=2020/);
    await expect(page.getByTestId("report-list")).not.toContainText("沭阳县人民政府");
    await expect(page.getByTestId("report-list")).toContainText("上海市人民政府办公厅");
  });

  test("an invalid filter gets a clear message, an unknown id a 404", async ({ page }) => {
    await page.goto("/compare?year=20x3");
    await expect(page.getByRole("alert").filter({ hasText: "筛选条件无效" })).toContainText("year 必须是四位年份");
    const res = await page.goto("/reports/999999");
    expect(res?.status()).toBe(404);
    await expect(page.getByText("没有这份报告")).toBeVisible();
  });

  test("phone width: compare and a report are usable, in English too", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/compare?province=福建省&groupBy=county");
    await expect(page.getByTestId("compare-year")).toBeVisible();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, "compare-phone");
    await page.context().addCookies([{ name: "lang", value: "en", url: page.url() }]);
    const report = results.find((r) => r.file.startsWith("026_pingtan"));
    await page.goto(`/reports/${report!.reportId}`);
    await expect(page.getByRole("heading", { name: "Broken relations" })).toBeVisible();
    await expect(page.getByText(/Sum of the outcome rows = \d+; total handled = \d+/).first()).toBeVisible();
    // Wide tables scroll inside their own box; the page itself never scrolls sideways.
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, "report-pingtan-2020-en-phone");
  });
});
