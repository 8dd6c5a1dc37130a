/**
 * The rules behind workflow-security.test.ts, as plain functions that return what they find, so
 * the test runs them on the real workflows AND on broken ones (each rule must be able to fail).
 * Injection and permissions read the parsed workflow; pins read its text (YAML drops comments).
 */
import { parse } from 'yaml';

export type Level = 'read' | 'write';
export type Scopes = Record<string, Level>;
export interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
export interface Job {
  permissions?: unknown;
  uses?: string;
  steps?: Step[];
}
export interface Workflow {
  on?: unknown;
  permissions?: unknown;
  jobs?: Record<string, Job>;
}

/** Word for word the attacker-controlled contexts GitHub's "Security hardening for GitHub Actions" lists. */
export const GUIDE_CONTEXTS = [
  'github.event.issue.title', 'github.event.issue.body',
  'github.event.pull_request.title', 'github.event.pull_request.body',
  'github.event.comment.body', 'github.event.review.body', 'github.event.review_comment.body',
  'github.event.pages.*.page_name', 'github.event.commits.*.message', 'github.event.head_commit.message',
  'github.event.head_commit.author.email', 'github.event.head_commit.author.name',
  'github.event.commits.*.author.email', 'github.event.commits.*.author.name',
  'github.event.pull_request.head.ref', 'github.event.pull_request.head.label',
  'github.event.pull_request.head.repo.default_branch', 'github.head_ref',
] as const;

/** The same kind of text in other events, and dispatch inputs (typed by whoever starts the run). */
export const MORE_CONTEXTS = [
  'github.event.pull_request.head.repo.*', 'github.event.head_commit.committer.*', 'github.event.commits.*.committer.*',
  'github.event.workflow_run.head_branch', 'github.event.workflow_run.display_title',
  'github.event.workflow_run.head_commit.*', 'github.event.workflow_run.head_repository.*',
  'github.event.workflow_run.pull_requests.*.head.ref',
  'github.event.discussion.title', 'github.event.discussion.body',
  'github.event.release.name', 'github.event.release.body',
  'inputs.*', 'github.event.inputs.*',
] as const;

const UNTRUSTED = [...GUIDE_CONTEXTS, ...MORE_CONTEXTS].map((context) => context.split('.'));

/** Inputs of any action whose text runs as code (`actions/github-script`'s `script`, and the like). */
export const CODE_INPUTS = ['script', 'run', 'shell', 'command', 'commands'];

/**
 * Property paths an expression reads, lower-cased: `['key']` becomes `.key`, an index or any
 * other computed key becomes `*`, string literals are dropped.
 */
export function contextPaths(expression: string): string[] {
  const named = expression.replace(/\[\s*'((?:[^']|'')*)'\s*\]/g, (_, key: string) => `.${key.replace(/''/g, "'")}`);
  const noStrings = named.replace(/'(?:[^']|'')*'/g, "''");
  const texts = [noStrings];
  // Innermost brackets first; what they hold is read too: `github.event[inputs.key]`.
  while (/\[[^[\]]*\]/.test(texts[0]!)) {
    texts[0] = texts[0]!.replace(/\[([^[\]]*)\]/g, (_, inner: string) => {
      texts.push(inner);
      return '.*';
    });
  }
  const path = /[a-z_][\w-]*(?:\s*\.\s*(?:[a-z_][\w-]*|\*))*/gi;
  return [...new Set(texts.flatMap((text) => [...text.matchAll(path)].map((m) => m[0].replace(/\s+/g, '').toLowerCase())))];
}

/** A path is untrusted when it is (or holds, or lies inside) an untrusted context; `*` matches any key. */
export function isUntrusted(path: string): boolean {
  const parts = path.split('.');
  return UNTRUSTED.some((context) => parts.slice(0, context.length).every((part, i) => part === '*' || context[i] === '*' || part === context[i]));
}

/** Untrusted values pasted into code: `run:` scripts and code inputs of actions. `env:` and other `with:` inputs are data. */
export function injectionFindings(workflow: Workflow): string[] {
  return Object.entries(workflow.jobs ?? {}).flatMap(([job, { steps = [] }]) =>
    steps.flatMap((step, index) => {
      const code = [['run', step.run], ...CODE_INPUTS.map((key) => [`with.${key}`, step.with?.[key]])] as const;
      return code.flatMap(([where, text]) =>
        typeof text !== 'string'
          ? []
          : [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].flatMap((m) =>
              contextPaths(m[1] ?? '').filter(isUntrusted).map((path) => `${job} step ${index + 1} ${where}: ${path}`),
            ),
      );
    }),
  );
}

/** What each action needs from GITHUB_TOKEN. An action that is not here fails the test until someone looks. */
export const ACTION_NEEDS: Record<string, Scopes> = {
  'actions/checkout': { contents: 'read' }, // clones with the token
  'actions/setup-node': {},
  'actions/cache': {},
  'actions/upload-artifact': {},
  'actions/download-artifact': {}, // an artifact of the same run: the runtime token, not GITHUB_TOKEN
  'actions/upload-pages-artifact': {},
  'actions/configure-pages': { pages: 'read' }, // GET /repos/{owner}/{repo}/pages
  'actions/deploy-pages': { pages: 'write', 'id-token': 'write' }, // OIDC token for the Pages deployment
  'actions/create-github-app-token': {}, // signs with the App's private key, not GITHUB_TOKEN
};

/** The Plainbook commands that call the GitHub API, with what they call it for. */
export const COMMAND_NEEDS: { command: RegExp; needs: Scopes; writes: boolean }[] = [
  // Branch and commit (git refs, contents API), pull request with reviewers, labels, comment, close.
  { command: /\bnpm run feedback\b/, needs: { contents: 'write', 'pull-requests': 'write', issues: 'write' }, writes: true },
  // Labels, milestone, issues and comments; status/remind/close also list the feedback pull requests.
  { command: /\bnpm run pilot\b/, needs: { issues: 'write', 'pull-requests': 'read' }, writes: true },
  { command: /\bnpm run review -- remind\b/, needs: { issues: 'write' }, writes: true },
  // One comment on the pull request through the issues API: on a pull request either
  // `issues: write` or `pull-requests: write` allows it; the narrower pull-requests scope is used.
  { command: /\bnpm run lint\b[^\n]*--comment\b/, needs: { 'pull-requests': 'write' }, writes: true },
];

const TOKEN = /\b(github\.token|secrets\.github_token)\b/i;
const rank = (level: string | undefined) => (level === 'write' ? 2 : level === 'read' ? 1 : 0);

function merge(into: Scopes, scopes: Scopes): void {
  for (const [scope, level] of Object.entries(scopes)) if (rank(level) > rank(into[scope])) into[scope] = level;
}

/** What a job's steps need, or why that cannot be told. */
export function jobNeeds(job: Job): { needs: Scopes; unknown: string[] } {
  const needs: Scopes = {};
  const unknown: string[] = [];
  if (job.uses) unknown.push(`reusable workflow ${job.uses}`);
  for (const step of job.steps ?? []) {
    if (step.uses) {
      if (step.uses.startsWith('./') || step.uses.startsWith('docker://')) unknown.push(step.uses);
      else {
        const needed = ACTION_NEEDS[step.uses.split('@')[0]!.split('/').slice(0, 2).join('/')];
        if (needed) merge(needs, needed);
        else unknown.push(`action ${step.uses}`);
      }
    }
    if (step.run) {
      const matched = COMMAND_NEEDS.filter(({ command }) => command.test(step.run!));
      for (const { needs: scopes } of matched) merge(needs, scopes);
      if (matched.length === 0 && TOKEN.test(JSON.stringify(step.env ?? {}) + step.run)) unknown.push(`a token used by \`${step.run.trim()}\``);
    }
  }
  return { needs, unknown };
}

/** Read a `permissions:` value; strings (`read-all`, `write-all`) and unknown levels are findings. */
function scopesOf(permissions: unknown, where: string, findings: string[]): Scopes | undefined {
  if (typeof permissions !== 'object' || permissions === null) {
    findings.push(`${where}: ${permissions === undefined ? 'no permissions, so the repository default applies' : `permissions ${JSON.stringify(permissions)}, list the scopes`}`);
    return undefined;
  }
  const scopes: Scopes = {};
  for (const [scope, level] of Object.entries(permissions)) {
    if (level === 'read' || level === 'write') scopes[scope] = level;
    else if (level !== 'none') findings.push(`${where}: ${scope}: ${String(level)} is not read, write or none`);
  }
  return scopes;
}

/** Top level `{}` or read-only; each job gets exactly what its steps need, no more and no less. */
export function permissionFindings(workflow: Workflow): string[] {
  const findings: string[] = [];
  const top = scopesOf(workflow.permissions, 'top level', findings);
  for (const [scope, level] of Object.entries(top ?? {})) if (level === 'write') findings.push(`top level: ${scope}: write, grant writes per job`);
  for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
    const granted = scopesOf(job.permissions ?? workflow.permissions, name, findings);
    const { needs, unknown } = jobNeeds(job);
    findings.push(...unknown.map((what) => `${name}: no table entry for ${what}`));
    if (!granted) continue;
    for (const scope of new Set([...Object.keys(granted), ...Object.keys(needs)])) {
      if (rank(granted[scope]) > rank(needs[scope])) findings.push(`${name}: ${scope}: ${granted[scope]} is more than it needs (${needs[scope] ?? 'none'})`);
      if (rank(granted[scope]) < rank(needs[scope])) findings.push(`${name}: ${scope}: needs ${needs[scope]}, has ${granted[scope] ?? 'none'}`);
    }
  }
  return findings;
}

/**
 * Commands that write to GitHub get GITHUB_TOKEN and PLAINBOOK_BOT_LOGIN, the login that token
 * writes as: `github-actions[bot]` for the workflow's token, `<app-slug>[bot]` for an App's.
 */
export function botLoginFindings(workflow: Workflow): string[] {
  return Object.entries(workflow.jobs ?? {}).flatMap(([name, { steps = [] }]) =>
    steps.flatMap((step, index): string[] => {
      if (!COMMAND_NEEDS.some(({ command, writes }) => writes && command.test(step.run ?? ''))) return [];
      const where = `${name} step ${index + 1}`;
      const token = String(step.env?.GITHUB_TOKEN ?? '');
      const login = String(step.env?.PLAINBOOK_BOT_LOGIN ?? '');
      if (!token) return [`${where}: no GITHUB_TOKEN`];
      if (!login) return [`${where}: no PLAINBOOK_BOT_LOGIN`];
      const findings: string[] = [];
      const app = /steps\.([\w-]+)\.outputs\.token/.exec(token)?.[1];
      if (app && !login.includes(`steps.${app}.outputs.app-slug`)) findings.push(`${where}: the App token's login comes from steps.${app}.outputs.app-slug`);
      if (TOKEN.test(token) && !login.includes('github-actions[bot]')) findings.push(`${where}: GITHUB_TOKEN writes as github-actions[bot]`);
      return findings;
    }),
  );
}

export interface Pin {
  action: string;
  sha: string;
  version: string;
}

/** Remote actions pinned as `owner/repo@<40-hex SHA> # vX.Y.Z`; local (`./`) and `docker://` are exempt. */
export function pinFindings(text: string): { findings: string[]; pins: Pin[] } {
  const findings: string[] = [];
  const pins: Pin[] = [];
  const seen: string[] = [];
  text.split('\n').forEach((line, index) => {
    const m = /^\s*(?:-\s+)?uses:\s*(["']?)([^\s"'#]+)\1\s*(?:#\s*(.*?))?\s*$/.exec(line);
    if (!m) return;
    const [, , ref = '', comment = ''] = m;
    seen.push(ref);
    if (ref.startsWith('./') || ref.startsWith('docker://')) return;
    const pinned = /^([\w.-]+\/[\w.-]+)(?:\/[^@]*)?@([0-9a-f]{40})$/.exec(ref);
    const version = /^v\d+\.\d+\.\d+$/.exec(comment.split(/\s/)[0] ?? '')?.[0];
    if (!pinned) findings.push(`line ${index + 1}: ${ref} is not pinned to a full commit SHA`);
    else if (!version) findings.push(`line ${index + 1}: ${ref} has no "# vX.Y.Z" comment naming its version`);
    else pins.push({ action: pinned[1]!, sha: pinned[2]!, version });
  });
  // Every `uses:` the YAML holds must have been read above, whatever its layout.
  const workflow = parse(text) as Workflow;
  for (const job of Object.values(workflow?.jobs ?? {})) {
    for (const ref of [job.uses, ...(job.steps ?? []).map((step) => step.uses)]) {
      if (ref && !seen.includes(ref)) findings.push(`${ref}: write it as "uses: <ref> # vX.Y.Z" on its own line`);
    }
  }
  return { findings, pins };
}
