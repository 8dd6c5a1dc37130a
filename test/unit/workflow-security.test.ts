/**
 * Workflows must not paste untrusted text into shell scripts: `${{ github.event.issue.title }}`
 * in a `run:` line is code injection. Untrusted values go through `env:`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = '.github/workflows';
const UNTRUSTED = /\$\{\{[^}]*\b(github\.event\.(issue|comment|pull_request\.head|review|discussion|head_commit)\.|github\.head_ref|inputs\.)/;

interface Step {
  run?: string;
  uses?: string;
}
interface Job {
  permissions?: unknown;
  steps?: Step[];
}
interface Workflow {
  on?: unknown;
  permissions?: unknown;
  jobs?: Record<string, Job>;
}

const workflows = readdirSync(DIR)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => ({ name, workflow: parse(readFileSync(join(DIR, name), 'utf8')) as Workflow }));

describe('GitHub workflows', () => {
  it('exist', () => {
    expect(workflows.map((w) => w.name).sort()).toEqual(['ci.yml', 'deploy.yml', 'feedback.yml', 'pilot.yml', 'review.yml']);
  });

  it.each(workflows)('$name keeps untrusted values out of run: scripts', ({ workflow }) => {
    const offending = Object.entries(workflow.jobs ?? {}).flatMap(([job, { steps = [] }]) =>
      steps.filter((step) => step.run && UNTRUSTED.test(step.run)).map((step) => `${job}: ${step.run}`),
    );
    expect(offending).toEqual([]);
  });

  it.each(workflows)('$name never runs untrusted code with secrets (pull_request_target)', ({ workflow }) => {
    expect(JSON.stringify(workflow.on)).not.toContain('pull_request_target');
  });

  it.each(workflows)('$name sets least-privilege permissions', ({ workflow }) => {
    expect(workflow.permissions, 'top-level permissions').toBeDefined();
    for (const [job, definition] of Object.entries(workflow.jobs ?? {})) {
      const permissions = definition.permissions ?? workflow.permissions;
      expect(JSON.stringify(permissions), job).not.toMatch(/write-all|"contents":"write".*"actions":"write"/);
    }
  });

  it('catches the mistake it looks for', () => {
    expect(UNTRUSTED.test('echo "${{ github.event.issue.title }}"')).toBe(true);
    expect(UNTRUSTED.test('echo "${{ github.event.comment.body }}"')).toBe(true);
    expect(UNTRUSTED.test('git checkout ${{ github.event.pull_request.head.ref }}')).toBe(true);
    expect(UNTRUSTED.test('npm run feedback -- pr "$ISSUE_NUMBER"')).toBe(false);
  });
});
