/** What Plainbook writes on feedback issues and pull requests. Untrusted text only ever appears fenced. */
import { fenced, inlineCode } from '../github/inert-text.ts';
import { marker } from '../github/markers.ts';
import { formatGrade, type ReadingMetrics } from '../lint/metrics.ts';

export { fenced, inlineCode };

export const statusTag = (issue: number) => marker('feedback', { issue });
export const pullTag = (issue: number) => marker('feedback-pr', { issue });

function grade(metrics: ReadingMetrics | undefined): string {
  return metrics ? formatGrade(metrics.fleschKincaidGrade) : '–';
}

export function pullRequestBody(input: {
  issue: number;
  reporter: string;
  policyTitle: string;
  policyFile: string;
  section?: string | undefined;
  round?: string | undefined;
  before: string;
  after: string;
  gradeBefore?: ReadingMetrics | undefined;
  gradeAfter?: ReadingMetrics | undefined;
}): string {
  return [
    pullTag(input.issue),
    `Applies the feedback in #${input.issue} from @${input.reporter} to **${input.policyTitle}** (\`${input.policyFile}\`).`,
    '',
    `- **Section:** ${input.section ? inlineCode(input.section) : '(top of the page)'}`,
    ...(input.round ? [`- **Pilot round:** ${inlineCode(input.round)}`] : []),
    `- **Reading grade of the paragraph:** ${grade(input.gradeBefore)} → ${grade(input.gradeAfter)}`,
    '',
    '**Before**',
    '',
    fenced(input.before),
    '',
    '**After**',
    '',
    fenced(input.after),
    '',
    'The suggested words were added as plain text: no link, formatting or code in them takes effect. Please read the change before you merge it.',
    '',
    `Closes #${input.issue}`,
    '',
  ].join('\n');
}

export function createdComment(issue: number, pullUrl: string, action: 'created' | 'updated'): string {
  return `${statusTag(issue)}\nThank you. ${action === 'created' ? 'We opened' : 'We updated'} a pull request with your suggestion: ${pullUrl}\nThe policy owner will review it.\n`;
}

/** Who acts next on feedback that needs an edit: the reporter fixes the issue, or an editor reads it again. */
export type NextStep = 'edit' | 'review';

const NEXT_STEPS: Record<NextStep, string> = {
  edit: 'Please edit the issue to fix this. We took the `accepted` label off: an editor adds it again once the issue is fixed, and we try again.',
  review: 'We took the `accepted` label off. An editor needs to read the issue as it is now, and add the `accepted` label again if the new words should go in.',
};

export function needsEditComment(issue: number, problems: readonly string[], next: NextStep): string {
  return [statusTag(issue), 'Thank you for this feedback. We could not turn it into a change yet:', '', ...problems.map((problem) => `- ${problem}`), '', NEXT_STEPS[next], ''].join('\n');
}

/** `2026-03-02T10:04:05Z` as `2026-03-02 10:04:05 UTC`. */
function utc(time: string): string {
  return new Date(time).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

export function editedAfterAcceptedProblem(editedAt: string, acceptedAt: string): string {
  return `The issue was edited at ${utc(editedAt)}, after the \`accepted\` label was added at ${utc(acceptedAt)}, so its words are not the ones an editor accepted.`;
}

export function notAllowedComment(issue: number, login: string, label: string): string {
  return `${statusTag(issue)}\nThe \`${label}\` label was added by @${login}, who cannot change this repository, so nothing was done. An editor with write access needs to add it.\n`;
}

export function alreadyMergedComment(issue: number, pullUrl: string): string {
  return `${statusTag(issue)}\nThis feedback is already in the handbook: ${pullUrl} was merged. To change the policy again, open a new feedback issue.\n`;
}

export function branchEditedComment(issue: number, branch: string): string {
  return `${statusTag(issue)}\nThe branch \`${branch}\` has changes someone added after ours, so we left it alone. Edit its pull request instead, or delete the branch and add the \`accepted\` label again to start over.\n`;
}

export function declinedComment(issue: number): string {
  return `${statusTag(issue)}\nThank you for taking the time to send this. We read it carefully and decided not to change the policy this time. Your feedback still helps: we look at all of it when we next review the handbook. If something is still unclear, you are welcome to open a new issue.\n`;
}
