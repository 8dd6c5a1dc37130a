import { getCollection } from 'astro:content';
import settings from 'virtual:plainbook/settings';
import type { Commit } from '../policies/git-history.ts';
import { isPolicyId } from '../policies/validate-policy.ts';
import { redlineSummary } from '../redline/redline.ts';
import { contentHistory } from './content-history.ts';
import { pageChanges } from './redlines.ts';

export interface PolicyChange {
  id: string;
  title: string;
  commit: Commit;
  /** "5 words added and 7 removed, in Four steps." (for the newest changes of each page). */
  summary: string | undefined;
}

/** Every change to every policy, newest first: for the "What changed" page and the RSS feed. */
export async function policyChanges(limit: number): Promise<PolicyChange[]> {
  const history = await contentHistory(settings);
  const policies = await getCollection('docs', (entry) => isPolicyId(entry.id));
  const newest = policies
    .flatMap((entry) => (entry.filePath ? (history.get(entry.filePath) ?? []) : []).map((commit) => ({ entry, commit })))
    .sort((a, b) => b.commit.date.localeCompare(a.commit.date) || a.entry.id.localeCompare(b.entry.id))
    .slice(0, limit);
  return Promise.all(
    newest.map(async ({ entry, commit }) => {
      const changes = entry.filePath ? await pageChanges(settings, entry.filePath, history.get(entry.filePath) ?? []) : [];
      const change = changes.find((item) => item.commit.hash === commit.hash)?.change;
      return { id: entry.id, title: entry.data.title, commit, summary: change ? redlineSummary(change) : undefined };
    }),
  );
}
