/**
 * Each policy's versions for the site (src/policies/versions.ts), worked out once per build from
 * the one history pass, for the policy page and the notice of a change that waits. The version
 * pages are written after the build (src/site/version-pages.ts) from the same shared record.
 */
import type { IsoDate } from '../schema/fields.ts';
import { versionRecord, type HistorySource, type VersionRecord } from '../policies/shared-history.ts';
import { changeTimes, upcomingVersions, versionOn, type PolicyVersion } from '../policies/versions.ts';
import { contentHistory } from './content-history.ts';

async function recordOf(settings: HistorySource, filePath: string): Promise<VersionRecord> {
  return versionRecord(settings.root, await contentHistory(settings), filePath);
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

