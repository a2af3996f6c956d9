import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium as playwrightChromium, defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const TEST_DATA = path.resolve(".test-data");

// A fresh data folder per run (fresh database, fresh samples). Set once in the main process; workers
// inherit it through the environment, so every process agrees on it.
if (!process.env.E2E_DATA_DIR) {
  for (const name of existsSync(TEST_DATA) ? readdirSync(TEST_DATA) : []) {
    // Earlier runs' folders, unless their PostgreSQL is still up (a concurrent run).
    const dir = path.join(TEST_DATA, name);
    if (name.startsWith("e2e-") && !existsSync(path.join(dir, "pg", "postmaster.pid"))) rmSync(dir, { recursive: true, force: true });
  }
  process.env.E2E_DATA_DIR = path.join(TEST_DATA, `e2e-${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}`);
}

// Playwright's own browser where `npx playwright install` put one; where browsers cannot be downloaded (as
// here), Debian's chromium. PLAYWRIGHT_CHROMIUM_EXECUTABLE overrides both.
function playwrightOwnChromium(): boolean {
  try {
    return existsSync(playwrightChromium.executablePath());
  } catch {
    return false;
  }
}
const chromium =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ||
  (!playwrightOwnChromium() && existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "zh-CN",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromium
          ? {
              executablePath: chromium,
              args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            }
          : {},
      },
    },
  ],
  webServer: {
    command: `npm start -- -p ${PORT}`,
    url: `http://localhost:${PORT}/api/health`,
    env: { DATA_DIR: process.env.E2E_DATA_DIR, ADMIN_PASSWORD: "e2e-password", NEXT_TELEMETRY_DISABLED: "1" },
    reuseExistingServer: false,
    // A first start may have to build the app.
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the start script stop Next and then PostgreSQL cleanly between runs.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
