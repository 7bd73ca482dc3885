import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";

/**
 * Schema drift check: compares prisma/schema.prisma with a database built by the hand-written SQL in
 * prisma/migrations. Prisma's schema engine (and so `prisma migrate diff`) is not available on these
 * machines, so the schema is read with the WASM build of Prisma's schema parser that ships inside the
 * `prisma` CLI package (build/prisma_schema_build_bg.wasm, the same module `prisma generate` uses for
 * getDMMF), and the database is read from pg_catalog.
 *
 * Each difference is one readable line, e.g. `users.email: schema says NOT NULL, database allows NULL`.
 */

export const DEFAULT_SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

/** PostgreSQL's NAMEDATALEN - 1, which Prisma uses to shorten default constraint names. */
const MAX_IDENTIFIER_LENGTH = 63;

/** Tables that belong to the migration machinery, not to the data model. */
const MACHINERY_TABLES = new Set(["_prisma_migrations"]);

export interface SchemaDriftOptions {
  /** A schema file, or a folder of .prisma files. Defaults to prisma/schema.prisma. */
  schemaPath?: string;
}

/** Anything that can run a query: a pg.Client, a pool client (e.g. one inside an open transaction). */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export async function findSchemaDrift(connectionString: string, options: SchemaDriftOptions = {}): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await findSchemaDriftWith(client, options);
  } finally {
    await client.end();
  }
}

/** The same check on an existing connection, so it can look at uncommitted DDL of an open transaction. */
export async function findSchemaDriftWith(db: Queryable, options: SchemaDriftOptions = {}): Promise<string[]> {
  const files = readSchemaFiles(options.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const dmmf = getDmmf(files);
  const expected = expectedFromDmmf(dmmf, files);
  const actual = await readDatabase(db, [...expected.schemas]);
  return compare(expected, actual);
}

// ---------------------------------------------------------------------------------------------------
// Reading the Prisma schema: DMMF from the schema parser's WASM module
// ---------------------------------------------------------------------------------------------------

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  nativeType?: [string, string[]] | null;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isUpdatedAt?: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  fields: DmmfField[];
}

export interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  isDefinedOnField?: boolean;
  dbName?: string;
  name?: string;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc"; operatorClass?: string }[];
  where?: unknown;
}

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  schema?: string | null;
  values: { name: string; dbName?: string | null }[];
}

export interface DmmfDatamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

type SchemaFiles = [string, string][];

function readSchemaFiles(schemaPath: string): SchemaFiles {
  if (!statSync(schemaPath).isDirectory()) return [[schemaPath, readFileSync(schemaPath, "utf8")]];
  const out: SchemaFiles = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith(".prisma")) out.push([p, readFileSync(p, "utf8")]);
    }
  };
  walk(schemaPath);
  return out;
}

let wasmModule: { module: WebAssembly.Module; version: string } | undefined;

function schemaWasm() {
  if (!wasmModule) {
    const require = createRequire(import.meta.url);
    const pkgPath = require.resolve("prisma/package.json");
    const version = (JSON.parse(readFileSync(pkgPath, "utf8")) as { version: string }).version;
    const file = path.join(path.dirname(pkgPath), "build", "prisma_schema_build_bg.wasm");
    wasmModule = { module: new WebAssembly.Module(readFileSync(file)), version };
  }
  return wasmModule;
}

interface SchemaWasmExports {
  memory: WebAssembly.Memory;
  get_dmmf(ptr: number, len: number): [number, number, number, number];
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(ptr: number, len: number, align: number): void;
  __wbindgen_externrefs: WebAssembly.Table;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
}

/**
 * Calls `get_dmmf` of Prisma's schema WASM (what @prisma/internals' getDMMF does), with a minimal
 * wasm-bindgen glue. The glue is checked against the module's imports and exports, so a Prisma upgrade
 * that changes them fails loudly here instead of silently skipping the check.
 */
export function getDmmf(files: SchemaFiles): DmmfDatamodel {
  const { module, version } = schemaWasm();
  const abiError = (what: string) =>
    new Error(`schema-drift: the schema WASM of prisma ${version} ${what}; update the glue in tests/setup/schema-drift.ts`);
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
  let exports: SchemaWasmExports | undefined;
  let panicMessage: string | undefined;
  const readString = (ptr: number, len: number) => decoder.decode(new Uint8Array(exports!.memory.buffer).subarray(ptr >>> 0, (ptr >>> 0) + len));

  const glue: Record<string, (...args: number[]) => unknown> = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.module !== "__wbindgen_placeholder__") throw abiError(`imports from an unknown module "${imp.module}"`);
    if (imp.name.startsWith("__wbg_set_message_")) glue[imp.name] = (ptr, len) => void (panicMessage = readString(ptr, len));
    else if (imp.name.startsWith("__wbg_Error_")) glue[imp.name] = (ptr, len) => new Error(readString(ptr, len));
    else if (imp.name.startsWith("__wbg___wbindgen_throw_")) glue[imp.name] = (ptr, len) => { throw new Error(readString(ptr, len)); };
    else if (imp.name === "__wbindgen_init_externref_table")
      glue[imp.name] = () => {
        const table = exports!.__wbindgen_externrefs;
        const offset = table.grow(4);
        table.set(0, undefined);
        table.set(offset + 0, undefined);
        table.set(offset + 1, null);
        table.set(offset + 2, true);
        table.set(offset + 3, false);
      };
    else throw abiError(`needs an unknown import "${imp.name}"`);
  }
  const instance = new WebAssembly.Instance(module, { __wbindgen_placeholder__: glue });
  exports = instance.exports as unknown as SchemaWasmExports;
  for (const name of ["memory", "get_dmmf", "__wbindgen_malloc", "__wbindgen_free", "__wbindgen_externrefs", "__externref_table_dealloc", "__wbindgen_start"])
    if (!(name in instance.exports)) throw abiError(`has no export "${name}"`);
  exports.__wbindgen_start();

  const input = new TextEncoder().encode(JSON.stringify({ prismaSchema: files, noColor: true }));
  const ptr = exports.__wbindgen_malloc(input.length, 1) >>> 0;
  new Uint8Array(exports.memory.buffer).set(input, ptr);
  let result: [number, number, number, number];
  try {
    result = exports.get_dmmf(ptr, input.length);
  } catch (error) {
    throw new Error(`schema-drift: the Prisma schema parser crashed: ${panicMessage ?? (error as Error).message}`);
  }
  if (!Array.isArray(result) || result.length !== 4) throw abiError("returned an unexpected value from get_dmmf");
  if (result[3]) {
    const error = exports.__wbindgen_externrefs.get(result[2]) as Error;
    exports.__externref_table_dealloc(result[2]);
    let message = error?.message ?? String(error);
    try {
      message = (JSON.parse(message) as { message?: string }).message ?? message;
    } catch {
      // not JSON: keep as is
    }
    throw new Error(`schema-drift: the Prisma schema (${files.map(([file]) => file).join(", ")}) does not validate:\n${message}`);
  }
  const json = readString(result[0], result[1]);
  exports.__wbindgen_free(result[0], result[1], 1);
  const dmmf = JSON.parse(json) as { datamodel?: DmmfDatamodel };
  if (!dmmf.datamodel?.models || !dmmf.datamodel.indexes) throw abiError("returned a DMMF without datamodel.models / datamodel.indexes");
  return { models: dmmf.datamodel.models, enums: dmmf.datamodel.enums ?? [], indexes: dmmf.datamodel.indexes };
}

// ---------------------------------------------------------------------------------------------------
// What the schema expects the database to look like
// ---------------------------------------------------------------------------------------------------

type ExpectedDefault =
  | { kind: "unchecked" }
  | { kind: "none"; note?: string }
  | { kind: "present" } // dbgenerated() without an expression: any default will do
  | { kind: "autoincrement" }
  | { kind: "now" }
  | { kind: "expression"; sql: string }
  | { kind: "literal"; value: unknown; fieldType: string; enumValues?: Map<string, string> };

interface ExpectedColumn {
  name: string;
  source: string;
  type: string;
  /** null: not checked (Prisma creates scalar-list columns without NOT NULL) */
  notNull: boolean | null;
  default: ExpectedDefault;
}

interface ExpectedIndex {
  unique: boolean;
  columns: string[];
  descending: boolean[];
  /** per column: the declared operator class (ops: ...), or null for the type's default one */
  operatorClasses: (string | null)[];
  name: string;
  method: string;
  source: string;
}

interface ExpectedForeignKey {
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
  source: string;
}

interface ExpectedTable {
  schema: string;
  name: string;
  source: string;
  columns: ExpectedColumn[];
  primaryKey: { columns: string[]; name: string } | null;
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
  /** Columns of @ignore fields, which the DMMF does not show: neither checked nor reported. */
  toleratedColumns: Set<string>;
  /** column -> field name, to suggest how to declare an index found only in the database */
  fieldOfColumn: Map<string, string>;
}

interface ExpectedEnum {
  schema: string;
  name: string;
  values: string[];
}

interface Expected {
  schemas: Set<string>;
  tables: ExpectedTable[];
  enums: ExpectedEnum[];
  /** Tables of @@ignore models: neither checked nor reported. */
  toleratedTables: Set<string>;
  checkForeignKeys: boolean;
}

const qualified = (schema: string, name: string) => (schema === "public" ? name : `${schema}.${name}`);

function truncateIdentifier(name: string, maxBytes: number) {
  const bytes = Buffer.from(name, "utf8");
  if (bytes.length <= maxBytes) return name;
  let end = maxBytes;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--; // do not split a UTF-8 sequence
  return bytes.subarray(0, end).toString("utf8");
}

/** Prisma's default constraint names (psl-core ConstraintNames), for PostgreSQL. */
export const defaultNames = {
  primaryKey(table: string) {
    const limit = MAX_IDENTIFIER_LENGTH - "_pkey".length;
    return `${Buffer.byteLength(table) >= limit ? truncateIdentifier(table, limit) : table}_pkey`;
  },
  index(table: string, columns: string[], suffix: "_key" | "_idx") {
    const joined = `${table}_${columns.join("_")}`;
    const limit = MAX_IDENTIFIER_LENGTH - suffix.length;
    return `${Buffer.byteLength(joined) >= limit ? truncateIdentifier(joined, limit) : joined}${suffix}`;
  },
};

/** Prisma scalar type (+ @db native type) to what PostgreSQL's format_type() prints. */
export function postgresType(field: Pick<DmmfField, "kind" | "type" | "nativeType" | "isList">, enumDbName?: (name: string) => string): string {
  let base: string;
  if (field.kind === "enum") base = `enum ${enumDbName ? enumDbName(field.type) : field.type}`;
  else if (field.nativeType) base = nativeTypeName(field.nativeType[0], field.nativeType[1] ?? []);
  else
    base =
      {
        String: "text",
        Boolean: "boolean",
        Int: "integer",
        BigInt: "bigint",
        Float: "double precision",
        Decimal: "numeric(65,30)",
        DateTime: "timestamp(3) without time zone",
        Json: "jsonb",
        Bytes: "bytea",
      }[field.type] ?? `unknown Prisma type ${field.type}`;
  return field.isList ? `${base}[]` : base;
}

function nativeTypeName(name: string, args: string[]): string {
  const a = args.map((x) => x.trim());
  const withArgs = (sqlName: string) => (a.length ? `${sqlName}(${a.join(",")})` : sqlName);
  const withPrecision = (sqlName: string, zone: string) => (a.length ? `${sqlName}(${a[0]}) ${zone}` : `${sqlName} ${zone}`);
  switch (name) {
    case "Text": return "text";
    case "Char": return a.length ? `character(${a[0]})` : "character(1)";
    case "VarChar": return withArgs("character varying");
    case "Bit": return a.length ? `bit(${a[0]})` : "bit(1)";
    case "VarBit": return withArgs("bit varying");
    case "Uuid": return "uuid";
    case "Xml": return "xml";
    case "Inet": return "inet";
    case "Citext": return "citext";
    case "Boolean": return "boolean";
    case "Integer": return "integer";
    case "SmallInt": return "smallint";
    case "Oid": return "oid";
    case "BigInt": return "bigint";
    case "DoublePrecision": return "double precision";
    case "Real": return "real";
    case "Decimal": return withArgs("numeric");
    case "Money": return "money";
    case "Timestamp": return withPrecision("timestamp", "without time zone");
    case "Timestamptz": return withPrecision("timestamp", "with time zone");
    case "Date": return "date";
    case "Time": return withPrecision("time", "without time zone");
    case "Timetz": return withPrecision("time", "with time zone");
    case "Json": return "json";
    case "JsonB": return "jsonb";
    case "ByteA": return "bytea";
    default: return withArgs(name.toLowerCase());
  }
}

const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);

function expectedDefault(field: DmmfField, enums: Map<string, DmmfEnum>): ExpectedDefault {
  if (!field.hasDefaultValue || field.default === undefined) return { kind: "none" };
  const d = field.default;
  if (d && typeof d === "object" && !Array.isArray(d) && "name" in d) {
    const fn = d as { name: string; args?: unknown[] };
    if (fn.name === "autoincrement") return { kind: "autoincrement" };
    if (fn.name === "now") return { kind: "now" };
    if (fn.name === "dbgenerated") return fn.args?.length ? { kind: "expression", sql: String(fn.args[0]) } : { kind: "present" };
    if (CLIENT_SIDE_DEFAULTS.has(fn.name)) return { kind: "none", note: ` (${fn.name}() is generated by Prisma Client)` };
    return { kind: "present" }; // an unknown function: at least some default
  }
  const enumDef = field.kind === "enum" ? enums.get(field.type) : undefined;
  const enumValues = enumDef ? new Map(enumDef.values.map((v) => [v.name, v.dbName ?? v.name])) : undefined;
  return { kind: "literal", value: d, fieldType: field.type, enumValues };
}

interface HiddenField {
  column: string;
  /** the type inside Unsupported("..."); undefined for @ignore fields */
  unsupportedType?: string;
  optional: boolean;
}

/** Removes // and /// comments, but not a // inside a string such as @default("https://..."). */
function stripComments(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === "\\" && quoted) i++;
        else if (line[i] === '"') quoted = !quoted;
        else if (!quoted && line[i] === "/" && line[i + 1] === "/") return line.slice(0, i);
      }
      return line;
    })
    .join("\n");
}

/**
 * Models marked @@ignore, fields marked @ignore and fields of Unsupported(...) type are absent from the DMMF
 * (their indexes are not), so they are read from the schema text.
 */
function hiddenBySchemaText(files: SchemaFiles) {
  const tables = new Set<string>();
  const fields = new Map<string, Map<string, HiddenField>>(); // model name -> field name -> column
  for (const [, text] of files) {
    for (const m of stripComments(text).matchAll(/^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm)) {
      const [, model, body] = m;
      const mapped = /@@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(body)?.[1] ?? model;
      if (/@@ignore\b/.test(body)) tables.add(mapped);
      for (const line of body.split("\n")) {
        const field = /^\s*(\w+)\s+(\S+)/.exec(line);
        if (!field || line.trim().startsWith("@")) continue;
        const unsupported = /^\s*\w+\s+Unsupported\(\s*"((?:[^"\\]|\\.)*)"\s*\)(\?)?/.exec(line);
        const ignoredField = /@ignore\b/.test(line);
        if (!unsupported && !ignoredField) continue;
        const column = /@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(line)?.[1] ?? field[1];
        if (!fields.has(model)) fields.set(model, new Map());
        fields.get(model)!.set(field[1], { column, unsupportedType: ignoredField ? undefined : unsupported?.[1], optional: !!unsupported?.[2] });
      }
    }
  }
  return { tables, fields };
}

function expectedFromDmmf(dm: DmmfDatamodel, files: SchemaFiles): Expected {
  const ignored = hiddenBySchemaText(files);
  const enums = new Map(dm.enums.map((e) => [e.name, e]));
  const enumDbName = (name: string) => enums.get(name)?.dbName ?? name;
  const models = new Map(dm.models.map((m) => [m.name, m]));
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const schemaOf = (m: { schema?: string | null }) => m.schema ?? "public";
  const columnOf = (f: DmmfField) => f.dbName ?? f.name;
  const schemas = new Set<string>(["public"]);
  const tables: ExpectedTable[] = [];

  for (const model of dm.models) {
    const table = tableOf(model);
    const fields = new Map(model.fields.map((f) => [f.name, f]));
    const hidden = new Map([...(ignored.fields.get(model.name) ?? [])].map(([field, h]) => [field, h.column]));
    // Indexes may name Unsupported(...) fields, which the DMMF lists in indexes but not in fields.
    const col = (fieldName: string) => {
      const f = fields.get(fieldName);
      return f ? columnOf(f) : hidden.get(fieldName) ?? fieldName;
    };
    schemas.add(schemaOf(model));
    const t: ExpectedTable = {
      schema: schemaOf(model),
      name: table,
      source: `model ${model.name}`,
      columns: [],
      primaryKey: null,
      indexes: [],
      foreignKeys: [],
      toleratedColumns: new Set(hidden.values()),
      fieldOfColumn: new Map([
        ...[...hidden].map(([field, column]) => [column, field] as [string, string]),
        ...model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum").map((f) => [columnOf(f), f.name] as [string, string]),
      ]),
    };
    for (const [field, h] of ignored.fields.get(model.name) ?? [])
      if (h.unsupportedType !== undefined) {
        // Unsupported("tsvector")?: the column must exist with that type; its default is not checked.
        t.toleratedColumns.delete(h.column);
        t.columns.push({ name: h.column, source: `${model.name}.${field}`, type: h.unsupportedType, notNull: !h.optional, default: { kind: "unchecked" } });
      }
    for (const f of model.fields) {
      if (f.kind !== "scalar" && f.kind !== "enum") continue;
      t.columns.push({
        name: columnOf(f),
        source: `${model.name}.${f.name}`,
        type: postgresType(f, enumDbName),
        notNull: f.isList ? null : f.isRequired,
        default: expectedDefault(f, enums),
      });
    }
    for (const idx of dm.indexes.filter((i) => i.model === model.name)) {
      const columns = idx.fields.map((f) => col(f.name));
      const descending = idx.fields.map((f) => f.sortOrder === "desc");
      const operatorClasses = idx.fields.map((f) => f.operatorClass ?? null);
      if (idx.type === "id") t.primaryKey = { columns, name: idx.dbName ?? defaultNames.primaryKey(table) };
      else if (idx.type === "unique" || idx.type === "normal") {
        const unique = idx.type === "unique";
        const declared = unique ? (idx.isDefinedOnField ? "@unique" : "@@unique") : "@@index";
        t.indexes.push({
          unique,
          columns,
          descending,
          operatorClasses,
          name: idx.dbName ?? defaultNames.index(table, columns, unique ? "_key" : "_idx"),
          method: (idx.algorithm ?? "BTree").toLowerCase(), // BTree, Hash, Gist, Gin, SpGist, Brin = pg_am.amname
          source: `${declared}([${idx.fields.map((f) => f.name).join(", ")}]) on ${model.name}`,
        });
      }
    }
    for (const f of model.fields) {
      if (f.kind !== "object" || !f.relationFromFields?.length) continue;
      const target = models.get(f.type);
      if (!target) continue;
      const targetFields = new Map(target.fields.map((x) => [x.name, x]));
      t.foreignKeys.push({
        columns: f.relationFromFields.map(col),
        refSchema: schemaOf(target),
        refTable: tableOf(target),
        refColumns: (f.relationToFields ?? []).map((n) => (targetFields.get(n) ? columnOf(targetFields.get(n)!) : n)),
        onDelete: f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull"),
        onUpdate: f.relationOnUpdate ?? "Cascade",
        source: `relation ${model.name}.${f.name}`,
      });
    }
    tables.push(t);
  }

  // Implicit many-to-many relations get a join table "_<RelationName>" with columns A and B.
  const seen = new Set<string>();
  for (const model of dm.models)
    for (const f of model.fields) {
      if (f.kind !== "object" || !f.isList || !f.relationName || seen.has(f.relationName) || f.relationFromFields?.length) continue;
      const other = models.get(f.type)?.fields.find((x) => x.kind === "object" && x.relationName === f.relationName && (f.type !== model.name || x !== f));
      if (!other?.isList) continue;
      seen.add(f.relationName);
      const [a, b] = [model, models.get(f.type)!].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      const idOf = (m: DmmfModel) => m.fields.find((x) => x.isId);
      const idA = idOf(a);
      const idB = idOf(b);
      if (!idA || !idB) continue;
      const name = `_${f.relationName}`;
      const source = `implicit many-to-many relation ${f.relationName}`;
      const column = (c: string, id: DmmfField): ExpectedColumn => ({ name: c, source, type: postgresType({ ...id, isList: false }, enumDbName), notNull: true, default: { kind: "none" } });
      const fk = (c: string, m: DmmfModel, id: DmmfField): ExpectedForeignKey => ({
        columns: [c], refSchema: schemaOf(m), refTable: tableOf(m), refColumns: [columnOf(id)], onDelete: "Cascade", onUpdate: "Cascade", source,
      });
      schemas.add(schemaOf(a));
      tables.push({
        schema: schemaOf(a),
        name,
        source,
        columns: [column("A", idA), column("B", idB)],
        primaryKey: { columns: ["A", "B"], name: `${name}_AB_pkey` },
        indexes: [{ unique: false, columns: ["B"], descending: [false], operatorClasses: [null], name: `${name}_B_index`, method: "btree", source }],
        foreignKeys: [fk("A", a, idA), fk("B", b, idB)],
        toleratedColumns: new Set(),
        fieldOfColumn: new Map([["A", "A"], ["B", "B"]]),
      });
    }

  const expectedEnums = dm.enums.map((e) => ({ schema: schemaOf(e), name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) }));
  for (const e of expectedEnums) schemas.add(e.schema);
  const relationModePrisma = files.some(([, text]) => /^\s*relationMode\s*=\s*"prisma"/m.test(text.replace(/\/\/.*$/gm, "")));
  return { schemas, tables, enums: expectedEnums, toleratedTables: ignored.tables, checkForeignKeys: !relationModePrisma };
}

// ---------------------------------------------------------------------------------------------------
// What the database looks like (pg_catalog)
// ---------------------------------------------------------------------------------------------------

interface DbColumn {
  schema: string;
  table: string;
  column: string;
  num: number;
  not_null: boolean;
  formatted: string;
  typtype: string;
  typname: string;
  elem_typtype: string | null;
  elem_typname: string | null;
  default_expr: string | null;
  identity: string;
}

interface DbIndex {
  schema: string;
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  keys: number[];
  options: number[];
  nkey: number;
  natts: number;
  method: string;
  opclasses: string[];
  opclass_defaults: boolean[];
  predicate: string | null;
  definition: string;
}

interface DbForeignKey {
  schema: string;
  table: string;
  name: string;
  ref_schema: string;
  ref_table: string;
  columns: string[];
  ref_columns: string[];
  on_delete: string;
  on_update: string;
}

interface DbSnapshot {
  tables: { schema: string; table: string }[];
  columns: DbColumn[];
  indexes: DbIndex[];
  foreignKeys: DbForeignKey[];
  enums: { schema: string; name: string; labels: string[] }[];
}

const NOT_FROM_EXTENSION = (oid: string) => `NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.objid = ${oid} AND dep.deptype = 'e')`;

async function readDatabase(db: Queryable, schemas: string[]): Promise<DbSnapshot> {
  const tables = await db.query<{ schema: string; table: string }>(
    `SELECT n.nspname::text AS schema, c.relname::text AS table
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY($1::text[]) AND ${NOT_FROM_EXTENSION("c.oid")}
      ORDER BY 1, 2`,
    [schemas],
  );
  const columns = await db.query<DbColumn>(
    `SELECT n.nspname::text AS schema, c.relname::text AS table, a.attname::text AS column, a.attnum::int AS num,
            a.attnotnull AS not_null, format_type(a.atttypid, a.atttypmod) AS formatted,
            t.typtype::text AS typtype, t.typname::text AS typname, et.typtype::text AS elem_typtype, et.typname::text AS elem_typname,
            pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity::text AS identity
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY($1::text[]) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY 1, 2, a.attnum`,
    [schemas],
  );
  const indexes = await db.query<DbIndex>(
    `SELECT n.nspname::text AS schema, c.relname::text AS table, ic.relname::text AS name, i.indisunique AS unique, i.indisprimary AS primary,
            i.indkey::int2[]::int[] AS keys, i.indoption::int2[]::int[] AS options, i.indnkeyatts::int AS nkey, i.indnatts::int AS natts,
            am.amname::text AS method, pg_get_expr(i.indpred, i.indrelid) AS predicate, pg_get_indexdef(i.indexrelid) AS definition,
            ARRAY(SELECT oc.opcname::text FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(oid, ord)
                    JOIN pg_opclass oc ON oc.oid = k.oid ORDER BY k.ord) AS opclasses,
            ARRAY(SELECT oc.opcdefault FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(oid, ord)
                    JOIN pg_opclass oc ON oc.oid = k.oid ORDER BY k.ord) AS opclass_defaults
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_am am ON am.oid = ic.relam
      WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1::text[])
      ORDER BY 1, 2, 3`,
    [schemas],
  );
  const foreignKeys = await db.query<DbForeignKey>(
    `SELECT n.nspname::text AS schema, c.relname::text AS table, con.conname::text AS name,
            rn.nspname::text AS ref_schema, rc.relname::text AS ref_table,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(num, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num) AS columns,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num) AS ref_columns,
            con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class rc ON rc.oid = con.confrelid
       JOIN pg_namespace rn ON rn.oid = rc.relnamespace
      WHERE con.contype = 'f' AND n.nspname = ANY($1::text[])
      ORDER BY 1, 2, 3`,
    [schemas],
  );
  const enums = await db.query<{ schema: string; name: string; labels: string[] }>(
    `SELECT n.nspname::text AS schema, t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = ANY($1::text[]) AND ${NOT_FROM_EXTENSION("t.oid")}
      GROUP BY 1, 2
      ORDER BY 1, 2`,
    [schemas],
  );
  return { tables: tables.rows, columns: columns.rows, indexes: indexes.rows, foreignKeys: foreignKeys.rows, enums: enums.rows };
}

// ---------------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------------

const REFERENTIAL_ACTIONS: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };
const ACTION_SQL: Record<string, string> = { NoAction: "NO ACTION", Restrict: "RESTRICT", Cascade: "CASCADE", SetNull: "SET NULL", SetDefault: "SET DEFAULT" };
const list = (cols: string[]) => `(${cols.join(", ")})`;
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function dbColumnType(c: DbColumn): string {
  if (c.typtype === "e") return `enum ${c.typname}`;
  if (c.elem_typtype === "e") return `enum ${c.elem_typname}[]`;
  return c.formatted;
}

function compare(expected: Expected, actual: DbSnapshot): string[] {
  const out: string[] = [];
  const key = (schema: string, table: string) => `${schema}\u0000${table}`;
  const dbTables = new Set(actual.tables.map((t) => key(t.schema, t.table)));
  const columnsByTable = groupBy(actual.columns, (c) => key(c.schema, c.table));
  const indexesByTable = groupBy(actual.indexes, (i) => key(i.schema, i.table));
  const fksByTable = groupBy(actual.foreignKeys, (f) => key(f.schema, f.table));
  const expectedTables = new Set(expected.tables.map((t) => key(t.schema, t.name)));

  for (const t of expected.tables) {
    const label = qualified(t.schema, t.name);
    const k = key(t.schema, t.name);
    if (!dbTables.has(k)) {
      out.push(`${label}: table missing in database (${t.source})`);
      continue;
    }
    const dbColumns = columnsByTable.get(k) ?? [];
    const byName = new Map(dbColumns.map((c) => [c.column, c]));
    const nameOfNum = new Map(dbColumns.map((c) => [c.num, c.column]));

    // Columns
    const expectedNames = new Set(t.columns.map((c) => c.name));
    for (const c of t.columns) {
      const db = byName.get(c.name);
      const where = `${label}.${c.name}`;
      if (!db) {
        out.push(`${where}: column missing in database (field ${c.source})`);
        continue;
      }
      const dbType = dbColumnType(db);
      const squash = (type: string) => type.replace(/\s+/g, "").toLowerCase(); // Unsupported("geometry(Point, 4326)")
      if (dbType !== c.type && squash(dbType) !== squash(c.type)) out.push(`${where}: schema says ${c.type}, database has ${dbType}`);
      if (c.notNull === true && !db.not_null) out.push(`${where}: schema says NOT NULL, database allows NULL`);
      if (c.notNull === false && db.not_null) out.push(`${where}: schema says nullable, database has NOT NULL`);
      const defaultProblem = compareDefault(c.default, db);
      if (defaultProblem) out.push(`${where}: ${defaultProblem}`);
    }
    for (const db of dbColumns)
      if (!expectedNames.has(db.column) && !t.toleratedColumns.has(db.column))
        out.push(`${label}.${db.column}: column in database has no field in schema.prisma (${t.source})`);

    // Indexes
    const dbIndexes = (indexesByTable.get(k) ?? []).map((i) => ({
      ...i,
      columns: i.keys.slice(0, i.nkey).map((n) => (n === 0 ? "<expression>" : nameOfNum.get(n) ?? `#${n}`)),
      descending: i.options.slice(0, i.nkey).map((o) => (o & 1) === 1),
    }));
    const pk = dbIndexes.find((i) => i.primary);
    if (t.primaryKey && !pk) out.push(`${label}: schema says primary key ${list(t.primaryKey.columns)}, database has none`);
    else if (!t.primaryKey && pk) out.push(`${label}: database has primary key ${list(pk.columns)} "${pk.name}", schema declares none`);
    else if (t.primaryKey && pk) {
      if (!sameList(t.primaryKey.columns, pk.columns)) out.push(`${label}: schema says primary key ${list(t.primaryKey.columns)}, database has ${list(pk.columns)}`);
      if (pk.name !== t.primaryKey.name) out.push(`${label}: primary key is named "${pk.name}" in database, schema expects "${t.primaryKey.name}"`);
    }
    const unmatched = dbIndexes.filter((i) => !i.primary);
    for (const e of t.indexes) {
      const kind = e.unique ? "unique index" : "index";
      const candidates = unmatched.filter((i) => i.unique === e.unique && sameList(i.columns, e.columns));
      const found = candidates.find((i) => i.name === e.name) ?? candidates[0];
      if (!found) {
        out.push(`${label}: ${kind} on ${list(e.columns)} missing in database (${e.source}, expected name "${e.name}")`);
        continue;
      }
      unmatched.splice(unmatched.indexOf(found), 1);
      if (found.name !== e.name) out.push(`${label}: ${kind} on ${list(e.columns)} is named "${found.name}" in database, schema expects "${e.name}"`);
      if (!found.descending.every((d, i) => d === e.descending[i]))
        out.push(`${label}: ${kind} "${found.name}": sort order differs (database: ${found.definition})`);
      if (found.method !== e.method) out.push(`${label}: ${kind} "${found.name}": schema says type ${e.method}, database uses ${found.method}`);
      e.operatorClasses.forEach((declared, i) => {
        const dbClass = found.opclasses[i];
        if (dbClass === undefined) return;
        if (declared === null && !found.opclass_defaults[i])
          out.push(`${label}: ${kind} "${found.name}": column ${e.columns[i]} uses operator class ${dbClass} in database, schema declares the default one`);
        if (declared !== null && !sameOperatorClass(declared, dbClass))
          out.push(`${label}: ${kind} "${found.name}": column ${e.columns[i]}: schema says operator class ${declared}, database has ${dbClass}`);
      });
      if (found.predicate) out.push(`${label}: ${kind} "${found.name}" is partial in database (WHERE ${found.predicate}), schema declares a full index`);
      if (found.natts > found.nkey) out.push(`${label}: ${kind} "${found.name}" has INCLUDE columns in database (${found.definition})`);
    }
    for (const i of unmatched) {
      const suggestion = suggestIndex(t, i);
      out.push(
        `${label}: ${i.unique ? "unique index" : "index"} "${i.name}" in database is not declared in schema.prisma: ${i.definition}` +
          (suggestion ? ` (to declare it: ${suggestion} in ${t.source})` : ""),
      );
    }

    // Foreign keys
    if (expected.checkForeignKeys) {
      const dbFks = [...(fksByTable.get(k) ?? [])];
      for (const e of t.foreignKeys) {
        const target = `${qualified(e.refSchema, e.refTable)}${list(e.refColumns)}`;
        const found = dbFks.find((f) => sameList(f.columns, e.columns) && f.ref_schema === e.refSchema && f.ref_table === e.refTable && sameList(f.ref_columns, e.refColumns));
        if (!found) {
          out.push(`${label}: foreign key ${list(e.columns)} -> ${target} missing in database (${e.source})`);
          continue;
        }
        dbFks.splice(dbFks.indexOf(found), 1);
        const onDelete = REFERENTIAL_ACTIONS[found.on_delete] ?? found.on_delete;
        const onUpdate = REFERENTIAL_ACTIONS[found.on_update] ?? found.on_update;
        if (onDelete !== e.onDelete)
          out.push(`${label}: foreign key "${found.name}" ${list(e.columns)} -> ${target}: schema says ON DELETE ${ACTION_SQL[e.onDelete] ?? e.onDelete}, database has ON DELETE ${ACTION_SQL[onDelete] ?? onDelete}`);
        if (onUpdate !== e.onUpdate)
          out.push(`${label}: foreign key "${found.name}" ${list(e.columns)} -> ${target}: schema says ON UPDATE ${ACTION_SQL[e.onUpdate] ?? e.onUpdate}, database has ON UPDATE ${ACTION_SQL[onUpdate] ?? onUpdate}`);
      }
      for (const f of dbFks)
        out.push(`${label}: foreign key "${f.name}" ${list(f.columns)} -> ${qualified(f.ref_schema, f.ref_table)}${list(f.ref_columns)} in database is not declared in schema.prisma`);
    }
  }

  for (const t of actual.tables) {
    if (expectedTables.has(key(t.schema, t.table)) || MACHINERY_TABLES.has(t.table) || expected.toleratedTables.has(t.table)) continue;
    out.push(`${qualified(t.schema, t.table)}: table in database has no model in schema.prisma`);
  }

  // Enums
  const dbEnums = new Map(actual.enums.map((e) => [key(e.schema, e.name), e]));
  for (const e of expected.enums) {
    const db = dbEnums.get(key(e.schema, e.name));
    const label = `enum ${qualified(e.schema, e.name)}`;
    if (!db) out.push(`${label}: missing in database`);
    else if (!sameList(db.labels, e.values)) out.push(`${label}: schema says values ${list(e.values)}, database has ${list(db.labels)}`);
    dbEnums.delete(key(e.schema, e.name));
  }
  for (const db of dbEnums.values()) out.push(`enum ${qualified(db.schema, db.name)}: type in database has no enum in schema.prisma`);

  return [...new Set(out)].sort();
}

/** Prisma names operator classes JsonbPathOps, Int4MinMaxOps or raw("gin_trgm_ops"); PostgreSQL jsonb_path_ops, ... */
function sameOperatorClass(declared: string, actual: string): boolean {
  const squash = (s: string) => s.replace(/^raw\(\s*"(.*)"\s*\)$/, "$1").replace(/_/g, "").toLowerCase();
  return squash(declared) === squash(actual);
}

const PRISMA_INDEX_TYPES: Record<string, string> = { btree: "BTree", hash: "Hash", gist: "Gist", gin: "Gin", spgist: "SpGist", brin: "Brin" };

/** How a database-only index would be written in schema.prisma, when it can be. */
function suggestIndex(
  t: ExpectedTable,
  i: DbIndex & { columns: string[]; descending: boolean[] },
): string | null {
  if (i.predicate || i.natts > i.nkey || !PRISMA_INDEX_TYPES[i.method]) return null;
  const fields = i.columns.map((c) => t.fieldOfColumn.get(c));
  if (fields.some((f) => f === undefined)) return null; // an expression, or a column without a field
  const parts = fields.map((f, n) => {
    const args = [i.descending[n] ? "sort: Desc" : "", i.opclass_defaults[n] === false ? `ops: raw("${i.opclasses[n]}")` : ""].filter(Boolean);
    return args.length ? `${f}(${args.join(", ")})` : f;
  });
  const defaultName = defaultNames.index(t.name, i.columns, i.unique ? "_key" : "_idx");
  const options = [i.method !== "btree" ? `type: ${PRISMA_INDEX_TYPES[i.method]}` : "", i.name !== defaultName ? `map: "${i.name}"` : ""].filter(Boolean);
  return `@@${i.unique ? "unique" : "index"}([${parts.join(", ")}]${options.map((o) => `, ${o}`).join("")})`;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    if (!map.has(k)) map.set(k, []);
    map.get(k)!.push(item);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------------
// Column defaults
// ---------------------------------------------------------------------------------------------------

function describeExpectedDefault(d: ExpectedDefault): string {
  switch (d.kind) {
    case "none": return `no default${d.note ?? ""}`;
    case "unchecked": return "anything";
    case "present": return "a database default (dbgenerated())";
    case "autoincrement": return "default autoincrement() (a sequence or identity)";
    case "now": return "default now() (CURRENT_TIMESTAMP)";
    case "expression": return `default dbgenerated("${d.sql}")`;
    case "literal": {
      const value = d.enumValues && typeof d.value === "string" ? (d.enumValues.get(d.value) ?? d.value) : d.value;
      return `default ${JSON.stringify(value)}`;
    }
  }
}

function compareDefault(expected: ExpectedDefault, db: DbColumn): string | null {
  const raw = db.default_expr;
  const isIdentity = db.identity === "a" || db.identity === "d";
  const normalized = raw === null ? null : normalizeSql(raw);
  const hasDefault = isIdentity || (normalized !== null && normalized !== "null");
  const actual = isIdentity ? `an identity (GENERATED ${db.identity === "a" ? "ALWAYS" : "BY DEFAULT"})` : raw === null ? "no default" : `default ${raw}`;
  const problem = () => `schema says ${describeExpectedDefault(expected)}, database has ${actual}`;
  switch (expected.kind) {
    case "unchecked":
      return null;
    case "none":
      return hasDefault ? problem() : null;
    case "present":
      return hasDefault ? null : problem();
    case "autoincrement":
      return isIdentity || (normalized?.startsWith("nextval(") ?? false) ? null : problem();
    case "now":
      return normalized !== null && /^(now\(\)|current_timestamp(\(\d\))?|transaction_timestamp\(\)|localtimestamp(\(\d\))?)$/.test(normalized) ? null : problem();
    case "expression":
      return normalized !== null && normalized === normalizeSql(expected.sql) ? null : problem();
    case "literal":
      if (!hasDefault || raw === null) return problem();
      return literalMatches(expected, raw) ? null : problem();
  }
}

/** Lower-cases SQL outside quotes, drops whitespace and `::type` casts and redundant outer parentheses. */
export function normalizeSql(sql: string): string {
  let out = "";
  for (let i = 0; i < sql.length; ) {
    const ch = sql[i];
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === ch && sql[j + 1] !== ch)) j += sql[j] === ch ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === ":" && sql[i + 1] === ":") {
      const cast = /^::\s*(?:"(?:[^"]|"")*"|[a-z_][\w.]*)(?:\s+(?:varying|precision))?(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\s+(?:with|without)\s+time\s+zone)?(?:\s*\[\s*\])*/i.exec(sql.slice(i));
      if (cast) {
        i += cast[0].length;
        continue;
      }
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    out += ch.toLowerCase();
    i++;
  }
  while (out.startsWith("(") && out.endsWith(")") && balanced(out.slice(1, -1))) out = out.slice(1, -1);
  return out;
}

function balanced(s: string) {
  let depth = 0;
  let quote: string | null = null;
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** A SQL literal (after casts are stripped) as a plain string: 'it''s' -> it's, 42 -> 42. */
function unquote(sql: string): string {
  const s = sql.trim();
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

/** Elements of ARRAY[...] or '{...}' array defaults, as plain strings. */
function arrayElements(raw: string): string[] | null {
  const n = normalizeSql(raw);
  if (n.startsWith("array[") && n.endsWith("]")) return splitTopLevel(n.slice(6, -1)).map(unquote);
  const literal = unquote(n);
  if (literal.startsWith("{") && literal.endsWith("}"))
    return splitTopLevel(literal.slice(1, -1)).map((e) => (e.startsWith('"') && e.endsWith('"') ? e.slice(1, -1).replace(/\\(.)/g, "$1") : e));
  return null;
}

function splitTopLevel(s: string): string[] {
  if (!s.trim()) return [];
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === "\\" && quote === '"') {
        current += ch + (s[++i] ?? "");
        continue;
      }
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  parts.push(current.trim());
  return parts;
}

function literalMatches(expected: Extract<ExpectedDefault, { kind: "literal" }>, raw: string): boolean {
  if (Array.isArray(expected.value)) {
    const elements = arrayElements(raw);
    return elements !== null && elements.length === expected.value.length && expected.value.every((v, i) => scalarMatches(expected, v, elements[i]));
  }
  // normalizeSql lower-cases only outside quotes, so string literals keep their case.
  return scalarMatches(expected, expected.value, unquote(normalizeSql(raw)));
}

function scalarMatches(expected: Extract<ExpectedDefault, { kind: "literal" }>, value: unknown, dbLiteral: string): boolean {
  const db = dbLiteral.trim();
  switch (expected.fieldType) {
    case "Boolean":
      return String(value).toLowerCase() === db.toLowerCase();
    case "Int":
    case "BigInt":
    case "Float":
    case "Decimal":
      return String(value) === db || Number(value) === Number(db);
    case "DateTime": {
      const want = Date.parse(String(value));
      return [db, `${db.replace(" ", "T")}Z`].some((candidate) => Date.parse(candidate) === want);
    }
    case "Json":
      try {
        return canonicalJson(typeof value === "string" ? JSON.parse(value) : value) === canonicalJson(JSON.parse(db));
      } catch {
        return String(value) === db;
      }
    default:
      if (expected.enumValues) return (expected.enumValues.get(String(value)) ?? String(value)) === db;
      return String(value) === db;
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}
