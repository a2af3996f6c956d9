/**
 * Writes prisma/schema.prisma from prisma/schema.prisma.head plus the ReportValues model generated
 * from the field catalog: one nullable column per key of both formats (a wide row per report version).
 * Run `npm run generate:schema` after changing lib/report/catalog.ts, then add a migration.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FIELDS } from "../lib/report/catalog";

export function valuesModel(): string {
  const lines = [
    "/// Every canonical value of a version, one column per catalog key (GENERATED — see lib/report/catalog.ts).",
    "/// A wide row keeps `SUM(col) … GROUP BY` over a million reports to one row read per report.",
    "model ReportValues {",
    '  versionId Int           @id @map("version_id")',
    "  version   ReportVersion @relation(fields: [versionId], references: [id], onDelete: Cascade)",
    ...FIELDS.map((f) => `  ${f.column} Float?`),
    "",
    '  @@map("report_values")',
    "}",
  ];
  return lines.join("\n") + "\n";
}

export function valuesTableSql(): string {
  const cols = FIELDS.map((f) => `    "${f.column}" DOUBLE PRECISION`);
  return [
    'CREATE TABLE "report_values" (',
    '    "version_id" INTEGER NOT NULL,',
    ...cols.map((c) => c + ","),
    '    CONSTRAINT "report_values_pkey" PRIMARY KEY ("version_id")',
    ");",
  ].join("\n");
}

export function schemaText(): string {
  const here = fileURLToPath(new URL("../prisma/", import.meta.url));
  return readFileSync(here + "schema.prisma.head", "utf8") + "\n" + valuesModel();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(new URL("../prisma/schema.prisma", import.meta.url));
  writeFileSync(target, schemaText());
  if (process.argv.includes("--sql")) process.stdout.write(valuesTableSql() + "\n");
  console.error(`wrote ${target} (${FIELDS.length} value columns)`);
}
