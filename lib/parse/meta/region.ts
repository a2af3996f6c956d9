/**
 * The region of a report's body: what its title names, completed by the national division codes
 * where they make it certain (东高地街道 → 北京市 丰台区), decided by the text's other place names
 * where a name repeats nationwide, and otherwise left open with the candidates listed.
 * A street or township the 2023 index does not list (new every year) is placed in the county the
 * report's own text names (民丰街道 … 在细河区委、区政府的领导下 → 辽宁省 阜新市 细河区), with a warning.
 */
import type { ParsedRegion } from "../types";
import { contextScore } from "./context";
import { ancestorAt, divisionIndex, isWithin, regionOf, type Division } from "./divisions";
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
  const innermost = segments[segments.length - 1];
  const newTownship = innermost?.type === "unknown" && innermost.level === "township" ? innermost : null;
  if (!anchor) {
    // 民丰街道 alone in the title, a street the index does not list yet: its county is the one
    // the report's own text names (在细河区委、区政府的领导下…), when the title names no other.
    if (newTownship && segments.length === 1) {
      const placed = placeByText(newTownship.text, context, [], warnings);
      if (placed) return { region: placed, warnings };
    }
    return { region: { ...EMPTY, province: ownZone?.province ?? null }, warnings };
  }
  if (newTownship && anchor === segments[segments.length - 2] && anchor.divisions.every((d) => d.level === "city" || d.level === "province")) {
    // 阜新市民丰街道: the title names the city, the text the county.
    const placed = placeByText(newTownship.text, context, anchor.divisions, warnings);
    if (placed) return { region: placed, warnings };
  }

  if (
    anchor === innermost &&
    segments.length === 1 &&
    anchor.level === "township" &&
    anchor.divisions.every((division) => contextScore(division, context, { levelWords: false }) === 0)
  ) {
    // 新安街道 (×9 in the index) or 宁安街道 (×1, 石家庄市新华区) alone in the title, while the text
    // names 西湖区 and none of the index's places of that name: a new street of that name there
    // (the 2023 index predates it). A text that names no county leaves the index's answer.
    const placed = placeByText(anchor.text, context, [], warnings, anchor.divisions.length);
    if (placed) return { region: placed, warnings };
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

/** County-level names that are ordinary words as well (城区, 郊区, 矿区, 东区). */
const GENERIC_COUNTY_NAME = /^.区$/;
const COUNTY_ENDINGS = new Set(["区", "县", "市", "旗"]);

/**
 * County-level units the text names by their full names, each with how often: the text is read
 * once, each 区/县/市/旗 taken as the end of the longest name the index knows there.
 */
export function countiesNamedIn(context: string, within: Division[] = []): Map<Division, number> {
  const { byName } = divisionIndex();
  const mentions = new Map<Division, number>();
  for (let end = 1; end < context.length; end += 1) {
    if (!COUNTY_ENDINGS.has(context[end])) continue;
    for (let length = Math.min(12, end + 1); length >= 2; length -= 1) {
      const name = context.slice(end - length + 1, end + 1);
      const found = byName.get(name);
      if (!found) continue;
      if (found.every((division) => division.level === "township")) continue;
      if (GENERIC_COUNTY_NAME.test(name)) break;
      for (const division of found) {
        if (division.level !== "county" || division.placeholder) continue;
        if (within.length > 0 && !within.some((parent) => isWithin(division, parent))) continue;
        mentions.set(division, (mentions.get(division) ?? 0) + 1);
      }
      break;
    }
  }
  return mentions;
}

/**
 * The county of a township the index does not list (or lists only elsewhere), from the county the
 * report's text names most, its city and province weighed in: null unless one county stands out.
 */
function placeByText(
  township: string,
  context: string,
  within: Division[],
  warnings: string[],
  namesakes = 0,
): ParsedRegion | null {
  const named = [...countiesNamedIn(context, within)].map(([division, count]) => ({
    division,
    score: 2 * count + contextScore(division, context),
  }));
  if (named.length === 0) return null;
  named.sort((a, b) => b.score - a.score);
  if (named.length > 1 && named[0].score === named[1].score) return null;
  const county = named[0].division;
  const { province, city, code } = regionOf(county);
  warnings.push(
    `region: ${township} is ${
      namesakes === 0
        ? "not in the 2023 division index"
        : `listed in the 2023 division index only in ${namesakes === 1 ? "one place" : `${namesakes} places`} the text never names`
    }; placed in ${describe(county)}, the county the text names`,
  );
  return { province, city, county: county.name, code };
}
