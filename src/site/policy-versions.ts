/**
 * Each policy's versions for the site (src/policies/versions.ts), worked out once per build from
 * the one history pass, for the policy page, its version pages and the loader that renders them.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { POLICY_DIR } from '../policies/validate-policy.ts';
import { isDevServer } from 'virtual:plainbook/settings';
import type { IsoDate } from '../schema/fields.ts';
import { changeTimes, missingVersionsNote, policyVersions, recordIsWhole, upcomingVersions, versionOn, type PolicyVersion } from '../policies/versions.ts';
import { contentHistory } from './content-history.ts';

const cache = new Map<string, Promise<{ versions: PolicyVersion[]; whole: boolean; missing: string | undefined }>>();

function recordOf(settings: { root: string; contentPath: string; history?: 'whole' | 'partial' }, filePath: string): Promise<{ versions: PolicyVersion[]; whole: boolean; missing: string | undefined }> {
  let pending = isDevServer ? undefined : cache.get(filePath);
  if (!pending) {
    pending = (async () => {
      const commits = (await contentHistory(settings)).get(filePath) ?? [];
      const current = await readFile(join(settings.root, filePath), 'utf8').catch(() => undefined);
      if (current === undefined || commits.length === 0) return { versions: [], whole: true, missing: undefined };
      const whole = recordIsWhole(current, commits);
      return { versions: policyVersions(current, commits), whole, missing: whole ? undefined : missingVersionsNote(commits) };
    })();
    cache.set(filePath, pending);
  }
  return pending;
}

export async function versionsOf(settings: { root: string; contentPath: string }, filePath: string): Promise<PolicyVersion[]> {
  return (await recordOf(settings, filePath)).versions;
}

/** When each of the file's commits took effect (see changeTimes); undefined for one still waiting. */
export async function changeTimesOf(settings: { root: string; contentPath: string }, filePath: string, today: IsoDate): Promise<Map<string, string | undefined>> {
  const commits = (await contentHistory(settings)).get(filePath) ?? [];
  return changeTimes(await versionsOf(settings, filePath), commits, today);
}

/** What a policy page shows on `today`: the version in force, and a change waiting to take effect. */
export interface PageVersions {
  versions: PolicyVersion[];
  /** The version in force, when it is not the file's current text (a change waits). */
  inForce: PolicyVersion | undefined;
  /** The change that takes effect next, if any. */
  upcoming: PolicyVersion | undefined;
  /** False when git's record no longer rebuilds every version (see recordIsWhole). */
  whole: boolean;
  /** What the page says then. */
  missing: string | undefined;
}

export async function pageVersions(settings: { root: string; contentPath: string }, filePath: string, today: IsoDate): Promise<PageVersions> {
  const { versions, whole, missing } = await recordOf(settings, filePath);
  const upcoming = upcomingVersions(versions, today).at(0);
  return { versions, inForce: upcoming ? versionOn(versions, today) : undefined, upcoming, whole, missing };
}

/** A version's page: `/versions/<policy id>/<n>/`, numbered from 1 in the order they were made. */
export function versionPath(base: string, policyId: string, number: number): string {
  return `${base.replace(/\/$/, '')}/versions/${policyId}/${number}/`;
}

/** Every version has a page of its own but the newest when it is in force: the policy page is its. */
export function hasVersionPage(versions: readonly PolicyVersion[], index: number, today: IsoDate): boolean {
  const newest = versions.at(-1)?.inForce;
  return index < versions.length - 1 || (newest !== undefined && newest.from > today);
}

/** Where version `index` of a policy is read: its own page, or the policy page for the newest in force. */
export function versionHref(base: string, policyId: string, versions: readonly PolicyVersion[], index: number, today: IsoDate): string {
  return hasVersionPage(versions, index, today) ? versionPath(base, policyId, index + 1) : `${base.replace(/\/$/, '')}/policies/${policyId}/`;
}

/** `content/policies/phone/answering.mdx` → `phone/answering`; undefined for a page that is not a policy. */
export function policyOfFile(settings: { root: string; contentPath: string }, filePath: string): string | undefined {
  const inContent = relative(relative(settings.root, settings.contentPath) || '.', filePath).split(sep).join('/');
  const match = new RegExp(`^${POLICY_DIR}/(.+)\\.mdx?$`).exec(inContent);
  return match?.[1];
}
