/**
 * Drift guard: the migrated tables must match prisma/schema.prisma and the generated client, both ways —
 * every model field has its column with the right type, nullability and default, and every column of
 * every table belongs to a model. Migrations are hand-written (no schema engine here), so this test is
 * what catches a field added to the schema without a migration, or a migration the schema doesn't know.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

type SchemaField = { model: string; name: string; type: string; optional: boolean; list: boolean; column: string; hasDefault: boolean; relation: boolean };
type SchemaModel = { name: string; table: string; fields: SchemaField[] };

const SCALARS = new Set(["Int", "String", "Float", "Boolean", "DateTime", "Json", "Bytes", "BigInt", "Decimal"]);

/** A small reader for the subset of the Prisma schema language this project uses (models, @map, @@map). */
function readSchemaModels(text: string): SchemaModel[] {
  const models: SchemaModel[] = [];
  const blocks = text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm);
  for (const [, name, body] of blocks) {
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
    const fields: SchemaField[] = [];
    for (const raw of body.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      if (!line || line.startsWith("@@")) continue;
      const m = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!m) continue;
      const [, fieldName, type, list, optional, attrs] = m;
      fields.push({
        model: name,
        name: fieldName,
        type,
        list: Boolean(list),
        optional: Boolean(optional),
        column: /@map\("([^"]+)"\)/.exec(attrs)?.[1] ?? fieldName,
        hasDefault: /@default\(/.test(attrs),
        relation: !SCALARS.has(type),
      });
    }
    models.push({ name, table, fields });
  }
  return models;
}

const POSTGRES_TYPE: Record<string, { data_type: string; udt_name: string }> = {
  Int: { data_type: "integer", udt_name: "int4" },
  String: { data_type: "text", udt_name: "text" },
  Float: { data_type: "double precision", udt_name: "float8" },
  Boolean: { data_type: "boolean", udt_name: "bool" },
  DateTime: { data_type: "timestamp without time zone", udt_name: "timestamp" },
  Json: { data_type: "jsonb", udt_name: "jsonb" },
  Bytes: { data_type: "bytea", udt_name: "bytea" },
};

type Column = { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: "YES" | "NO"; column_default: string | null; datetime_precision: number | null };

describe("schema.prisma ↔ migrated database", () => {
  let db: TestDatabase;
  let columns: Column[];
  const models = readSchemaModels(readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8"));

  beforeAll(async () => {
    db = await createTestDatabase();
    const { rows } = await db.pool.query<Column>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    columns = rows;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("reads the schema (sanity: the reader found the models and the generated value columns)", () => {
    expect(models.map((m) => m.table).sort()).toEqual(["admin_session", "agency", "check_result", "correction", "report", "report_values", "report_version", "source_file"]);
    expect(models.find((m) => m.table === "report_values")!.fields.length).toBeGreaterThan(100);
  });

  it("agrees with the generated Prisma client's data model (names, columns, types)", () => {
    const runtime = (db.prisma as unknown as { _runtimeDataModel: { models: Record<string, { dbName: string | null; fields: { name: string; kind: string; type: string; dbName?: string | null }[] }> } })._runtimeDataModel;
    expect(Object.keys(runtime.models).sort()).toEqual(models.map((m) => m.name).sort());
    for (const model of models) {
      const rm = runtime.models[model.name];
      expect(rm.dbName ?? model.name, model.name).toBe(model.table);
      const scalarOf = (fs: { name: string; column: string; type: string }[]) => fs.map((f) => `${f.name}:${f.column}:${f.type}`).sort();
      expect(scalarOf(rm.fields.filter((f) => f.kind === "scalar").map((f) => ({ name: f.name, column: f.dbName ?? f.name, type: f.type }))), model.name).toEqual(
        scalarOf(model.fields.filter((f) => !f.relation)),
      );
    }
  });

  it("has a column of the right type, nullability and default for every model field", () => {
    const problems: string[] = [];
    for (const model of models) {
      for (const f of model.fields.filter((x) => !x.relation)) {
        const col = columns.find((c) => c.table_name === model.table && c.column_name === f.column);
        if (!col) {
          problems.push(`${model.table}.${f.column} (${model.name}.${f.name}) is missing from the database`);
          continue;
        }
        const expected = POSTGRES_TYPE[f.type];
        if (!expected) {
          problems.push(`${model.name}.${f.name}: type ${f.type} is not covered by this test`);
          continue;
        }
        if (f.list) {
          if (col.data_type !== "ARRAY" || col.udt_name !== "_" + expected.udt_name) problems.push(`${model.table}.${f.column}: expected ${expected.udt_name}[], found ${col.udt_name}`);
        } else if (col.data_type !== expected.data_type) {
          problems.push(`${model.table}.${f.column}: expected ${expected.data_type}, found ${col.data_type}`);
        }
        if (f.type === "DateTime" && col.datetime_precision !== 3) problems.push(`${model.table}.${f.column}: expected TIMESTAMP(3), found precision ${col.datetime_precision}`);
        // Prisma creates scalar-list columns without NOT NULL; every other required field is NOT NULL.
        const nullable = f.optional || f.list;
        if ((col.is_nullable === "YES") !== nullable) problems.push(`${model.table}.${f.column}: expected ${nullable ? "NULL" : "NOT NULL"}, found ${col.is_nullable === "YES" ? "NULL" : "NOT NULL"}`);
        if (f.hasDefault !== (col.column_default !== null)) problems.push(`${model.table}.${f.column}: schema ${f.hasDefault ? "has" : "has no"} @default, database ${col.column_default ?? "has none"}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has no table or column the schema does not know", () => {
    const known = new Set(models.flatMap((m) => m.fields.filter((f) => !f.relation).map((f) => `${m.table}.${f.column}`)));
    const extra = columns.map((c) => `${c.table_name}.${c.column_name}`).filter((k) => !known.has(k));
    expect(extra).toEqual([]);
  });
});
