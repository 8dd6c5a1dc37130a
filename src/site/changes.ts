import { getCollection } from 'astro:content';
import settings from 'virtual:plainbook/settings';
import type { Commit } from '../policies/git-history.ts';
import { isPolicyId } from '../policies/validate-policy.ts';
import { redlineSummary } from '../redline/redline.ts';
import { contentHistory } from './content-history.ts';
import { changeTimesOf } from './policy-versions.ts';
import { pageChanges } from './redlines.ts';

export interface PolicyChange {
  id: string;
  title: string;
  commit: Commit;
  /** When the change took effect (ISO): the day its words came into force, not the day it merged. */
  tookEffect: string;
  /** "5 words added and 7 removed, in Four steps." (for the newest changes of each page). */
  summary: string | undefined;
}

/**
 * Every change to every policy that has taken effect, newest first by the day it did: for the
 * "What changed" page and the RSS feed. A change still waiting for its date is not there yet.
 */
export async function policyChanges(limit: number): Promise<PolicyChange[]> {
  const history = await contentHistory(settings);
  const policies = await getCollection('docs', (entry) => isPolicyId(entry.id));
  const all = await Promise.all(
    policies.map(async (entry) => {
      if (!entry.filePath) return [];
      const times = await changeTimesOf(settings, entry.filePath, settings.today);
      return (history.get(entry.filePath) ?? []).flatMap((commit) => {
        const tookEffect = times.get(commit.hash);
        return tookEffect ? [{ entry, commit, tookEffect }] : [];
      });
    }),
  );
  const newest = all
    .flat()
    .sort((a, b) => Date.parse(b.tookEffect) - Date.parse(a.tookEffect) || b.commit.date.localeCompare(a.commit.date) || a.entry.id.localeCompare(b.entry.id))
    .slice(0, limit);
  return Promise.all(
    newest.map(async ({ entry, commit, tookEffect }) => {
      const changes = entry.filePath ? await pageChanges(settings, entry.filePath, history.get(entry.filePath) ?? []) : [];
      const change = changes.find((item) => item.commit.hash === commit.hash)?.change;
      return { id: entry.id, title: entry.data.title, commit, tookEffect, summary: change ? redlineSummary(change) : undefined };
    }),
  );
}
