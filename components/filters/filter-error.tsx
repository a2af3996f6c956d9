/**
 * What a page shows for an invalid filter in its URL: every problem named, in the reader's language
 * first, and a way out — never a silent default.
 */
import type { ReactNode } from "react";
import type { FilterError } from "../../lib/filters/report-filters";
import type { Lang } from "./filter-params";

const messages = {
  zh: { title: "筛选条件无效", intro: "网址中的筛选参数有误，页面未显示任何数据：", reset: "清除筛选，重新开始" },
  en: { title: "Invalid filters", intro: "The filters in the address are not valid, so nothing is shown:", reset: "Clear the filters and start again" },
} as const;

/** With `heading`, the page's own title stays above the message (the page shows nothing else). */
export function FilterErrorMessage({ lang, error, resetHref, heading }: { lang: Lang; error: FilterError; resetHref: string; heading?: ReactNode }) {
  const m = messages[lang];
  return (
    <>
      {heading}
      <div role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900">
        <h2 className="mb-1 text-base font-semibold">{m.title}</h2>
        <p>{m.intro}</p>
        <ul className="my-2 list-disc pl-6">
          {error.issues.map((i, n) => (
            <li key={n}>
              {lang === "zh" ? i.messageZh : i.messageEn}
              <span className="ml-2 text-xs text-red-700">{lang === "zh" ? i.messageEn : i.messageZh}</span>
            </li>
          ))}
        </ul>
        <a href={resetHref} className="font-medium text-blue-800 underline">{m.reset}</a>
      </div>
    </>
  );
}
