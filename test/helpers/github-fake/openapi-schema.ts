/**
 * GitHub's OpenAPI 3.0 schemas as JSON Schema 2020-12 for Ajv, compiled on first use and cached.
 *
 * Three differences from a plain translation, each on purpose:
 * - `nullable: true` becomes a `null` type (Ajv's own `nullable` needs a `type` beside it, and
 *   GitHub writes it beside `oneOf` and `enum` too).
 * - Objects are closed: a property the description does not name fails. GitHub's description
 *   leaves objects open, but a request field GitHub does not know is silently dropped (a bug we
 *   would never see), and a field the fake invents is one the real service never sends. Closing
 *   is done with `unevaluatedProperties`, which sees through `allOf`, so a schema that `allOf`
 *   extends is used in an open copy and the whole is closed once.
 * - Descriptions, examples and `x-` extensions are dropped; formats are checked.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { githubDescription, type SchemaObject } from './openapi-description.ts';

/** The validation keywords OpenAPI 3.0 shares with JSON Schema; everything else is dropped. */
const KEPT = ['type', 'format', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'required'];
const BASE = 'https://api.github.com/schemas';

let ajv: Ajv2020 | undefined;
const added = new Set<string>();
const compiled = new Map<string, ValidateFunction>();

/**
 * Validates `data` against an OpenAPI schema from the description. `key` names the place the
 * schema comes from (operation, part, status) so it is compiled once.
 */
export function validate(key: string, schema: SchemaObject, data: unknown): ErrorObject[] {
  let check = compiled.get(key);
  if (!check) {
    check = instance().compile(convert(schema, false));
    compiled.set(key, check);
  }
  return check(data) ? [] : [...(check.errors ?? [])];
}

/** For tests of the checker itself: how many validators were compiled so far. */
export function compiledCount(): number {
  return compiled.size;
}

function instance(): Ajv2020 {
  if (ajv) return ajv;
  // allErrors: a failing test should say everything wrong at once. The rest make compiling,
  // which costs far more here than validating (a few dozen answers per test file), faster:
  // shared schemas such as `simple-user` compile once instead of inline at each use (about half
  // the time), and the converted schemas skip the meta-schema (the unit tests cover converting).
  ajv = new Ajv2020({ allErrors: true, strictTypes: false, allowUnionTypes: true, inlineRefs: false, validateSchema: false, code: { optimize: false } });
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
  ajv.addFormat('date-time', dateTime);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('email', /^[^@\s]+@[^@\s]+$/);
  ajv.addFormat('repo.nwo', /^[\w.-]+\/[\w.-]+$/);
  // Sizes and encodings of values the type already checks, and templates any string may be.
  for (const name of ['int32', 'int64', 'double', 'timestamp', 'binary', 'uri-template']) ajv.addFormat(name, true);
  return ajv;
}

/** The id Ajv knows a component by, adding it (and what it refers to) on first use. */
function component(reference: string, open: boolean): string {
  const name = /^#\/components\/schemas\/([^/]+)$/.exec(reference)?.[1];
  const schema = name ? githubDescription().components.schemas[name] : undefined;
  if (!name || !schema) throw new Error(`GitHub's description has no schema ${reference}`);
  const id = `${BASE}/${open ? 'open/' : ''}${name}`;
  if (added.has(id)) return id;
  added.add(id);
  instance().addSchema({ $id: id, ...convert(schema, open) });
  return id;
}

/**
 * One OpenAPI schema as JSON Schema. `open` is set for a schema another extends through `allOf`:
 * the schema that extends it closes the whole.
 */
function convert(schema: SchemaObject, open: boolean): SchemaObject {
  if (typeof schema.$ref === 'string') return { $ref: component(schema.$ref, open) };
  const out: SchemaObject = Object.fromEntries(KEPT.filter((key) => key in schema).map((key) => [key, schema[key]]));
  const properties = schema.properties as Record<string, SchemaObject> | undefined;
  if (properties) out.properties = Object.fromEntries(Object.entries(properties).map(([name, child]) => [name, convert(child, false)]));
  if (isSchema(schema.items)) out.items = convert(schema.items, false);
  if (isSchema(schema.additionalProperties)) out.additionalProperties = convert(schema.additionalProperties, false);
  else if (typeof schema.additionalProperties === 'boolean') out.additionalProperties = schema.additionalProperties;
  if (isSchema(schema.not)) out.not = convert(schema.not, true);
  // Alternatives stay closed on their own unless properties beside them must count as known.
  const alternativesOpen = open || properties !== undefined;
  for (const [keyword, memberOpen] of [['allOf', true], ['anyOf', alternativesOpen], ['oneOf', alternativesOpen]] as const) {
    const members = schema[keyword] as SchemaObject[] | undefined;
    if (members) out[keyword] = members.map((member) => convert(member, memberOpen));
  }
  if (!open && schema.additionalProperties === undefined && (properties || schema.allOf || (alternativesOpen && (schema.anyOf || schema.oneOf)))) {
    out.unevaluatedProperties = false;
  }
  return schema.nullable === true ? nullable(out) : out;
}

function nullable(schema: SchemaObject): SchemaObject {
  if (typeof schema.type !== 'string') return { anyOf: [{ type: 'null' }, schema] };
  const enumerated = schema.enum as unknown[] | undefined;
  return { ...schema, type: [schema.type, 'null'], ...(enumerated && !enumerated.includes(null) ? { enum: [...enumerated, null] } : {}) };
}

function isSchema(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
