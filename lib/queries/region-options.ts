/**
 * The values the filter controls offer, taken from the data: years with reports, and the region
 * cascade province → city → county (cities of the chosen province; counties of the chosen province and
 * city — or of the province alone, for 直辖市 whose districts have no city), plus kinds and levels.
 */
import type { AgencyKind, AgencyLevel } from "../report/catalog";
import type { ReportFilters } from "../filters/report-filters";
import { type Db, int, resolveDb } from "./sql";

export interface OptionCount<T extends string | number = string> {
  value: T;
  /** Reports (current versions) under the value. */
  reports: number;
}

export interface FilterOptions {
  years: OptionCount<number>[];
  provinces: OptionCount[];
  /** Cities of filters.province ([] when no province is chosen). */
  cities: OptionCount[];
  /** Counties of filters.province (+ filters.city when chosen; [] when no province is chosen). */
  counties: OptionCount[];
  kinds: OptionCount<AgencyKind>[];
  levels: OptionCount<AgencyLevel>[];
}

const BASE = `report r JOIN agency a ON a.id = r.agency_id WHERE r.current_version_id IS NOT NULL`;

export async function getFilterOptions(filters: Pick<ReportFilters, "province" | "city">, db?: Db): Promise<FilterOptions> {
  const pool = await resolveDb(db);
  const list = async <T extends string | number>(expr: string, extra = "", values: unknown[] = [], order = "1"): Promise<OptionCount<T>[]> => {
    const { rows } = await pool.query(
      `SELECT ${expr} AS value, COUNT(*) AS reports FROM ${BASE} AND ${expr} IS NOT NULL ${extra} GROUP BY 1 ORDER BY ${order}`,
      values,
    );
    return rows.map((r) => ({ value: r.value as T, reports: int(r.reports) }));
  };
  const [years, provinces, kinds, levels] = await Promise.all([
    list<number>("r.year", "", [], "1 DESC"),
    list<string>("a.province"),
    list<AgencyKind>("a.kind"),
    list<AgencyLevel>("a.level"),
  ]);
  let cities: OptionCount[] = [];
  let counties: OptionCount[] = [];
  if (filters.province !== undefined) {
    cities = await list<string>("a.city", "AND a.province = $1", [filters.province]);
    counties =
      filters.city !== undefined
        ? await list<string>("a.county", "AND a.province = $1 AND a.city = $2", [filters.province, filters.city])
        : await list<string>("a.county", "AND a.province = $1", [filters.province]);
  }
  return { years, provinces, cities, counties, kinds, levels };
}
