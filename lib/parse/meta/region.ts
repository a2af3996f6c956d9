/**
 * The region of a report's body: what its title names, completed by the national division codes
 * where they make it certain (东高地街道 → 北京市 丰台区), decided by the text's other place names
 * where a name repeats nationwide, and otherwise left open with the candidates listed.
 */
import type { ParsedRegion } from "../types";
import { contextScore } from "./context";
import { ancestorAt, regionOf, type Division } from "./divisions";
import type { PlaceSegment } from "./issuer";

const MAX_CANDIDATES = 30;

export interface RegionReading {
  region: ParsedRegion;
  warnings: string[];
}

const EMPTY: ParsedRegion = { province: null, city: null, county: null };

function commonName(divisions: Division[], level: "province" | "city" | "county"): string | null {
  const names = new Set(divisions.map((division) => ancestorAt(division, level)?.name ?? null));
  return names.size === 1 ? [...names][0] : null;
}

export function resolveRegion(segments: PlaceSegment[], context: string): RegionReading {
  const warnings: string[] = [];
  // The innermost place the index knows.
  const anchor = [...segments].reverse().find((segment) => segment.divisions.length > 0) ?? null;
  // A zone inside a city (济宁高新区) is reported at county level under the name the text gives it;
  // a zone that stands for a former county (平潭综合实验区) is placed in its province only.
  const zoneInCity = segments.find((segment) => segment.type === "zone" && segment.zonePlacement === "in-city");
  const ownZone = segments.find((segment) => segment.type === "zone" && segment.zonePlacement === "own");
  if (!anchor) {
    return { region: { ...EMPTY, province: ownZone?.province ?? null }, warnings };
  }

  let chosen: Division | null = null;
  let candidates: Division[] = anchor.divisions;
  if (candidates.length === 1) {
    chosen = candidates[0];
  } else {
    const scored = candidates
      .map((division) => ({ division, score: contextScore(division, context) }))
      .sort((a, b) => b.score - a.score);
    candidates = scored.map((entry) => entry.division);
    if (scored[0].score > 0 && scored[0].score > scored[1].score) {
      chosen = scored[0].division;
      warnings.push(
        `region: ${anchor.text} is the name of ${scored.length} places; chose ${describe(chosen)} from the other place names in the text`,
      );
    }
  }

  let region: ParsedRegion;
  if (chosen) {
    const { province, city, county, code } = regionOf(chosen);
    region = { province, city, county: chosen.level === "city" || chosen.level === "province" ? null : county, code };
    if (chosen.level === "city") region.city = chosen.name;
  } else {
    region = {
      province: commonName(candidates, "province"),
      city: commonName(candidates, "city"),
      county: commonName(candidates, "county"),
      code: null,
      candidates: candidates.slice(0, MAX_CANDIDATES).map((division) => {
        const { province, city, county, code } = regionOf(division);
        return { province, city, county, code };
      }),
    };
    warnings.push(
      `region: ${anchor.text} is the name of ${candidates.length} places and the text does not say which` +
        (candidates.length > MAX_CANDIDATES ? ` (the ${MAX_CANDIDATES} most likely are listed)` : ""),
    );
  }
  if (zoneInCity && (region.city || region.province)) region.county = zoneInCity.text;
  return { region, warnings };
}

function describe(division: Division): string {
  const names: string[] = [];
  for (let node: Division | null = division; node; node = node.parent) if (!node.placeholder) names.unshift(node.name);
  return names.join(" ");
}
