/**
 * Holds each request a test makes, and each answer the fake gives, to GitHub's published REST
 * description: the path and method must be documented, the path and query parameters and the
 * JSON body must match the operation's schemas (nothing undocumented, nothing missing, right
 * types), and the answer must match the schema documented for its status.
 *
 * GraphQL (POST /graphql) is not in the REST description; for it only the envelope is checked
 * (`{ query, variables?, operationName? }` in, `{ data?, errors? }` out). See graphqlEnvelope.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { matchPath, parametersOf, resolve, type MediaTypes, type Operation, type Parameter, type SchemaObject } from './openapi-description.ts';
import { validate } from './openapi-schema.ts';

export interface Violation {
  method: string;
  /** Path and query as sent. */
  path: string;
  /** GitHub's operation id (`issues/create`), `graphql`, or `unknown`. */
  operationId: string;
  part: 'route' | 'path parameters' | 'query' | 'body' | 'answer';
  detail: string;
}

export interface CheckedRequest {
  method: string;
  path: string;
  operationId: string;
  operation: Operation | undefined;
  violations: Violation[];
  /** What GitHub would answer instead: 404 for an undocumented route, 422 for a bad request. */
  refusal: 404 | 422 | undefined;
}

/** Answers GitHub gives to any operation: a bad token, a token without the permission. */
const ANY_OPERATION = new Set([401, 403]);

/**
 * All violations, one block per operation and part: a list of 50 issues missing a field says so
 * once, not 50 times, and names the first request that showed it.
 */
export function violationReport(violations: readonly Violation[]): string {
  const groups = new Map<string, { first: Violation; requests: Set<string>; details: Set<string> }>();
  for (const violation of violations) {
    // Undocumented routes have no operation to group by; each path stands alone.
    const operation = violation.operationId === 'unknown' ? violation.path : violation.operationId;
    const key = `${violation.method} ${operation} ${violation.part}`;
    const group = groups.get(key) ?? { first: violation, requests: new Set<string>(), details: new Set<string>() };
    group.requests.add(violation.path);
    group.details.add(violation.detail);
    groups.set(key, group);
  }
  const blocks = [...groups.values()].map(({ first, requests, details }) => {
    const more = requests.size > 1 ? ` and ${requests.size - 1} more like it` : '';
    return [`- ${first.method} ${first.path}${more} (${first.operationId}), ${first.part}:`, ...[...details].map((detail) => `    ${detail}`)].join('\n');
  });
  return `GitHub's REST description (@octokit/openapi) does not allow what the GitHub fake saw or said:\n${blocks.join('\n')}`;
}

export function checkRequest(method: string, url: URL, body: unknown): CheckedRequest {
  const path = url.pathname + url.search;
  if (url.pathname === '/graphql') return checkGraphqlRequest(method, path, body);
  const matched = matchPath(url.pathname);
  const operation = matched?.methods[method.toLowerCase()];
  const checked: CheckedRequest = { method, path, operationId: operation?.operationId ?? 'unknown', operation, violations: [], refusal: undefined };
  const report = (part: Violation['part'], detail: string) => checked.violations.push({ method, path, operationId: checked.operationId, part, detail });
  if (!matched || !operation) {
    const known = matched ? `; it documents ${Object.keys(matched.methods).map((item) => item.toUpperCase()).join(', ')} for ${matched.template}` : '';
    report('route', `GitHub documents no such operation${known}`);
    checked.refusal = 404;
    return checked;
  }
  const parameters = parametersOf(operation);
  const id = operation.operationId;
  for (const problem of schemaProblems(`${id} path`, parameterSchema(parameters, 'path'), coerce(parameters, Object.entries(matched.values)))) report('path parameters', problem);
  for (const problem of schemaProblems(`${id} query`, parameterSchema(parameters, 'query'), coerce(parameters, [...url.searchParams]))) report('query', problem);
  for (const problem of bodyProblems(operation, body)) report('body', problem);
  if (checked.violations.length) checked.refusal = 422;
  return checked;
}

export function checkAnswer(request: CheckedRequest, status: number, contentType: string, body: unknown): Violation[] {
  const problems = request.operationId === 'graphql' ? graphqlAnswerProblems(status, body) : restAnswerProblems(request, status, contentType, body);
  return problems.map((detail) => ({ method: request.method, path: request.path, operationId: request.operationId, part: 'answer', detail: `${status}: ${detail}` }));
}

function restAnswerProblems(request: CheckedRequest, status: number, contentType: string, body: unknown): string[] {
  const { operation } = request;
  if (!operation) return [];
  const documented = operation.responses[String(status)] ?? operation.responses.default;
  if (!documented) {
    if (ANY_OPERATION.has(status)) return schemaProblems('basic-error', { $ref: '#/components/schemas/basic-error' }, body);
    return [`GitHub documents only ${Object.keys(operation.responses).join(', ')} for this operation`];
  }
  const content = resolve<MediaTypes>(documented).content;
  if (!content) return body === undefined ? [] : ['GitHub documents no body for this status'];
  const type = contentType.split(';')[0]?.trim() ?? '';
  const schema = content[type]?.schema;
  if (!schema) return [`GitHub documents ${Object.keys(content).join(', ')} for this status, not ${type}`];
  return schemaProblems(`${operation.operationId} ${status} ${type}`, schema, body);
}

function bodyProblems(operation: Operation, body: unknown): string[] {
  const documented = operation.requestBody ? resolve<MediaTypes & { required?: boolean }>(operation.requestBody) : undefined;
  if (body === undefined) return documented?.required ? ['GitHub requires a body here, and none was sent'] : [];
  const schema = documented?.content?.['application/json']?.schema;
  if (!schema) return ['GitHub documents no JSON body for this operation'];
  return schemaProblems(`${operation.operationId} body`, schema, body);
}

/** The operation's path or query parameters as one object schema, so unknown names stand out. */
function parameterSchema(parameters: Parameter[], place: 'path' | 'query'): SchemaObject {
  const own = parameters.filter((item) => item.in === place);
  return {
    type: 'object',
    properties: Object.fromEntries(own.map((item) => [item.name, item.schema ?? {}])),
    required: own.filter((item) => item.required).map((item) => item.name),
  };
}

/** Parameters arrive as text; read them as the types GitHub declares, as its router does. */
function coerce(parameters: Parameter[], entries: [string, string][]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, text] of entries) {
    const type = declaredType(parameters.find((item) => item.name === name)?.schema);
    const value = fromText(type, text);
    // A name given twice is a list, which the schema then refuses unless it declares one.
    if (type === 'array') values[name] = [...((values[name] as unknown[] | undefined) ?? []), value];
    else if (name in values) values[name] = [values[name], value];
    else values[name] = value;
  }
  return values;
}

/** Text that does not read as the declared type stays text, so the schema names the mismatch. */
function fromText(type: unknown, text: string): unknown {
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

function declaredType(schema: SchemaObject | undefined): unknown {
  if (typeof schema?.$ref !== 'string') return schema?.type;
  return declaredType(resolve<SchemaObject>({ $ref: schema.$ref }));
}

function schemaProblems(key: string, schema: SchemaObject, data: unknown): string[] {
  return [...new Set(validate(key, schema, data).map(describe))].slice(0, 12);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(top level)';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'unevaluatedProperties') return `${where} has \`${String(params.unevaluatedProperty)}\`, which GitHub does not document there`;
  if (error.keyword === 'enum') return `${where} must be one of ${JSON.stringify(params.allowedValues)}`;
  return `${where} ${error.message ?? error.keyword}`;
}

/**
 * GitHub's GraphQL endpoint, over HTTP: a POST of one JSON document. The query's fields are not
 * checked: that takes GitHub's GraphQL schema, a different description than this one.
 */
const graphqlEnvelope = {
  request: { type: 'object', properties: { query: { type: 'string', minLength: 1 }, variables: { type: 'object' }, operationName: { type: 'string' } }, required: ['query'] },
  answer: {
    type: 'object',
    properties: { data: { type: 'object', nullable: true }, errors: { type: 'array', minItems: 1, items: { type: 'object', required: ['message'], additionalProperties: true, properties: { message: { type: 'string' } } } } },
    minProperties: 1,
  },
};

function checkGraphqlRequest(method: string, path: string, body: unknown): CheckedRequest {
  const checked: CheckedRequest = { method, path, operationId: 'graphql', operation: undefined, violations: [], refusal: undefined };
  const problems = method === 'POST' ? schemaProblems('graphql request', graphqlEnvelope.request, body) : ['GitHub answers GraphQL on POST only'];
  checked.violations = problems.map((detail) => ({ method, path, operationId: 'graphql', part: 'body', detail }));
  if (problems.length) checked.refusal = method === 'POST' ? 422 : 404;
  return checked;
}

function graphqlAnswerProblems(status: number, body: unknown): string[] {
  return status === 200 ? schemaProblems('graphql answer', graphqlEnvelope.answer, body) : [];
}
