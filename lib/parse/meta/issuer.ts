/**
 * Splits a title's issuer into the places it names and the body that follows:
 *   北京市通州区于家务回族乡人民政府 → [北京市][通州区][于家务回族乡] + 人民政府
 *   济宁高新区王因街道办事处         → [济宁(市)][高新区 (zone)][王因街道] + 办事处
 *   平潭综合实验区公安局             → [平潭综合实验区 (zone)] + 公安局
 *   沐阳县人民政府                   → [沭阳县 (OCR-corrected)] + 人民政府
 * Each place is matched against the national division index, narrowed by the places before it.
 */
import {
  ancestorAt,
  divisionIndex,
  findByName,
  findByNameOrAlias,
  isWithin,
  type Division,
  type DivisionLevel,
} from "./divisions";
import { contextScore } from "./context";

export interface PlaceSegment {
  /** The place's name as it should be reported (after any OCR correction). */
  text: string;
  /** The characters as printed. */
  printed: string;
  type: "division" | "zone" | "unknown";
  /** Units this segment may be, narrowed by the segments before it; empty when unknown. */
  divisions: Division[];
  /** The level this place sits at (from the unit found, or from its suffix). */
  level: DivisionLevel | "zone";
  /** in-city: a county-level zone inside a city (济宁高新区); own: a zone named after a county it replaces (平潭综合实验区). */
  zonePlacement?: "in-city" | "own";
  /** The zone's text is only a generic word (高新区) that needs its city's name to be a name. */
  generic?: boolean;
  /** For an "own" zone: the province of the county it is named after. */
  province?: string | null;
}

export interface ParsedIssuer {
  /** Words before the first place, e.g. 国家税务总局 of 国家税务总局淮安市税务局; usually "". */
  prefix: string;
  segments: PlaceSegment[];
  /** What follows the places: 人民政府, 办事处, 公安局, 人民政府办公厅, "" … */
  body: string;
  /** The county a city bureau's branch serves: 北仑 of 宁波市生态环境局北仑分局. */
  branch?: PlaceSegment;
  warnings: string[];
}

const ZONE_WORDS = [
  "综合实验区",
  "综合试验区",
  "高新技术产业开发区",
  "高新技术开发区",
  "经济技术开发区",
  "经济开发区",
  "高新区",
  "经开区",
  "工业园区",
  "产业园区",
  "开发区",
  "新区",
  "自贸区",
  "保税区",
  "管理区",
  "示范区",
  "实验区",
  "试验区",
  "度假区",
  "风景区",
];
const ZONE = new RegExp(`^([\\u4e00-\\u9fa5]{0,8}?)(${ZONE_WORDS.join("|")})`);

function zoneKey(word: string): RegExp {
  if (/高新/.test(word)) return /高新/;
  if (/经开|经济/.test(word)) return /经济(技术)?开发区|经开/;
  return new RegExp(word);
}

/** What may follow a short form (丰台, 淮安) for it to be read as a place, not part of a word. */
const AFTER_ALIAS = /^(人民政府|政府|党委|管委会|$)/;
/** Names of places the index lacks (new towns, OCR errors), recognised by their suffix. */
// Letters and × stand for names withheld in samples and templates (XX镇, ××县).
const UNKNOWN_TOWNSHIP = /^([\u4e00-\u9fa5A-Za-z×]{1,8}?(?:街道|民族乡|乡|镇|苏木))(?=办事处|办|人民政府|政府|党委|党工委|$)/;
/**
 * A unit of a township the index lacks (新星街道综合执法队, 星河镇卫生院), read only after a place
 * and only for 街道/镇 with a stem of two characters or more that does not end in 城 or 乡, so the
 * words of a department (城乡建设局, 小城镇建设办公室) are never taken for a township.
 */
const UNKNOWN_TOWNSHIP_UNIT =
  /^([\u4e00-\u9fa5A-Za-z×]{2,8}?(?:街道|镇))(?=[\u4e00-\u9fa5]{0,12}(?:队|院|所|站|中心|办公室|委员会|服务社)$)/;
const UNKNOWN_COUNTY = /^([\u4e00-\u9fa5A-Za-z×]{1,6}?(?:自治县|县|区|市|旗))/;
const AFTER_UNKNOWN_COUNTY = /^(人民政府|政府|$)/;

/** Pairs of characters OCR confuses in place names (one stroke apart). */
const OCR_CONFUSABLE_PAIRS = [
  "沐沭",
  "毫亳",
  "睢雎",
  "淅浙",
  "泸沪",
  "茌茬",
  "汨汩",
  "己已",
  "未末",
  "土士",
  "日曰",
  "戍戌",
  "大太",
  "于干",
  "王玉",
  "泗泅",
  "栾滦",
  "郧陨",
  "邗刊",
  "崂涝",
];

function confusable(a: string, b: string): boolean {
  return OCR_CONFUSABLE_PAIRS.some((pair) => pair.includes(a) && pair.includes(b) && a !== b);
}

/** Divisions narrowed to those inside the previous segment's units, when that leaves any. */
function narrow(found: Division[], previous: PlaceSegment | undefined): Division[] {
  if (!previous || previous.divisions.length === 0) return found;
  const inside = found.filter((division) =>
    previous.divisions.some((ancestor) => division !== ancestor && isWithin(division, ancestor)),
  );
  return inside.length > 0 ? inside : found;
}

function levelOf(divisions: Division[], fallback: DivisionLevel): DivisionLevel {
  const levels = new Set(divisions.map((division) => division.level));
  return levels.size === 1 ? [...levels][0] : fallback;
}

function levelFromSuffix(name: string): DivisionLevel {
  if (/(街道|乡|镇|苏木)$/.test(name)) return "township";
  if (/(省|自治区)$/.test(name)) return "province";
  if (/(自治州|地区|盟)$/.test(name)) return "city";
  return "county";
}

export function parseIssuer(issuer: string, context: string): ParsedIssuer {
  // 中共X委: a party organ; its place still tells the region.
  const party = /^(中共|中国共产党)/.exec(issuer)?.[0];
  if (party) return parseFrom(issuer, party.length, context);
  const parsed = parseFrom(issuer, 0, context);
  if (parsed.segments.length > 0) return withBranch(parsed);
  // 国家税务总局淮安市税务局, 中共平潭综合实验区工委: words before the first place.
  for (let start = 1; start <= issuer.length - 2; start += 1) {
    const full = matchFullName(issuer.slice(start), undefined);
    const zone = full ? null : ZONE.exec(issuer.slice(start));
    if ((full && full.level !== "township") || (zone && zone[1].length >= 2)) {
      const later = parseFrom(issuer, start, context);
      if (later.segments.some((segment) => segment.divisions.length > 0 || segment.province)) return later;
    }
  }
  return parsed;
}

/** 宁波市生态环境局北仑分局, 杭州市公安局西湖区分局: a city bureau's office for one of its counties. */
const BRANCH = /^[\u4e00-\u9fa5]{1,20}?(?:局|委员会|委)([\u4e00-\u9fa5]{2,8}?)分局$/;

function withBranch(parsed: ParsedIssuer): ParsedIssuer {
  const match = BRANCH.exec(parsed.body);
  const city = parsed.segments[parsed.segments.length - 1];
  if (!match || !city || city.divisions.length === 0) return parsed;
  const counties = findByNameOrAlias(match[1], city.divisions).filter((division) => division.level === "county");
  if (counties.length !== 1) return parsed;
  const branch: PlaceSegment = { text: counties[0].name, printed: match[1], type: "division", divisions: counties, level: "county" };
  return { ...parsed, branch };
}

function parseFrom(issuer: string, start: number, context: string): ParsedIssuer {
  const segments: PlaceSegment[] = [];
  const warnings: string[] = [];
  let position = start;
  while (position < issuer.length) {
    const rest = issuer.slice(position);
    const previous = segments[segments.length - 1];
    // 北京市朝阳区人民政府三里屯街道办事处: the county's 人民政府 only links two places.
    const link = /^(人民政府|政府)/.exec(rest)?.[0];
    if (link && segments.length > 0) {
      const after = rest.slice(link.length);
      if (after && (startsWithPlace(after) || UNKNOWN_TOWNSHIP.test(after))) {
        position += link.length;
        continue;
      }
    }
    // matchZone may add the city's segment itself (济宁 of 济宁高新区) before returning the zone.
    const countBefore = segments.length;
    const segment =
      matchFullName(rest, previous, warnings) ??
      matchZone(rest, previous, segments) ??
      matchAlias(rest, previous, warnings) ??
      matchUnknown(rest, previous, context, warnings);
    if (!segment) break;
    segments.push(segment);
    for (const added of segments.slice(countBefore)) position += added.printed.length;
  }
  return { prefix: issuer.slice(0, start), segments, body: issuer.slice(position), warnings };
}

/** NBS names a few township-level units by a bare zone word (高新区, 开发区): never a match. */
const BARE_ZONE = new RegExp(`^(${ZONE_WORDS.join("|")})$`);

/**
 * What follows a name that makes it only the start of a township's name: 和县 of 和县镇, 城区 of
 * 城区乡, 南县 of 南县镇 (a new town whose name begins with a county's).
 */
const TOWNSHIP_SUFFIX_AFTER = /^(街道|民族乡|乡|镇|苏木)(办事处|办|人民政府|政府|党委|党工委|$)/;

/** A matched place's units: within the place before it; a county rather than NBS's odd township namesake. */
function placeSegment(
  name: string,
  found: Division[],
  previous: PlaceSegment | undefined,
  warnings: string[],
  fallbackLevel: DivisionLevel,
): PlaceSegment | null {
  let divisions = narrow(found, previous);
  if (divisions === found && previous && previous.divisions.length > 0 && found.every((d) => d.level === "township")) {
    // NBS township-level rows named like bodies (林业局, 农场, 开发区) elsewhere: here a body's words.
    if (levelFromSuffix(name) !== "township") return null;
    // 杭州市西湖区新安街道: the index's 新安街道 lie elsewhere. Townships are created and renamed
    // every year, so a township the title places in a known county is that county's new unit,
    // not a namesake in another province.
    warnings.push(
      `agency: ${name} is not listed under ${previous.text} in the 2023 division index; kept as printed (a new or renamed unit)`,
    );
    return { text: name, printed: name, type: "unknown", divisions: [], level: "township" };
  }
  // 东城区: 北京市东城区, and a township-level row of 许昌市魏都区 of the same name.
  const aboveTownship = divisions.filter((division) => division.level !== "township");
  if (levelFromSuffix(name) !== "township" && aboveTownship.length > 0) divisions = aboveTownship;
  return { text: name, printed: name, type: "division", divisions, level: levelOf(divisions, fallbackLevel) };
}

function matchFullName(
  rest: string,
  previous: PlaceSegment | undefined,
  warnings: string[] = [],
): PlaceSegment | null {
  for (let length = Math.min(rest.length, 24); length >= 2; length -= 1) {
    const name = rest.slice(0, length);
    if (BARE_ZONE.test(name)) continue;
    const found = findByName(name);
    if (found.length === 0) continue;
    if (TOWNSHIP_SUFFIX_AFTER.test(rest.slice(length))) continue;
    const segment = placeSegment(name, found, previous, warnings, levelFromSuffix(name));
    if (segment) return segment;
  }
  return null;
}

function matchAlias(rest: string, previous: PlaceSegment | undefined, warnings: string[] = []): PlaceSegment | null {
  const index = divisionIndex();
  for (let length = Math.min(rest.length, 10); length >= 2; length -= 1) {
    const alias = rest.slice(0, length);
    const found = index.byAlias.get(alias);
    if (!found) continue;
    const after = rest.slice(length);
    if (!AFTER_ALIAS.test(after) && !startsWithPlace(after)) continue;
    const segment = placeSegment(alias, found, previous, warnings, "county");
    if (segment) return segment;
  }
  return null;
}

function startsWithPlace(text: string): boolean {
  for (let length = Math.min(text.length, 24); length >= 2; length -= 1) {
    if (findByName(text.slice(0, length)).length > 0 && !TOWNSHIP_SUFFIX_AFTER.test(text.slice(length))) return true;
  }
  const zone = ZONE.exec(text);
  return zone !== null && !TOWNSHIP_SUFFIX_AFTER.test(text.slice(zone[0].length));
}

function matchZone(rest: string, previous: PlaceSegment | undefined, segments: PlaceSegment[]): PlaceSegment | null {
  const match = ZONE.exec(rest);
  if (!match || TOWNSHIP_SUFFIX_AFTER.test(rest.slice(match[0].length))) return null;
  const [whole, prefix, word] = match;
  const key = zoneKey(word);
  /** NBS lists some zones as county-level units (济宁高新技术产业开发区): find the one meant. */
  const zonesIn = (parents: Division[], ownName: string) =>
    divisionIndex().counties.filter(
      (county) =>
        key.test(county.name) &&
        (ownName === "" || county.name.includes(ownName)) &&
        parents.some((parent) => isWithin(county, parent)),
    );
  const inCity = (text: string, generic: boolean, parents: Division[], ownName: string): PlaceSegment => ({
    text,
    printed: text,
    type: "zone",
    divisions: zonesIn(parents, ownName),
    level: "zone",
    zonePlacement: "in-city",
    generic,
  });

  const parentCities = (previous?.divisions ?? []).filter(
    (division) => division.level === "city" || division.level === "province",
  );
  if (previous && parentCities.length > 0 && parentCities.length === previous.divisions.length) {
    // 济宁市高新区, 南京市江北新区: a zone inside the city (or municipality) just named.
    return { ...inCity(whole, prefix === "", parentCities, prefix), text: prefix === "" ? word : whole };
  }
  if (prefix === "") {
    return { text: word, printed: whole, type: "zone", divisions: [], level: "zone", zonePlacement: "own", generic: true };
  }
  // 济宁高新区, 南京徐庄高新技术产业开发区: a city's short form, then the zone's own name.
  for (let length = prefix.length; length >= 2; length -= 1) {
    const lead = prefix.slice(0, length);
    const named = narrow(findByNameOrAlias(lead), previous);
    const cities = named.filter((division) => division.level === "city");
    // 长沙经济技术开发区: 长沙 is 长沙市, and 长沙县 (inside it) only by its short form.
    if (cities.length === 0 || !named.every((division) => cities.some((city) => isWithin(division, city)))) continue;
    segments.push({ text: lead, printed: lead, type: "division", divisions: cities, level: "city" });
    const own = prefix.slice(length);
    return own === "" ? inCity(word, true, cities, "") : inCity(own + word, false, cities, own);
  }
  // 平潭综合实验区: a zone named after a county it replaces; only the province is certain.
  const named = narrow(findByNameOrAlias(prefix), previous);
  const provinces = new Set(named.map((division) => ancestorAt(division, "province")?.name ?? null));
  let province = provinces.size === 1 ? [...provinces][0] : null;
  // 河北雄安新区, 重庆两江新区: a province's (or municipality's) short form, then the zone's name.
  for (let length = prefix.length - 1; !province && named.length === 0 && length >= 2; length -= 1) {
    const lead = findByNameOrAlias(prefix.slice(0, length)).filter((division) => division.level === "province");
    if (lead.length === 1) province = lead[0].name;
  }
  return { text: whole, printed: whole, type: "zone", divisions: [], level: "zone", zonePlacement: "own", province };
}

function matchUnknown(
  rest: string,
  previous: PlaceSegment | undefined,
  context: string,
  warnings: string[],
): PlaceSegment | null {
  // A misread county first (沐阳县钱集镇 is 沭阳县 + 钱集镇, not a township called 沐阳县钱集镇).
  const countyMatch = UNKNOWN_COUNTY.exec(rest)?.[1];
  // 海安市街道: a county's name at the start of a township's is no county.
  const county = countyMatch && !TOWNSHIP_SUFFIX_AFTER.test(rest.slice(countyMatch.length)) ? countyMatch : undefined;
  if (county && county.length >= 3) {
    const correction = correctOcr(county, levelFromSuffix(county), previous, context);
    if (correction) return corrected(county, correction, warnings);
  }
  // XX县XX镇: an unknown county before a township is a place of its own. Three characters at
  // least, and never before an ethnic suffix: 红旗 of 红旗民族乡 is a word, not a banner (旗).
  const afterCounty = county ? rest.slice(county.length) : "";
  if (county && county.length >= 3 && UNKNOWN_TOWNSHIP.test(afterCounty) && !/^([\u4e00-\u9fa5]{0,3}族)(乡|镇)/.test(afterCounty)) {
    return { text: county, printed: county, type: "unknown", divisions: [], level: levelFromSuffix(county) };
  }
  // 魏善庄地区(办事处) under a county: Beijing's township-level 地区, never a prefecture there.
  const area = previous?.level === "county" ? /^([\u4e00-\u9fa5]{2,6}?地区)(?=办事处|$)/.exec(rest)?.[1] : undefined;
  if (area) return { text: area, printed: area, type: "unknown", divisions: [], level: "township" };
  const unit = previous ? UNKNOWN_TOWNSHIP_UNIT.exec(rest)?.[1] : undefined;
  const township = UNKNOWN_TOWNSHIP.exec(rest)?.[1] ?? (unit && !/[城乡](?:街道|镇)$/.test(unit) ? unit : undefined);
  if (township) {
    const correction = correctOcr(township, "township", previous, context);
    if (correction) return corrected(township, correction, warnings);
    return { text: township, printed: township, type: "unknown", divisions: [], level: "township" };
  }
  // An unknown 县/区/市 must end the places (XX县人民政府); inside a longer run of words 区 and
  // 市 are too common to be taken for a place.
  if (county && AFTER_UNKNOWN_COUNTY.test(rest.slice(county.length))) {
    return { text: county, printed: county, type: "unknown", divisions: [], level: levelFromSuffix(county) };
  }
  return null;
}

function corrected(
  printed: string,
  { division, reason }: { division: Division; reason: string | null },
  warnings: string[],
): PlaceSegment {
  warnings.push(
    `agency: "${printed}" is not a known place; read as ${division.name} (${regionLabel(division)}), one character away${
      reason ? `; ${reason}` : ""
    } (likely an OCR error)`,
  );
  return { text: division.name, printed, type: "division", divisions: [division], level: division.level };
}

function regionLabel(division: Division): string {
  const names: string[] = [];
  for (let node = division.parent; node; node = node.parent) if (!node.placeholder) names.unshift(node.name);
  return names.join(" ") || division.name;
}

function oneCharApart(a: string, b: string): number {
  if (a.length !== b.length) return -1;
  let at = -1;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}

function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count += 1;
  return count;
}

/** Column names OCR and PDF-to-Markdown tools give tables they could not read (| 数据1 | 数据2 |). */
const OCR_TABLE_HEADER = /\|(?:数据|列|Column|column)\d+\|/;

/**
 * Whether the text shows signs of OCR: the generic column names OCR tools give a table they
 * recognised. (A place printed in two spellings, 沐阳 beside 沭阳, is weighed by correctOcr itself.)
 */
export function looksOcrd(context: string): boolean {
  return OCR_TABLE_HEADER.test(context);
}

/**
 * A name the index lacks that is one character (not the suffix) away from a real unit of the same
 * level, inside the places named before it.
 *
 * County-level names change rarely and are printed in every report of a county, so a county-level
 * name is corrected when a single unit remains after the text's other place names and the
 * OCR-confusable pairs have been weighed (沐阳县 → 沭阳县).
 *
 * Townships and streets are created, merged and renamed every year, after the 2023 index: a
 * township printed clearly is kept as printed (民丰街道 stays 民丰街道 though 玉丰街道 lies in the
 * same district). It is corrected only on the text's own evidence: the real name printed in the
 * report more often than the variant, or an OCR look-alike pair in a text that looks OCR'd.
 */
function correctOcr(
  printed: string,
  level: DivisionLevel,
  previous: PlaceSegment | undefined,
  context: string,
): { division: Division; reason: string | null } | null {
  const index = divisionIndex();
  const pool =
    level === "township"
      ? previous && previous.divisions.length > 0
        ? index.all.filter(
            (division) =>
              division.level === "township" && previous.divisions.some((parent) => isWithin(division, parent)),
          )
        : [] // 41,000 townships nationwide: a one-character match alone is never certain.
      : index.counties.filter(
          (division) => !previous || previous.divisions.length === 0 || previous.divisions.some((p) => isWithin(division, p)),
        );
  const near = pool.filter((division) => {
    const at = oneCharApart(division.name, printed);
    return at >= 0 && at < printed.length - 1;
  });
  if (near.length === 0) return null;
  const isLookalike = (division: Division) => {
    const at = oneCharApart(division.name, printed);
    return confusable(division.name[at], printed[at]);
  };
  if (level === "township") {
    const printedCount = occurrences(context, printed);
    const ocrd = looksOcrd(context);
    const supported = near
      .map((division) => {
        const realCount = occurrences(context, division.name);
        if (realCount > printedCount) {
          return { division, reason: `the text itself prints ${division.name} ${realCount} time(s)` };
        }
        if (ocrd && isLookalike(division)) {
          const at = oneCharApart(division.name, printed);
          return { division, reason: `${printed[at]} and ${division.name[at]} are a common OCR confusion and the text looks OCR'd` };
        }
        return null;
      })
      .filter((entry): entry is { division: Division; reason: string } => entry !== null);
    return supported.length === 1 ? supported[0] : null;
  }
  if (near.length === 1) return { division: near[0], reason: null };
  const scored = near.map((division) => ({ division, score: contextScore(division, context) }));
  const best = Math.max(...scored.map((entry) => entry.score));
  if (best > 0) {
    const top = scored.filter((entry) => entry.score === best);
    if (top.length === 1) return { division: top[0].division, reason: "the only one the text's other place names support" };
  }
  const lookalike = near.filter(isLookalike);
  if (lookalike.length === 1) {
    const at = oneCharApart(lookalike[0].name, printed);
    return { division: lookalike[0], reason: `${printed[at]} and ${lookalike[0].name[at]} are a common OCR confusion` };
  }
  return null;
}
