import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentHistory } from '../../src/policies/git-history.ts';
import { changeTimes, policyVersions, upcomingVersions, versionOn, type PolicyVersion } from '../../src/policies/versions.ts';
import { createTempRepo } from '../helpers/temp-git-repo.ts';

const FILE = 'content/policies/refunds.mdx';
const policy = (words: string, effective: string, reviewed = effective) => `---\ntitle: Refunds\neffective: ${effective}\nreviewed: ${reviewed}\n---\n\n${words}\n`;

/** Commit each `[words, effective, commit date, subject]` in turn and read the policy's versions. */
async function versionsAfter(steps: [words: string, effective: string, date: string, subject: string][]): Promise<PolicyVersion[]> {
  const repo = createTempRepo();
  for (const [words, effective, date, subject] of steps) repo.commit({ [FILE]: policy(words, effective) }, subject, date);
  const history = await readContentHistory(repo.dir, join(repo.dir, 'content'));
  return policyVersions(readFileSync(join(repo.dir, FILE), 'utf8'), history.get(FILE) ?? []);
}

const spans = (versions: readonly PolicyVersion[]) => versions.map((version) => [version.commit.subject, version.inForce?.from, version.inForce?.until]);

describe("a policy's versions and the days each was in force", () => {
  it('starts each version on the day it was merged, or later on its effective date', async () => {
    const versions = await versionsAfter([
      ['Refund within 30 days.', '2026-01-05', '2026-01-05T09:00:00Z', 'Add refunds'],
      // Dated in the past: it applies from the day it was merged, when staff could first read it.
      ['Refund within 14 days.', '2026-02-01', '2026-03-10T09:00:00Z', 'Shorter refunds (#4)'],
      // Merged now, in force later.
      ['Refund within 21 days.', '2026-08-01', '2026-07-01T09:00:00Z', 'Longer refunds (#9)'],
    ]);
    expect(spans(versions)).toEqual([
      ['Add refunds', '2026-01-05', '2026-03-10'],
      ['Shorter refunds (#4)', '2026-03-10', '2026-08-01'],
      ['Longer refunds (#9)', '2026-08-01', undefined],
    ]);
    expect(versions[1]?.commit.pullRequest).toBe(4);
  });

  it('answers for any day: nothing before the first version, each version on its first and last day', async () => {
    const versions = await versionsAfter([
      ['Refund within 30 days.', '2026-01-05', '2026-01-05T09:00:00Z', 'Add refunds'],
      ['Refund within 21 days.', '2026-08-01', '2026-07-01T09:00:00Z', 'Longer refunds'],
    ]);
    expect(versionOn(versions, '2026-01-04')).toBeUndefined();
    expect(versionOn(versions, '2026-01-05')?.commit.subject).toBe('Add refunds');
    expect(versionOn(versions, '2026-07-31')?.commit.subject).toBe('Add refunds');
    expect(versionOn(versions, '2026-08-01')?.commit.subject).toBe('Longer refunds');
    expect(upcomingVersions(versions, '2026-07-31').map((version) => version.commit.subject)).toEqual(['Longer refunds']);
    // On the day it takes effect it is in force, not upcoming.
    expect(upcomingVersions(versions, '2026-08-01')).toEqual([]);
  });

  it('lets a change merged later with an earlier date overtake one still waiting, which never comes into force', async () => {
    const versions = await versionsAfter([
      ['Refund within 30 days.', '2026-01-05', '2026-01-05T09:00:00Z', 'Add refunds'],
      ['Refund within 21 days.', '2026-03-01', '2026-01-10T09:00:00Z', 'From March'],
      ['Refund within 14 days.', '2026-02-01', '2026-01-20T09:00:00Z', 'From February'],
    ]);
    expect(spans(versions)).toEqual([
      ['Add refunds', '2026-01-05', '2026-02-01'],
      ['From March', undefined, undefined],
      ['From February', '2026-02-01', undefined],
    ]);
    expect(versionOn(versions, '2026-03-15')?.commit.subject).toBe('From February');
  });

  it('keeps the last of several changes merged on one day', async () => {
    const versions = await versionsAfter([
      ['Refund within 30 days.', '2026-01-05', '2026-01-05T09:00:00Z', 'Add refunds'],
      ['Refund within 20 days.', '2026-01-05', '2026-04-02T09:00:00Z', 'Morning'],
      ['Refund within 25 days.', '2026-01-05', '2026-04-02T16:00:00Z', 'Afternoon'],
    ]);
    expect(spans(versions)).toEqual([
      ['Add refunds', '2026-01-05', '2026-04-02'],
      ['Morning', undefined, undefined],
      ['Afternoon', '2026-04-02', undefined],
    ]);
  });

  it('folds a change to the frontmatter alone into the words before it, whose header and date it updates', async () => {
    const repo = createTempRepo();
    repo.commit({ [FILE]: policy('Refund within 30 days.', '2026-01-05') }, 'Add refunds', '2026-01-05T09:00:00Z');
    repo.commit({ [FILE]: policy('Refund within 21 days.', '2026-09-01') }, 'Longer refunds', '2026-07-01T09:00:00Z');
    // The owner moves the date forward: same words, new effective date.
    repo.commit({ [FILE]: policy('Refund within 21 days.', '2026-08-01', '2026-07-02') }, 'Start in August', '2026-07-02T09:00:00Z');
    const history = await readContentHistory(repo.dir, join(repo.dir, 'content'));
    const versions = policyVersions(readFileSync(join(repo.dir, FILE), 'utf8'), history.get(FILE) ?? []);
    expect(versions.map((version) => [version.commit.subject, version.headerCommit.subject, version.effective, version.inForce?.from])).toEqual([
      ['Add refunds', 'Add refunds', '2026-01-05', '2026-01-05'],
      ['Longer refunds', 'Start in August', '2026-08-01', '2026-08-01'],
    ]);
    expect(versions[1]?.text).toContain('reviewed: 2026-07-02');
  });

  it('dates each change by when it took effect: its own time on the day it merged, the start of a later day, none while it waits', async () => {
    const repo = createTempRepo();
    repo.commit({ [FILE]: policy('Refund within 30 days.', '2026-01-05') }, 'Add refunds', '2026-01-05T09:00:00Z');
    repo.commit({ [FILE]: policy('Refund within 21 days.', '2026-08-01') }, 'Longer refunds', '2026-07-01T09:00:00Z');
    repo.commit({ [FILE]: policy('Refund within 21 days.', '2026-08-01', '2026-07-02') }, 'Reviewed', '2026-07-02T10:00:00Z');
    const history = await readContentHistory(repo.dir, join(repo.dir, 'content'));
    const commits = history.get(FILE) ?? [];
    const versions = policyVersions(readFileSync(join(repo.dir, FILE), 'utf8'), commits);
    const timesOn = (today: string) => commits.map((commit) => [commit.subject, changeTimes(versions, commits, today).get(commit.hash)]);
    expect(timesOn('2026-07-31')).toEqual([
      ['Reviewed', '2026-07-02T10:00:00+00:00'],
      ['Longer refunds', undefined],
      ['Add refunds', '2026-01-05T09:00:00+00:00'],
    ]);
    expect(timesOn('2026-08-01')[1]).toEqual(['Longer refunds', '2026-08-01T00:00:00Z']);
  });
});
