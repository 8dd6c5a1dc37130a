/**
 * Accepted feedback -> a pull request; declined feedback -> a kind reply and a closed issue.
 * Both first check that the label was added by someone who may change the repository.
 */
import type { Octokit } from 'octokit';
import { ConfigError } from '../errors/index.ts';
import type { GitHubTarget } from '../github/client.ts';
import { upsertComment } from '../github/comments.ts';
import { metricsFromSource } from '../lint/source-metrics.ts';
import type { PolicyRecord } from '../policies/catalog.ts';
import { feedbackCommitTitle, type FeedbackGitHub, type IssueWords } from './github.ts';
import { alreadyMergedComment, branchEditedComment, createdComment, declinedComment, editedAfterAcceptedProblem, needsEditComment, notAllowedComment, pullRequestBody, statusTag, type NextStep } from './messages.ts';
import { prepareChange } from './prepare.ts';

export interface FlowInput {
  github: FeedbackGitHub;
  octokit: Octokit;
  target: GitHubTarget;
  issueNumber: number;
  policies: PolicyRecord[];
  formYaml: string;
  log: (line: string) => void;
}

export type FlowOutcome = 'pull-request' | 'needs-edit' | 'not-allowed' | 'declined' | 'already-merged' | 'branch-edited';

async function say(input: FlowInput, body: string): Promise<void> {
  await upsertComment({ octokit: input.octokit, target: input.target, issueNumber: input.issueNumber, marker: statusTag(input.issueNumber), body, dryRun: input.github.dryRun });
}

/** Whether the label may be acted on; when so, since when (ISO 8601). */
type Labelled = { ok: true; at: string } | { ok: false; login?: string | undefined };

/**
 * Make sure `label` is on the issue, then return whether whoever added it last may write, and
 * when they added it.
 */
async function labelledByWriter(input: FlowInput, label: string, labels: string[]): Promise<Labelled> {
  const { github, issueNumber } = input;
  if (!labels.includes(label)) {
    // Run from a terminal: the person running it is the one accepting, now.
    await github.addLabels(issueNumber, [label]);
    if (github.dryRun) return { ok: true, at: new Date().toISOString() };
  }
  const labelling = await github.lastLabelling(issueNumber, label);
  if (!labelling?.login) return { ok: false };
  return (await github.canWrite(labelling.login)) ? { ok: true, at: labelling.at } : { ok: false, login: labelling.login };
}

/** When the words were edited at or after the label, if they were (GitHub's times are whole seconds: a tie counts as after). */
function editedSince(words: IssueWords, acceptedAt: string): string | undefined {
  const edited = words.lastEditedAt;
  return edited !== null && Date.parse(edited) >= Date.parse(acceptedAt) ? edited : undefined;
}

/**
 * No pull request: say why, and take `accepted` off, so that adding it again after the fix is a
 * new event the workflow runs on (a label already there sends none).
 */
async function needsEdit(input: FlowInput, problems: string[], next: NextStep): Promise<FlowOutcome> {
  const { github, issueNumber } = input;
  await say(input, needsEditComment(issueNumber, problems, next));
  await github.addLabels(issueNumber, ['needs-edit']);
  await github.removeLabel(issueNumber, 'accepted');
  input.log(`#${issueNumber} needs an edit: ${problems.join(' ')}`);
  return 'needs-edit';
}

function names(labels: (string | { name?: string | undefined })[]): string[] {
  return labels.map((label) => (typeof label === 'string' ? label : (label.name ?? '')));
}

export async function feedbackToPullRequest(input: FlowInput): Promise<FlowOutcome> {
  const { github, issueNumber, log } = input;
  const issue = await github.issue(issueNumber);
  const labels = names(issue.labels);
  const allowed = await labelledByWriter(input, 'accepted', labels);
  if (!allowed.ok) {
    log(`The accepted label on #${issueNumber} was not added by a writer (${allowed.login ?? 'unknown'}): nothing done.`);
    if (allowed.login) await say(input, notAllowedComment(issueNumber, allowed.login, 'accepted'));
    return 'not-allowed';
  }

  // The words an editor accepted: an edit since the label brings in words no editor has read.
  const words = await github.issueWords(issueNumber);
  const edited = editedSince(words, allowed.at);
  if (edited) return needsEdit(input, [editedAfterAcceptedProblem(edited, allowed.at)], 'review');

  // The policy as it is now on the default branch, at one commit: the pull request starts from
  // that commit, so a change merged since this checkout was made is kept, never undone.
  const base = await github.defaultBranch();
  const baseSha = await github.branchSha(base);
  if (!baseSha) throw new ConfigError(`The default branch ${base} of ${input.target.owner}/${input.target.repo} has no commit yet: push the handbook to it first.`);
  const prepared = await prepareChange({
    body: words.body,
    formYaml: input.formYaml,
    policies: input.policies,
    branch: base,
    readPolicy: (policy) => github.file(policy.file, baseSha),
  });
  if (!prepared.ok) return needsEdit(input, prepared.problems, 'edit');

  const branch = `feedback/${issueNumber}`;
  // A rerun replaces only its own work: never a merged change, never commits someone added.
  const earlier = await github.pullForBranch(branch);
  if (earlier?.merged_at) {
    await say(input, alreadyMergedComment(issueNumber, earlier.html_url));
    log(`#${issueNumber} is already in the handbook: ${earlier.html_url} was merged. Nothing done.`);
    return 'already-merged';
  }
  const head = await github.branchSha(branch);
  if (head && head !== baseSha && !(await github.isOwnFeedbackCommit(head, issueNumber))) {
    await say(input, branchEditedComment(issueNumber, branch));
    log(`${branch} has commits someone else added: left as it is. Nothing done.`);
    return 'branch-edited';
  }
  const reporter = issue.user?.login ?? 'someone';
  const trailer = issue.user ? `\n\nCo-authored-by: ${reporter} <${issue.user.id}+${reporter}@users.noreply.github.com>` : '';
  await github.resetBranch(branch, baseSha);
  await github.commitFile(branch, prepared.policy.file, prepared.text, prepared.base.sha, `${feedbackCommitTitle(issueNumber)}${trailer}`);
  const mdx = prepared.policy.file.endsWith('.mdx');
  const body = pullRequestBody({
    issue: issueNumber,
    reporter,
    policyTitle: prepared.policy.frontmatter.title,
    policyFile: prepared.policy.file,
    section: prepared.section,
    round: prepared.feedback.round,
    before: prepared.paragraphBefore,
    after: prepared.paragraphAfter,
    gradeBefore: await metricsFromSource(prepared.paragraphBefore, { mdx }),
    gradeAfter: await metricsFromSource(prepared.paragraphAfter, { mdx }),
  });
  const pull = await github.openOrUpdatePull(branch, base, `Apply feedback from #${issueNumber}: ${prepared.policy.frontmatter.title}`, body);
  if (pull.action === 'created') await github.requestReview(pull.number, prepared.policy.frontmatter.owner, log);
  await say(input, createdComment(issueNumber, pull.html_url || `(pull request from ${branch})`, pull.action));
  await github.addLabels(issueNumber, ['has-pr']);
  await github.removeLabel(issueNumber, 'needs-edit');
  log(`${github.dryRun ? 'Would open' : pull.action === 'created' ? 'Opened' : 'Updated'} pull request ${pull.html_url || `from ${branch}`} for #${issueNumber}`);
  return 'pull-request';
}

export async function declineFeedback(input: FlowInput): Promise<FlowOutcome> {
  const { github, issueNumber, log } = input;
  const issue = await github.issue(issueNumber);
  const allowed = await labelledByWriter(input, 'declined', names(issue.labels));
  if (!allowed.ok) {
    log(`The declined label on #${issueNumber} was not added by a writer (${allowed.login ?? 'unknown'}): nothing done.`);
    if (allowed.login) await say(input, notAllowedComment(issueNumber, allowed.login, 'declined'));
    return 'not-allowed';
  }
  await say(input, declinedComment(issueNumber));
  if (issue.state !== 'closed') await github.close(issueNumber, 'not_planned');
  log(`${github.dryRun ? 'Would decline' : 'Declined'} #${issueNumber}`);
  return 'declined';
}
