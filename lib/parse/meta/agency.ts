/**
 * The reporting body from its parsed issuer: kind (government · department · street · township ·
 * town · other), level (province · city · county · township), a short name and a full name.
 *
 * Naming: the short name is the body at its own level, without the higher places the title may
 * prefix (淮安市洪泽区人民政府 → 洪泽区人民政府; 北京市通州区于家务回族乡人民政府 → 于家务回族乡);
 * a department keeps its government's place (杭州市西湖区教育局 → 西湖区教育局).
 */
import type { AgencyKind, AgencyLevel } from "../../report/catalog";
import type { ParsedAgency } from "../types";
import type { Division } from "./divisions";
import type { ParsedIssuer, PlaceSegment } from "./issuer";

const GOVERNMENT_BODY = /^(人民政府|政府|行政公署|行署)?(办公厅|办公室|办)?$/;
const ZONE_GOVERNMENT_BODY = /^(党工委|党工委、?管委会|党工委管委会|管委会|管理委员会|管委)?(办公室|办)?$/;
/** NBS lists some zones as county-level units under their own names (苏州工业园区). */
const ZONE_NAME = /(实验区|试验区|开发区|高新区|经开区|园区|新区|管理区|示范区|保税区)$/;
const TOWNSHIP_GOVERNMENT_BODY = /^(人民政府|政府|街道办事处|办事处|街道办|办|党委政府|党委、政府)?$/;
/** A body of a government: 局, 委员会, 委, 厅, 办公室, 署, 中心 … */
const DEPARTMENT_BODY = /(局|委员会|委|厅|办公室|办|署|中心|院|所|处|站|队|部|会|室)$/;

function placeLevel(segment: PlaceSegment): AgencyLevel {
  if (segment.level === "zone") return "county";
  if (segment.level !== "county" && segment.level !== "city") return segment.level;
  // County-level cities (昆山市) sit at county level; municipalities (北京市) are provinces.
  const levels = new Set(segment.divisions.map((division: Division) => division.level));
  if (levels.size === 1) return [...levels][0];
  return segment.level;
}

function townshipKind(name: string): AgencyKind {
  if (/街道$|地区$/.test(name)) return "street";
  if (/镇$/.test(name)) return "town";
  if (/(乡|苏木)$/.test(name)) return "township";
  return "other";
}

export function classifyAgency(parsed: ParsedIssuer, issuer: string): ParsedAgency & { warnings: string[] } {
  const warnings: string[] = [];
  const { segments } = parsed;
  // 平潭综合实验区（管委会）: brackets around the body's name change nothing.
  const body = parsed.body.replace(/[（）()]/g, "");
  const place = segments[segments.length - 1];
  if (!place) {
    // No place recognised: keep the body as printed; its level is a guess.
    const kind: AgencyKind = DEPARTMENT_BODY.test(issuer) ? "department" : "other";
    warnings.push(`agency: no place name recognised in "${issuer}"; level unknown, assumed county`);
    return { name: issuer, fullName: issuer, kind, level: "county", warnings };
  }

  // A city bureau's branch for one county (宁波市生态环境局北仑分局) works at county level.
  // NBS lists a few large zones as township-level rows of the county they lie in (北京经济技术开发区
  // under 大兴区, 天津港保税区 under 滨海新区); their management committees govern like a county.
  const townshipZone = place.level === "township" && ZONE_NAME.test(place.text);
  const level = parsed.branch || townshipZone ? "county" : placeLevel(place);
  if (parsed.prefix) {
    // A national system's local office or a party organ keeps its printed name whole.
    const kind: AgencyKind = !/^(中共|中国共产党)/.test(parsed.prefix) && DEPARTMENT_BODY.test(body) ? "department" : "other";
    return { name: issuer, fullName: issuer, kind, level, warnings };
  }
  const printedPlaces = segments.map((segment) => segment.text).join("");
  const fullPrinted = printedPlaces + body;

  if (level === "township") {
    const kind = townshipKind(place.text);
    if (TOWNSHIP_GOVERNMENT_BODY.test(body)) {
      const suffix = kind === "street" ? (/^(街道)?办(事处)?$/.test(body) || body === "" ? "办事处" : body) : body || "人民政府";
      return { name: place.text, fullName: place.text + suffix, kind, level, warnings };
    }
    // A unit of a township (镇卫生院, 街道综合执法队).
    return { name: place.text + body, fullName: place.text + body, kind: "other", level, warnings };
  }

  const placeName = place.type === "zone" ? zoneName(segments, place) : place.text;
  const isZone = place.type === "zone" || ZONE_NAME.test(place.text);
  if (isZone && ZONE_GOVERNMENT_BODY.test(body)) {
    return { name: placeName + body, fullName: placeName + (body || "管委会"), kind: "government", level, warnings };
  }
  if (GOVERNMENT_BODY.test(body)) {
    return { name: place.text + body, fullName: body ? fullPrinted : fullPrinted + "人民政府", kind: "government", level, warnings };
  }
  if (DEPARTMENT_BODY.test(body)) {
    return { name: placeName + body, fullName: fullPrinted, kind: "department", level, warnings };
  }
  warnings.push(`agency: "${body}" is not a recognised kind of body`);
  return { name: placeName + body, fullName: fullPrinted, kind: "other", level, warnings };
}

/** 济宁 + 高新区 → 济宁高新区: a zone inside a city is known by the city's name and its own. */
function zoneName(segments: PlaceSegment[], zone: PlaceSegment): string {
  const at = segments.indexOf(zone);
  const before = at > 0 ? segments[at - 1] : null;
  return (zone.generic && before ? before.printed : "") + zone.text;
}
