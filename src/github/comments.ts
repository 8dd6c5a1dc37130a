import type { Octokit } from 'octokit';
import type { GitHubTarget } from './client.ts';
import { githubStep } from './errors.ts';
import { findOrCreate, NO_BLIND_RETRY } from './idempotent.ts';
import { findOwnMarked } from './markers.ts';
import { ownLogin } from './identity.ts';

export interface UpsertCommentInput {
  octokit: Octokit;
  target: GitHubTarget;
  issueNumber: number;
  /** Hidden marker that identifies this comment; `body` must contain it. */
  marker: string;
  body: string;
  dryRun?: boolean;
}

export type UpsertOutcome = { action: 'created' | 'updated' | 'unchanged'; url?: string | undefined } | { action: 'would-create' | 'would-update' };

/**
 * Keep ONE comment per marker on an issue or pull request: find ours on any page, then edit it.
 * A comment someone else wrote is never edited, even when it carries the marker.
 */
export async function upsertComment({ octokit, target, issueNumber, marker, body, dryRun }: UpsertCommentInput): Promise<UpsertOutcome> {
  if (!body.includes(marker)) throw new Error('upsertComment: the body must contain its marker, or the next run cannot find it.');
  const { owner, repo } = target;
  const find = () =>
    githubStep(`reading the comments of #${issueNumber}`, async () => {
      for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 })) {
        const found = await findOwnMarked(page.data, marker, () => ownLogin(octokit));
        if (found) return found;
      }
      return undefined;
    });
  const existing = await find();
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', url: existing.html_url };
    if (dryRun) return { action: 'would-update' };
    const { data } = await githubStep(`updating comment ${existing.id} on #${issueNumber}`, () =>
      octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }),
    );
    return { action: 'updated', url: data.html_url };
  }
  if (dryRun) return { action: 'would-create' };
  const { item, created } = await findOrCreate({
    step: `commenting on #${issueNumber}`,
    find,
    knownAbsent: true,
    create: async () => (await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body, ...NO_BLIND_RETRY })).data,
  });
  return { action: created ? 'created' : 'updated', url: item.html_url };
}
