import { getCollection } from 'astro:content';
import settings from 'virtual:plainbook/settings';
import type { Commit } from '../policies/git-history.ts';
import { isPolicyId } from '../policies/validate-policy.ts';
import { contentHistory } from './content-history.ts';

export interface PolicyChange {
  id: string;
  title: string;
  commit: Commit;
}

/** Every change to every policy, newest first: for the "What changed" page and the RSS feed. */
export async function policyChanges(limit: number): Promise<PolicyChange[]> {
  const history = await contentHistory(settings);
  const policies = await getCollection('docs', (entry) => isPolicyId(entry.id));
  return policies
    .flatMap((entry) => (entry.filePath ? (history.get(entry.filePath) ?? []) : []).map((commit) => ({ id: entry.id, title: entry.data.title, commit })))
    .sort((a, b) => b.commit.date.localeCompare(a.commit.date) || a.id.localeCompare(b.id))
    .slice(0, limit);
}
