/**
 * A policy's versions and the days each was in force, from its git history: the record a policy
 * team is judged on ("which words applied to a complaint from March?").
 *
 * - A version is a distinct text of the policy's words. A commit that changed only the
 *   frontmatter (a review date, an owner) makes no new version: it updates the header of the
 *   words before it, as the redlines fold it.
 * - A version is in force from the later of the day it was committed and its `effective` date:
 *   words merged today that take effect on 1 February are in force from 1 February, and words
 *   merged with a date in the past apply from the day they were merged (nobody read them before).
 * - On any day, the newest commit among the versions already started is in force. A change
 *   merged later with an earlier date overtakes one still waiting; a version overtaken before its
 *   day never comes into force.
 */
import type { IsoDate } from '../schema/fields.ts';
import { frontmatterData, frontmatterSource } from './frontmatter.ts';
import { fileVersions, type Commit, type FileCommit } from './git-history.ts';

export interface PolicyVersion {
  /** The commit that made these words. */
  commit: Commit;
  /** The newest commit with these words (a later header-only change), for the header shown. */
  headerCommit: Commit;
  /** The whole file as it read after `headerCommit`. */
  text: string;
  /** Its frontmatter `effective`, when it has a valid one. */
  effective: IsoDate | undefined;
  /** The first day these words could apply: the later of the commit's day and `effective`. */
  starts: IsoDate;
  /** The days these words were in force: from `from`, until the day before `until` (open while undefined). */
  inForce: { from: IsoDate; until: IsoDate | undefined } | undefined;
}

/** The history's versions, oldest first, with the days each was in force (or will be). */
export function policyVersions(current: string, commits: readonly FileCommit[]): PolicyVersion[] {
  // fileVersions walks back from the text now: newest first, each with the text it left.
  const texts = fileVersions(current, commits, Number.POSITIVE_INFINITY).reverse();
  const versions: PolicyVersion[] = [];
  for (const { commit, after } of texts) {
    const previous = versions.at(-1);
    if (previous && bodyOf(previous.text) === bodyOf(after)) {
      versions[versions.length - 1] = withHeader(previous, commit, after);
      continue;
    }
    versions.push(withHeader({ commit, headerCommit: commit, text: after, effective: undefined, starts: dayOf(commit), inForce: undefined }, commit, after));
  }
  return withDaysInForce(versions);
}

function withHeader(version: PolicyVersion, commit: Commit, text: string): PolicyVersion {
  const effective = effectiveOf(text);
  const committed = dayOf(version.commit);
  return { ...version, headerCommit: commit, text, effective, starts: effective !== undefined && effective > committed ? effective : committed };
}

/**
 * Each version's days in force. Walk the days on which some version starts, in order; on each,
 * the newest commit (the latest in the list) among the versions started by then is in force.
 */
function withDaysInForce(versions: readonly PolicyVersion[]): PolicyVersion[] {
  const days = [...new Set(versions.map((version) => version.starts))].sort();
  const spans = new Map<number, { from: IsoDate; until: IsoDate | undefined }>();
  let current: number | undefined;
  for (const day of days) {
    const inForce = versions.findLastIndex((version) => version.starts <= day);
    if (inForce === current) continue;
    if (current !== undefined) spans.set(current, { from: spans.get(current)?.from ?? day, until: day });
    spans.set(inForce, { from: day, until: undefined });
    current = inForce;
  }
  return versions.map((version, index) => ({ ...version, inForce: spans.get(index) }));
}

/** The version in force on `day`, or undefined before the policy existed. */
export function versionOn(versions: readonly PolicyVersion[], day: IsoDate): PolicyVersion | undefined {
  return versions.find((version) => version.inForce && version.inForce.from <= day && (version.inForce.until === undefined || day < version.inForce.until));
}

/** Versions that start after `day`: merged, not yet in force. The last one is what will apply. */
export function upcomingVersions(versions: readonly PolicyVersion[], day: IsoDate): PolicyVersion[] {
  return versions.filter((version) => version.inForce !== undefined && version.inForce.from > day);
}

/** The commit's day as its author's calendar had it (`2026-03-03T23:30:00+01:00` is 3 March). */
function dayOf(commit: Commit): IsoDate {
  return commit.date.slice(0, 10);
}

function effectiveOf(text: string): IsoDate | undefined {
  const value = frontmatterData(text)?.effective;
  const day = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : undefined;
  return day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

function bodyOf(text: string): string {
  return text.slice(frontmatterSource(text)?.bodyStart ?? 0);
}

/**
 * When each commit's change took effect, for "What changed", the feed and the "new" badge: the
 * first day in force of the words it made, as an ISO time (the commit's own time on the day it
 * merged). A change still waiting, or overtaken before its day, has none. A commit that changed
 * only the frontmatter counts from its own time.
 */
export function changeTimes(versions: readonly PolicyVersion[], commits: readonly Commit[], today: IsoDate): Map<string, string | undefined> {
  const times = new Map<string, string | undefined>(commits.map((commit) => [commit.hash, commit.date]));
  for (const version of versions) {
    const from = version.inForce?.from;
    const committed = version.commit.date;
    times.set(version.commit.hash, from === undefined || from > today ? undefined : from === committed.slice(0, 10) ? committed : `${from}T00:00:00Z`);
  }
  return times;
}

/**
 * Whether every commit of the file could be undone back to the one that added it. Not when a
 * diff no longer applies: the history was rewritten (a rebase, a squash of old commits), or the
 * page has changes not yet committed. Pages and `plainbook history` then say what is missing.
 */
export function recordIsWhole(current: string, commits: readonly FileCommit[]): boolean {
  if (commits.some((commit) => commit.boundary)) return false;
  const rebuilt = fileVersions(current, commits, Number.POSITIVE_INFINITY);
  return rebuilt.length === commits.length;
}

/** What a page or the history command says when the record is not whole, and why. */
export function missingVersionsNote(commits: readonly FileCommit[]): string {
  const stop = commits.find((commit) => commit.boundary);
  if (stop) return `Earlier versions are not in this copy of the history (a shallow clone): it starts on ${stop.date.slice(0, 10)}, and the version from that day may be older.`;
  return "Earlier versions cannot be shown: git's record of them no longer matches this page (its history was rewritten, or it has changes not yet committed).";
}
