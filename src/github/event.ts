import { readFileSync } from 'node:fs';

export interface PullRequestContext {
  number: number;
  /** True when the head branch lives in another repository: the token is then read-only. */
  fromFork: boolean;
}

/**
 * The pull request a workflow runs for, from the event payload GitHub writes to
 * GITHUB_EVENT_PATH. Only numbers and repository names are read: titles and bodies are not.
 */
export function pullRequestFromEvent(env: Readonly<Record<string, string | undefined>> = process.env): PullRequestContext | undefined {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  let event: { pull_request?: { number?: unknown; head?: { repo?: { full_name?: unknown } }; base?: { repo?: { full_name?: unknown } } } };
  try {
    event = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const pr = event.pull_request;
  if (!pr || typeof pr.number !== 'number') return undefined;
  const head = pr.head?.repo?.full_name;
  const base = pr.base?.repo?.full_name;
  return { number: pr.number, fromFork: typeof head === 'string' && typeof base === 'string' && head !== base };
}
