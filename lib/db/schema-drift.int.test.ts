/**
 * Drift guard: the migrated tables must match prisma/schema.prisma and the generated client, both ways —
 * every model field has its column with the right type, nullability and default, and every column of
 * every table belongs to a model. Migrations are hand-written (no schema engine here), so this test is
 * what catches a field added to the schema without a migration, or a migration the schema doesn't know.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

type SchemaField = { model: string; name: string; type: string; optional: boolean; list: boolean; column: string; hasDefault: boolean; relation: boolean; attrs: string };
type SchemaModel = { name: string; table: string; fields: SchemaField[]; blockAttrs: string[] };

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
        attrs,
      });
    }
    const blockAttrs = body.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("@@"));
    models.push({ name, table, fields, blockAttrs });
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

/** Indexes the schema language cannot express, created by hand in a migration (with the reason). */
const EXTRA_INDEXES: Record<string, string> = {
  report_version_one_current_per_report: "partial unique index: at most one current version per report",
};

type Index = { table: string; name: string; unique: boolean; primary: boolean; columns: string[]; partial: boolean };
type ForeignKey = { table: string; columns: string[]; refTable: string; refColumns: string[]; onDelete: string; onUpdate: string };

function expectedIndexes(models: SchemaModel[]): { table: string; columns: string[]; unique: boolean; primary: boolean }[] {
  const out: { table: string; columns: string[]; unique: boolean; primary: boolean }[] = [];
  for (const m of models) {
    const col = (field: string) => m.fields.find((f) => f.name === field)?.column ?? `?${field}`;
    for (const f of m.fields) {
      if (/@id\b/.test(f.attrs)) out.push({ table: m.table, columns: [f.column], unique: true, primary: true });
      if (/@unique\b/.test(f.attrs)) out.push({ table: m.table, columns: [f.column], unique: true, primary: false });
    }
    for (const a of m.blockAttrs) {
      const mm = /^@@(unique|index|id)\(\[([^\]]+)\]/.exec(a);
      if (!mm) continue;
      const columns = mm[2].split(",").map((x) => col(x.trim()));
      out.push({ table: m.table, columns, unique: mm[1] !== "index", primary: mm[1] === "id" });
    }
  }
  return out;
}

const REFERENTIAL: Record<string, string> = { Cascade: "CASCADE", Restrict: "RESTRICT", SetNull: "SET NULL", NoAction: "NO ACTION", SetDefault: "SET DEFAULT" };

function expectedForeignKeys(models: SchemaModel[]): ForeignKey[] {
  const out: ForeignKey[] = [];
  for (const m of models) {
    for (const f of m.fields.filter((x) => x.relation)) {
      const rel = /@relation\(([^)]*)\)/.exec(f.attrs)?.[1];
      const fields = rel && /fields:\s*\[([^\]]+)\]/.exec(rel)?.[1];
      const refs = rel && /references:\s*\[([^\]]+)\]/.exec(rel)?.[1];
      if (!fields || !refs) continue;
      const target = models.find((x) => x.name === f.type)!;
      const onDelete = /onDelete:\s*(\w+)/.exec(rel!)?.[1] ?? (f.optional ? "SetNull" : "Restrict");
      const onUpdate = /onUpdate:\s*(\w+)/.exec(rel!)?.[1] ?? "Cascade";
      out.push({
        table: m.table,
        columns: fields.split(",").map((x) => m.fields.find((y) => y.name === x.trim())!.column),
        refTable: target.table,
        refColumns: refs.split(",").map((x) => target.fields.find((y) => y.name === x.trim())!.column),
        onDelete: REFERENTIAL[onDelete],
        onUpdate: REFERENTIAL[onUpdate],
      });
    }
  }
  return out;
}

describe("schema.prisma ↔ migrated database: indexes and foreign keys", () => {
  let db: TestDatabase;
  let indexes: Index[];
  let foreignKeys: ForeignKey[];
  const models = readSchemaModels(readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8"));

  beforeAll(async () => {
    db = await createTestDatabase();
    indexes = (
      await db.pool.query<Index>(
        `SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary, x.indpred IS NOT NULL AS partial,
                array_agg(a.attname ORDER BY k.ord)::text[] AS columns
           FROM pg_index x
           JOIN pg_class i ON i.oid = x.indexrelid
           JOIN pg_class t ON t.oid = x.indrelid
           JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
           CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
          WHERE t.relname <> '_prisma_migrations'
          GROUP BY t.relname, i.relname, x.indisunique, x.indisprimary, x.indpred IS NOT NULL`,
      )
    ).rows;
    foreignKeys = (
      await db.pool.query<ForeignKey>(
        `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS "refTable",
                (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
                (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS "refColumns",
                CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'n' THEN 'SET NULL' WHEN 'a' THEN 'NO ACTION' WHEN 'd' THEN 'SET DEFAULT' END AS "onDelete",
                CASE c.confupdtype WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'n' THEN 'SET NULL' WHEN 'a' THEN 'NO ACTION' WHEN 'd' THEN 'SET DEFAULT' END AS "onUpdate"
           FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
          WHERE c.contype = 'f'`,
      )
    ).rows;
  });
  afterAll(async () => {
    await db?.drop();
  });

  const key = (i: { table: string; columns: string[]; unique: boolean; primary: boolean }) => `${i.table}(${i.columns.join(",")})${i.primary ? " primary" : i.unique ? " unique" : ""}`;

  it("has exactly the primary keys, unique constraints and indexes the schema declares", () => {
    const expected = expectedIndexes(models).map(key).sort();
    expect(expected.length).toBeGreaterThan(20);
    const actual = indexes.filter((i) => !(i.name in EXTRA_INDEXES)).map(key).sort();
    expect(actual).toEqual(expected);
  });

  it("has the hand-written partial unique index on report_version(report_id) WHERE is_current", () => {
    const one = indexes.find((i) => i.name === "report_version_one_current_per_report");
    expect(one).toMatchObject({ table: "report_version", unique: true, partial: true, columns: ["report_id"] });
  });

  it("has exactly the foreign keys of the schema's relations, with their delete and update rules", () => {
    const fk = (f: ForeignKey) => `${f.table}(${f.columns.join(",")}) → ${f.refTable}(${f.refColumns.join(",")}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`;
    const expected = expectedForeignKeys(models).map(fk).sort();
    expect(expected.length).toBe(7);
    expect(foreignKeys.map(fk).sort()).toEqual(expected);
  });
});
