import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { getLang, htmlLang } from "@/lib/i18n";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "政务公开年报对比 · Disclosure Atlas", template: "%s · 政务公开年报对比" },
  description: "把政府信息公开工作年度报告变成可比较的数据 — turns China's government information disclosure annual reports into comparable data.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const lang = await getLang();
  return (
    <html lang={htmlLang(lang)}>
      <body className="flex min-h-screen flex-col">
        <SiteHeader lang={lang} />
        <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">{children}</main>
        <footer className="border-t border-slate-200 py-4 text-center text-xs text-slate-500">
          {lang === "zh" ? "数据来自各机关公开的政府信息公开工作年度报告" : "Data from the annual government information disclosure reports published by each agency"}
        </footer>
      </body>
    </html>
  );
}
