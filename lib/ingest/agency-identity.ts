/**
 * An agency is the same agency when province, city, county and short name agree after normalisation,
 * so 城关镇 in two counties stays two agencies while full-width/half-width or stray spaces do not split one.
 */

export interface AgencyPlace {
  province: string | null;
  city: string | null;
  county: string | null;
  name: string;
}

export function normaliseName(s: string | null | undefined): string {
  if (!s) return "";
  return s.normalize("NFKC").replace(/\s+/g, "").replace(/[|]/g, "");
}

export function agencyIdentityKey(p: AgencyPlace): string {
  return [p.province, p.city, p.county, p.name].map(normaliseName).join("|");
}
