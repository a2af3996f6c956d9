import type { Check } from "../../lib/report/relations";
import type { Lang } from "../filters/filter-params";
import { describeCheck } from "./report-table-model";

export type YearPairCheck = Check & { fromYear: number; toYear: number };

/** The broken relations between consecutive years of one agency, each with both sides; or the all-clear. */
export function AcrossYearsChecks({ checks, lang, noneText }: { checks: YearPairCheck[]; lang: Lang; noneText: string }) {
  const broken = checks.filter((c) => !c.ok);
  if (broken.length === 0) return <p className="text-sm text-green-800">✓ {noneText}</p>;
  return (
    <ul className="space-y-1 text-sm [overflow-wrap:anywhere]">
      {broken.map((c, i) => (
        <li key={i} className="rounded bg-amber-50 p-2">
          <span className="mr-1 font-semibold text-red-700">⚠ {c.fromYear}→{c.toYear}</span>
          {describeCheck(c, i + 1, lang).text}
        </li>
      ))}
    </ul>
  );
}
