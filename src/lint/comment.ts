/**
 * `plainbook lint --comment`: one pull-request comment with the lint's results, kept up to date
 * (found by its hidden marker, edited in place). The grade before comes from the base revision.
 */
import type { CliIo } from '../command/io.ts';
import { UsageError } from '../errors/index.ts';
import { clientOptionsFromEnv, createOctokit, targetFromEnv, tokenFromEnv } from '../github/client.ts';
import { upsertComment } from '../github/comments.ts';
import { hasStatus } from '../github/errors.ts';
import { pullRequestFromEvent } from '../github/event.ts';
import { marker } from '../github/markers.ts';
import { fileAtRevision } from './files.ts';
import { pullRequestReport } from './pr-report.ts';
import type { FileResult } from './result.ts';
import { metricsFromSource } from './source-metrics.ts';

export const LINT_COMMENT_MARKER = marker('lint-report');

export async function commentOnPullRequest(results: FileResult[], base: string | undefined, options: { pr?: number | undefined; dryRun: boolean }, io: CliIo): Promise<void> {
  const event = pullRequestFromEvent(io.env);
  const number = options.pr ?? event?.number;
  if (!number) throw new UsageError('Cannot tell which pull request to comment on: pass --pr <number>, or run in a pull_request workflow.');
  if (event?.fromFork && !options.dryRun) {
    io.stderr('This pull request comes from a fork, where the token is read-only: see the annotations and the job summary instead of a comment.\n');
    return;
  }
  const reports = await Promise.all(
    results.map(async (result) => {
      const before = base ? await fileAtRevision(io.root, base, result.path) : undefined;
      const metrics = before === undefined ? undefined : await metricsFromSource(before, { mdx: result.path.endsWith('.mdx') });
      return { result, gradeBefore: metrics?.fleschKincaidGrade };
    }),
  );
  const body = pullRequestReport(LINT_COMMENT_MARKER, reports);
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
