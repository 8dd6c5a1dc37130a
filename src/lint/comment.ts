/**
 * `plainbook lint --comment`: one pull-request comment with the lint's results, kept up to date
 * (found by its hidden marker, edited in place). The grade before and the redline of what
 * changed both come from one read of each policy where the branch left the base.
 */
import type { CliIo } from '../command/io.ts';
import { UsageError } from '../errors/index.ts';
import { clientOptionsFromEnv, createOctokit, targetFromEnv, tokenFromEnv } from '../github/client.ts';
import { upsertComment } from '../github/comments.ts';
import { hasStatus } from '../github/errors.ts';
import { pullRequestFromEvent } from '../github/event.ts';
import { marker } from '../github/markers.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { flavourOf } from '../markdown/syntax.ts';
import { redline, type Redline } from '../redline/redline.ts';
import { deletedFiles, fileAtRevision, mergeBase } from './files.ts';
import { pullRequestReport } from './pr-report.ts';
import type { FileResult } from './result.ts';
import { metricsFromSource } from './source-metrics.ts';

export const LINT_COMMENT_MARKER = marker('lint-report');

export interface CommentOptions {
  pr?: number | undefined;
  dryRun: boolean;
  /** The content folder: where to look for policies the pull request deletes. */
  contentPath?: string | undefined;
}

export async function commentOnPullRequest(results: FileResult[], base: string | undefined, options: CommentOptions, io: CliIo): Promise<void> {
  const event = pullRequestFromEvent(io.env);
  const number = options.pr ?? event?.number;
  if (!number) throw new UsageError('Cannot tell which pull request to comment on: pass --pr <number>, or run in a pull_request workflow.');
  if (event?.fromFork && !options.dryRun) {
    io.stderr('This pull request comes from a fork, where the token is read-only: see the annotations and the job summary instead of a comment.\n');
    return;
  }
  // Compared with where the branch left the base, as the files to lint were found and as
  // GitHub's Files changed shows them: not with the base's newest commit.
  const from = base ? await mergeBase(io.root, base) : undefined;
  const reports = await Promise.all(
    results.map(async (result) => {
      const before = from ? await fileAtRevision(io.root, from, result.path) : undefined;
      const metrics = before === undefined ? undefined : await metricsFromSource(before, { mdx: result.path.endsWith('.mdx') });
      return { result, gradeBefore: metrics?.fleschKincaidGrade, change: from ? await changeOf(before, join(io.root, result.path), result.path) : undefined };
    }),
  );
  const deleted = from && options.contentPath ? await deletedFiles(io.root, options.contentPath, from) : [];
  const body = pullRequestReport(LINT_COMMENT_MARKER, reports, { deleted });
  if (options.dryRun && !io.env.GITHUB_TOKEN?.trim()) {
    // Nothing to read the pull request with: show the comment rather than fail on a made-up token.
    io.stderr(`Pull request comment for #${number} (--dry-run, no GITHUB_TOKEN, so not compared with the one on GitHub):\n\n${body}\n`);
    return;
  }
  const target = targetFromEnv(io.env);
  const octokit = createOctokit(tokenFromEnv(io.env), target, clientOptionsFromEnv(io.env));
  try {
    const outcome = await upsertComment({ octokit, target, issueNumber: number, marker: LINT_COMMENT_MARKER, body, dryRun: options.dryRun });
    io.stderr(`Pull request comment: ${outcome.action}${'url' in outcome && outcome.url ? ` (${outcome.url})` : ''}\n`);
  } catch (error) {
    // A read-only token (forks, or a workflow without pull-requests: write) must not fail the lint.
    if (hasStatus(error, 403)) {
      io.stderr(`Could not write the pull request comment (${(error as Error).message}). The annotations and job summary have the results.\n`);
      return;
    }
    throw error;
  }
}

/** The site's "What changed" redline of one policy, from the text at the base (already read) to the file now. */
async function changeOf(before: string | undefined, file: string, path: string): Promise<Redline | 'unreadable'> {
  try {
    return redline(before, await readFile(file, 'utf8'), flavourOf(path));
  } catch {
    return 'unreadable';
  }
}
