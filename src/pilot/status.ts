/**
 * Where a round stands: feedback per policy and per tester, worked out from feedback issues in
 * one pass. Pure functions here; the GitHub reads (a page per 100 issues) are in the CLI.
 */
import { normalTesterCode, testerKey, type Round, type Tester } from '../schema/pilot.ts';
import { parseFeedback, type Feedback, type ProblemType } from './feedback-parse.ts';
import { labelNames, type Issue } from '../github/issues.ts';

/** Each feedback issue is in exactly one of these. */
export const FEEDBACK_STATES = ['open', 'has-pr', 'merged', 'declined', 'needs-edit'] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

export interface PullRequestLink {
  number: number;
  state: string;
  merged: boolean;
}

export interface FeedbackItem {
  number: number;
  author: string;
  feedback: Feedback;
  unreadable: string[];
  state: FeedbackState;
  pullRequest?: number | undefined;
}

export interface PolicyStatus {
  policy: string;
  feedback: number;
  meanClarity: number | null;
  byProblem: Partial<Record<ProblemType, number>>;
  byState: Record<FeedbackState, number>;
  pullRequests: number[];
  testers: number;
}

export interface TesterStatus {
  tester: string;
  group: Tester['group'];
  feedback: number;
}

export interface RoundStatus {
  round: string;
  title: string;
  feedback: number;
  policies: PolicyStatus[];
  testers: TesterStatus[];
  /** Feedback issues that name the round but could not be read fully. */
  unreadable: { number: number; problems: string[] }[];
}

export function feedbackState(issue: Pick<Issue, 'labels' | 'state' | 'state_reason'>, pull?: PullRequestLink): FeedbackState {
  const labels = labelNames(issue);
  if (labels.includes('declined')) return 'declined';
  if (labels.includes('needs-edit')) return 'needs-edit';
  if (pull?.merged || (labels.includes('has-pr') && issue.state === 'closed' && issue.state_reason === 'completed')) return 'merged';
  if (labels.includes('has-pr') || pull) return 'has-pr';
  return 'open';
}

/** Feedback for this round: it names the round, or it names one of its policies while the round was open. */
function belongsToRound(round: Round, item: Pick<FeedbackItem, 'feedback'>, createdAt: string): boolean {
  if (item.feedback.round) return item.feedback.round === round.id;
  const day = createdAt.slice(0, 10);
  return item.feedback.policy !== undefined && round.policies.includes(item.feedback.policy) && day >= round.opens && day <= round.closes;
}

export function readFeedbackIssues(issues: readonly Issue[], formYaml: string, pulls: ReadonlyMap<number, PullRequestLink>): (FeedbackItem & { createdAt: string })[] {
  return issues.map((issue) => {
    const { feedback, unreadable } = parseFeedback(issue.body ?? '', formYaml);
    const pull = pulls.get(issue.number);
    return {
      number: issue.number,
      author: issue.user?.login ?? '',
      feedback,
      unreadable,
      state: feedbackState(issue, pull),
      pullRequest: pull?.number,
      createdAt: issue.created_at,
    };
  });
}

/**
 * Whose feedback an item is: the tester whose code it gives (filed on GitHub by the staff member
 * who invited them, or imported from the team's form), the customer named in an issue from
 * before codes, or else its author.
 */
function feedbackTester(round: Round, item: FeedbackItem): Tester | undefined {
  if (item.feedback.code) {
    const code = normalTesterCode(item.feedback.code);
    const coded = round.testers.find((tester) => tester.code === code);
    if (coded) return coded;
  }
  if (item.feedback.from === 'customer' && item.feedback.customer) {
    const name = item.feedback.customer.trim().toLowerCase();
    const customer = round.testers.find((tester) => tester.via === item.author && tester.name?.toLowerCase() === name);
    if (customer) return customer;
  }
  return round.testers.find((tester) => tester.login === item.author);
}

export function roundStatus(round: Round, items: readonly (FeedbackItem & { createdAt: string })[]): RoundStatus {
  const mine = items.filter((item) => belongsToRound(round, item, item.createdAt));
  const policies = round.policies.map((policy) => {
    const about = mine.filter((item) => item.feedback.policy === policy);
    const clarity = about.map((item) => item.feedback.clarity).filter((value): value is number => value !== undefined);
    const byProblem: PolicyStatus['byProblem'] = {};
    for (const item of about) if (item.feedback.problem) byProblem[item.feedback.problem] = (byProblem[item.feedback.problem] ?? 0) + 1;
    const byState = Object.fromEntries(FEEDBACK_STATES.map((state) => [state, about.filter((item) => item.state === state).length])) as Record<FeedbackState, number>;
    const testers = new Set(about.map((item) => feedbackTester(round, item)).filter(Boolean).map((tester) => testerKey(tester as Tester)));
    return {
      policy,
      feedback: about.length,
      meanClarity: clarity.length ? Math.round((clarity.reduce((sum, value) => sum + value, 0) / clarity.length) * 100) / 100 : null,
      byProblem,
      byState,
      pullRequests: about.map((item) => item.pullRequest).filter((value): value is number => value !== undefined).sort((a, b) => a - b),
      testers: testers.size,
    };
  });
  const testers = round.testers.map((tester) => ({
    tester: testerKey(tester),
    group: tester.group,
    feedback: mine.filter((item) => feedbackTester(round, item) === tester).length,
  }));
  return {
    round: round.id,
    title: round.title,
    feedback: mine.length,
    policies,
    testers,
    unreadable: mine.filter((item) => item.unreadable.length > 0).map((item) => ({ number: item.number, problems: item.unreadable })),
  };
}
