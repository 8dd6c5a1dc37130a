/**
 * The fake's GraphQL endpoint, for the two questions Plainbook asks it: which account the token
 * belongs to (`viewer { login }`), and an issue's body with when it was last edited
 * (`repository(owner:, name:) { issue(number:) { body lastEditedAt } }`). Answers come in
 * GitHub's shapes: `data` as the query asked for it, `errors` as GitHub words them (a field the
 * type does not have, an issue that is not there). The envelope itself is checked with every
 * other request (openapi-check.ts).
 */
import type { BodyEdit } from './git.ts';
import type { Repository } from './repository.ts';

type Answer = { status: number; body: unknown };

/** Scalar fields of `Issue` the fake knows, and how it reads them. GitHub has many more. */
const ISSUE_FIELDS: Record<string, (issue: Repository['issues'][number], edits: readonly BodyEdit[]) => unknown> = {
  body: (issue) => issue.body ?? '',
  lastEditedAt: (_, edits) => edits.at(-1)?.editedAt ?? null,
};

export function answerGraphql(repo: Repository, edits: ReadonlyMap<number, BodyEdit[]>, viewer: string, body: Record<string, unknown>): Answer {
  const query = String(body.query ?? '');
  const variables = (body.variables ?? {}) as Record<string, unknown>;
  if (/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) return ok({ viewer: { login: viewer } });
  const issueQuery = /repository\s*\(\s*owner:\s*\$owner\s*,\s*name:\s*\$repo\s*\)\s*\{\s*issue\s*\(\s*number:\s*\$number\s*\)\s*\{([^{}]*)\}\s*\}/.exec(query);
  if (!issueQuery) return failed([{ message: 'This fake answers only `viewer { login }` and `repository { issue { body lastEditedAt } }`.' }]);
  const fields = (issueQuery[1] ?? '').split(/[\s,]+/).filter(Boolean);
  const unknown = fields.filter((field) => !(field in ISSUE_FIELDS));
  if (unknown.length > 0) return failed(unknown.map((field) => ({ message: `Field '${field}' doesn't exist on type 'Issue'`, extensions: { code: 'undefinedField', typeName: 'Issue', fieldName: field } })));
  if (variables.owner !== repo.owner || variables.repo !== repo.repo) {
    return { status: 200, body: { data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message: `Could not resolve to a Repository with the name '${String(variables.owner)}/${String(variables.repo)}'.` }] } };
  }
  const issue = repo.issues.find((item) => item.number === variables.number && !('pull_request' in item));
  if (!issue) {
    return { status: 200, body: { data: { repository: { issue: null } }, errors: [{ type: 'NOT_FOUND', path: ['repository', 'issue'], message: `Could not resolve to an Issue with the number of ${String(variables.number)}.` }] } };
  }
  const own = edits.get(issue.number) ?? [];
  return ok({ repository: { issue: Object.fromEntries(fields.map((field) => [field, ISSUE_FIELDS[field]?.(issue, own)])) } });
}

function ok(data: unknown): Answer {
  return { status: 200, body: { data } };
}

function failed(errors: unknown[]): Answer {
  return { status: 200, body: { errors } };
}
