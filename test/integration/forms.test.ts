import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPilotProject } from '../helpers/pilot-project.ts';
import { write } from '../helpers/temp-project.ts';

const CLI = resolve('src/bin/plainbook.ts');
const forms = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, 'forms', ...args], { cwd, encoding: 'utf8' });

describe('npm run forms', () => {
  it('writes the feedback form, and --check fails once a policy is added until it is run again', () => {
    const project = createPilotProject({ policies: 2, staff: 1 });
    expect(forms(project.dir, '--check').status).toBe(1);
    expect(forms(project.dir).stdout).toBe('Wrote .github/ISSUE_TEMPLATE/policy-feedback.yml with 2 policies.\n');
    expect(forms(project.dir, '--check').status).toBe(0);
    expect(readFileSync(join(project.dir, '.github/ISSUE_TEMPLATE/policy-feedback.yml'), 'utf8')).toContain('- Policy 2 (policy-02)');

    write(project.dir, { 'content/policies/new.mdx': '---\ntitle: New one\nowner: "@a/b"\nstatus: draft\neffective: 2026-01-01\n---\n\nHi.\n' });
    const stale = forms(project.dir, '--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toBe('.github/ISSUE_TEMPLATE/policy-feedback.yml is out of date with content/policies (a policy was added, removed or renamed). Run `npx plainbook forms` and commit the result.\n');
  });

  it('the committed form matches the shipped policies', () => {
    expect(forms(process.cwd(), '--check').status).toBe(0);
  });
});
