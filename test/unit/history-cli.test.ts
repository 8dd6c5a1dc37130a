import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runToExitCode } from '../../src/cli/run-cli.ts';
import { historyCli } from '../../src/policies/history-cli.ts';
import { createTempProject } from '../helpers/temp-project.ts';

const FILE = 'content/policies/refunds.mdx';
const policy = (words: string, effective: string) => `---\ntitle: Refunds\nowner: "@ana"\nstatus: published\neffective: ${effective}\n---\n\n${words}\n`;

function handbookWithAFutureChange() {
  const project = createTempProject({});
  project.commit({ [FILE]: policy('Refund within 30 days.', '2026-01-05') }, 'Add refunds', '2026-01-05T09:00:00Z', 'Ana Editor');
  project.commit({ [FILE]: policy('Refund within 14 days.', '2026-01-05') }, 'Shorter refunds (#4)', '2026-03-10T09:00:00Z', 'Ben Lead');
  project.commit({ [FILE]: policy('Refund within 21 days.', '2027-02-01') }, 'Longer refunds (#9)', '2026-11-20T09:00:00Z', 'Cy Manager');
  return project;
}

async function history(root: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { root, env: {}, stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text) };
  const code = await runToExitCode(() => historyCli(argv, io), io.stderr);
  return { code, stdout, stderr };
}

describe('plainbook history', () => {
  it('lists each version, newest first, with the days it was in force, the change and its author', async () => {
    const project = handbookWithAFutureChange();
    const result = await history(project.dir, 'refunds', '--today', '2026-12-04');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Refunds (content/policies/refunds.mdx), as of 4 Dec 2026:',
        '',
        'from         to           status    change              author',
        '1 Feb 2027                upcoming  #9 Longer refunds   Cy Manager',
        '10 Mar 2026  31 Jan 2027  in force  #4 Shorter refunds  Ben Lead',
        '5 Jan 2026   9 Mar 2026   replaced  Add refunds         Ana Editor',
        '',
      ].join('\n'),
    );
  });

  it('answers for another day, and gives JSON for tools', async () => {
    const project = handbookWithAFutureChange();
    const result = await history(project.dir, 'content/policies/refunds.mdx', '--format', 'json', '--today', '2027-02-01');
    const parsed = JSON.parse(result.stdout) as { today: string; versions: { from: string; to: string | null; status: string; pullRequest: number | null; effective: string }[] };
    expect(parsed.today).toBe('2027-02-01');
    expect(parsed.versions.map(({ from, to, status, pullRequest, effective }) => ({ from, to, status, pullRequest, effective }))).toEqual([
      { from: '2027-02-01', to: null, status: 'in force', pullRequest: 9, effective: '2027-02-01' },
      { from: '2026-03-10', to: '2027-01-31', status: 'replaced', pullRequest: 4, effective: '2026-01-05' },
      { from: '2026-01-05', to: '2026-03-09', status: 'replaced', pullRequest: null, effective: '2026-01-05' },
    ]);
  });

  it('names the closest policy for one it does not know, and refuses a bad format or date', async () => {
    const project = handbookWithAFutureChange();
    expect(await history(project.dir, 'refund')).toMatchObject({ code: 2, stderr: 'Unexpected policy `refund`, expected `refunds`.\n' });
    expect((await history(project.dir, 'refunds', '--format', 'csv')).stderr).toBe('Unexpected format `csv`, expected `table` or `json`.\n');
    expect((await history(project.dir, 'refunds', '--today', '1 Feb')).code).toBe(2);
    expect((await history(project.dir)).stderr).toMatch(/^Missing policy, expected its id/);
  });

  it('says there is no record yet for a policy git has not seen, and stops on a shallow clone with how to fetch it', async () => {
    const project = createTempProject({ [FILE]: policy('Refund within 30 days.', '2026-01-05') });
    const fresh = await history(project.dir, 'refunds', '--today', '2026-12-04');
    expect(fresh.stdout).toContain('No versions in git yet: commit the policy to start its record.');
    project.commit({}, 'Start', '2026-01-05T09:00:00Z');
    project.commit({ [FILE]: policy('Refund within 14 days.', '2026-01-05') }, 'Shorter', '2026-03-10T09:00:00Z');
    project.git('clone', '-q', '--depth', '1', `file://${project.dir}`, 'shallow');
    const shallow = await history(`${project.dir}/shallow`, 'refunds');
    expect(shallow.code).toBe(3);
    expect(shallow.stderr).toMatch(/shallow/);
  });

  it('says when git can no longer rebuild every version, rather than guess', async () => {
    const project = handbookWithAFutureChange();
    // A change not yet committed: the newest diff no longer undoes onto the file.
    writeFileSync(join(project.dir, FILE), policy('Refund whenever you like.', '2027-02-01'));
    const result = await history(project.dir, 'refunds', '--today', '2026-12-04');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Earlier versions cannot be shown: git's record of them no longer matches this page");
    expect(JSON.parse((await history(project.dir, 'refunds', '--format', 'json')).stdout)).toMatchObject({ complete: false, versions: [] });
    expect(JSON.parse((await history(handbookWithAFutureChange().dir, 'refunds', '--format', 'json')).stdout)).toMatchObject({ complete: true });
  });

  it('reads a shallow clone with history: partial, and says where its history stops', async () => {
    const project = handbookWithAFutureChange();
    project.git('clone', '-q', '--depth', '2', `file://${project.dir}`, 'shallow');
    const shallow = join(project.dir, 'shallow');
    expect((await history(shallow, 'refunds')).code).toBe(3);
    writeFileSync(join(shallow, 'plainbook.config.yml'), `${readFileSync(join(shallow, 'plainbook.config.yml'), 'utf8')}  history: partial\n`);
    const result = await history(shallow, 'refunds', '--today', '2026-12-04');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('is a shallow clone (history: partial)');
    expect(result.stderr).toContain('Earlier versions are not in this copy of the history (a shallow clone): it starts on 2026-03-10, and the version from that day may be older.');
    expect(result.stdout).toContain('#9 Longer refunds');
    expect(result.stdout).not.toContain('Add refunds');
    expect(JSON.parse((await history(shallow, 'refunds', '--format', 'json')).stdout)).toMatchObject({ complete: false });
  });
});
