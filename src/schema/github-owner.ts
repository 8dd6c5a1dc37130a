/**
 * A GitHub owner (`@login` or `@org/team`), checked without zod: the "Check your words" page's web
 * worker checks the handbook's default owner in the browser. `fields.ts` builds the schema field on it.
 */

// GitHub logins: alphanumerics and single hyphens, at most 39 characters.
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM_SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const GITHUB_OWNER_HELP = 'a GitHub user or team such as `@jane-doe` or `@acme/support-leads`';

/** `value` trimmed, with the `@` added when missing (so CODEOWNERS and mentions work). */
export function withAt(value: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith('@') ? trimmed : `@${trimmed}`;
}

/** Whether `value` (with its `@`) names a GitHub user or team. */
export function isGithubOwner(value: string): boolean {
  const [org, team, ...rest] = value.slice(1).split('/');
  if (!value.startsWith('@') || rest.length > 0 || !org || !LOGIN.test(org)) return false;
  return team === undefined || TEAM_SLUG.test(team);
}
