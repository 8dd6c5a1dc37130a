/**
 * GitHub's published REST description (`@octokit/openapi`, the non-dereferenced
 * `api.github.com.json`): read on first use only, since parsing its 13 MB costs about 0.2 s and
 * most test files never talk to GitHub. Finds the operation a request's method and path stand for.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type SchemaObject = { [key: string]: unknown };
type Ref = { $ref: string };

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
  /** GitHub's mark for a path parameter whose value may hold `/` (a file path, a ref). */
  'x-multi-segment'?: boolean;
}

export interface MediaTypes {
  content?: Record<string, { schema?: SchemaObject }>;
}

export interface Operation {
  operationId: string;
  parameters?: (Parameter | Ref)[];
  requestBody?: (MediaTypes & { required?: boolean }) | Ref;
  responses: Record<string, MediaTypes | Ref>;
}

interface Description {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, SchemaObject>; parameters: Record<string, Parameter>; responses: Record<string, MediaTypes>; requestBodies?: Record<string, MediaTypes> };
}

export interface MatchedPath {
  template: string;
  /** The path parameters as sent, percent-decoded. */
  values: Record<string, string>;
  /** The methods GitHub documents for this path, lower case. */
  methods: Record<string, Operation>;
}

interface Template {
  template: string;
  pattern: RegExp;
  names: string[];
  /** Literal segments: `/issues/comments` beats `/issues/{issue_number}`. */
  literals: number;
}

let description: Description | undefined;
let templates: Template[] | undefined;
const matched = new Map<string, MatchedPath | undefined>();

export function githubDescription(): Description {
  if (description) return description;
  const path = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  description = JSON.parse(readFileSync(path, 'utf8')) as Description;
  return description;
}

/** Follows a `#/components/...` reference (parameters, responses, request bodies) to its object. */
export function resolve<T>(item: T | Ref): T {
  if (!item || typeof item !== 'object' || !('$ref' in item) || typeof item.$ref !== 'string') return item as T;
  const [, , group, name] = item.$ref.split('/');
  const found = (githubDescription().components as unknown as Record<string, Record<string, unknown>>)[group ?? '']?.[name ?? ''];
  if (!found) throw new Error(`GitHub's description has no ${item.$ref}`);
  return resolve(found as T | Ref);
}

export function parametersOf(operation: Operation): Parameter[] {
  return (operation.parameters ?? []).map((item) => resolve<Parameter>(item));
}

/** The documented path a request path stands for: the most literal template wins, as on GitHub. */
export function matchPath(pathname: string): MatchedPath | undefined {
  // Tests ask for the same few paths again and again; 800 patterns are tried only once each.
  if (matched.has(pathname)) return matched.get(pathname);
  const found = firstMatch(pathname);
  matched.set(pathname, found);
  return found;
}

function firstMatch(pathname: string): MatchedPath | undefined {
  const paths = githubDescription().paths;
  for (const candidate of routeTemplates()) {
    const match = candidate.pattern.exec(pathname);
    if (!match) continue;
    const values = Object.fromEntries(candidate.names.map((name, index) => [name, safeDecode(match[index + 1] ?? '')]));
    return { template: candidate.template, values, methods: operationsOf(paths[candidate.template] ?? {}) };
  }
  return undefined;
}

function routeTemplates(): Template[] {
  templates ??= Object.entries(githubDescription().paths)
    .map(([template, item]) => compileTemplate(template, multiSegmentNames(operationsOf(item))))
    .sort((a, b) => b.literals - a.literals);
  return templates;
}

function compileTemplate(template: string, multi: Set<string>): Template {
  const names: string[] = [];
  let literals = 0;
  const source = template
    .split('/')
    .map((segment) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!name) {
        literals += 1;
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      names.push(name);
      return multi.has(name) ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { template, pattern: new RegExp(`^${source}$`), names, literals };
}

function multiSegmentNames(operations: Record<string, Operation>): Set<string> {
  const names = Object.values(operations).flatMap((operation) => parametersOf(operation).filter((item) => item['x-multi-segment']).map((item) => item.name));
  return new Set(names);
}

/** A path item also holds `parameters`, `summary` and the like beside its methods. */
function operationsOf(item: Record<string, Operation>): Record<string, Operation> {
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  return Object.fromEntries(Object.entries(item).filter(([method]) => methods.includes(method)));
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
