/** The text Plainbook writes into pilot issues. Deterministic, so a rerun changes nothing. */
import { marker } from '../github/markers.ts';
import { feedbackUrl } from '../policies/feedback-link.ts';
import { taskAssignee, testerKey, type Round, type Tester } from '../schema/pilot.ts';
import type { LabelSpec } from '../github/issues.ts';

export interface PolicyLink {
  id: string;
  title: string;
}

export interface SiteLinks {
  /** Published handbook, e.g. `https://acme.github.io/handbook/`. */
  siteUrl: string;
  repoUrl: string;
}

export const STATUS_START = '<!-- plainbook:status-start -->';
export const STATUS_END = '<!-- plainbook:status-end -->';

export function roundLabel(round: Pick<Round, 'id'>): string {
  return `pilot:${round.id}`;
}

export function pilotLabels(round: Pick<Round, 'id' | 'title'>): LabelSpec[] {
  return [
    { name: 'pilot', color: '5319e7', description: 'Part of a pilot round of draft policies' },
    { name: roundLabel(round), color: 'd4c5f9', description: `Pilot round: ${round.title}`.slice(0, 100) },
    { name: 'pilot-task', color: 'c5def5', description: 'A tester’s task in a pilot round' },
    { name: 'pilot-tracking', color: 'bfd4f2', description: 'Tracks a pilot round' },
    { name: 'feedback', color: '0e8a16', description: 'Feedback on a policy' },
    { name: 'accepted', color: '1d76db', description: 'Feedback accepted: turn it into a pull request' },
    { name: 'declined', color: 'cccccc', description: 'Feedback we will not act on' },
    { name: 'has-pr', color: '6f42c1', description: 'A pull request applies this feedback' },
    { name: 'needs-edit', color: 'fbca04', description: 'The feedback needs an edit before it can be applied' },
  ];
}

export function milestoneTitle(round: Pick<Round, 'id' | 'title'>): string {
  return `Pilot: ${round.title} (${round.id})`;
}

export const trackingTag = (round: Pick<Round, 'id'>) => marker(`pilot=${round.id}`, { role: 'tracking' });
export const taskTag = (round: Pick<Round, 'id'>, tester: Tester) => marker(`pilot=${round.id}`, { tester: testerKey(tester) });

function policyPageUrl(site: SiteLinks, policy: PolicyLink): string {
  return new URL(`policies/${policy.id}/`, site.siteUrl.endsWith('/') ? site.siteUrl : `${site.siteUrl}/`).href;
}

export function taskBody(round: Round, tester: Tester, policies: readonly PolicyLink[], site: SiteLinks): string {
  const who = tester.login ? `@${tester.login}` : `@${taskAssignee(tester)}`;
  const lines = [
    taskTag(round, tester),
    tester.login
      ? `Hi ${who}, thank you for testing draft policies in **${round.title}**. This is a test run: your feedback shapes the final words.`
      : `Hi ${who}, thank you for helping **${tester.name}**, a customer, test draft policies in **${round.title}**. This is a test run: their feedback shapes the final words.`,
    '',
    `**When:** ${round.opens} to ${round.closes}.`,
    '',
    '## What to do',
    '',
    round.instructions,
    '',
    '## Policies to read',
    '',
    ...policies.map((policy) => `- [${policy.title}](${policyPageUrl(site, policy)}): [give feedback](${feedbackUrl(site.repoUrl, policy, round.id)})`),
    '',
    'On a policy page you can also select the words you mean and press **Suggest a change**: the form opens with the policy, the section, the words and this round filled in.',
  ];
  if (round.questions.length > 0) lines.push('', '## Questions to think about', '', ...round.questions.map((question) => `- ${question}`));
  if (!tester.login) {
    lines.push('', `When you file feedback for ${tester.name}, choose "A customer (I am filing it for them)" and write their name in the form.`);
  }
  return `${lines.join('\n')}\n`;
}

export function trackingBody(round: Round, policies: readonly PolicyLink[], site: SiteLinks, tasks: ReadonlyMap<string, number>, status = ''): string {
  const lines = [
    trackingTag(round),
    `Pilot round **${round.title}** (\`${round.id}\`), ${round.opens} to ${round.closes}.`,
    '',
    `${round.testers.length} testers read ${policies.length} draft ${policies.length === 1 ? 'policy' : 'policies'} and give feedback with the policy feedback form.`,
    '',
    '## Policies',
    '',
    ...policies.map((policy) => `- [ ] [${policy.title}](${policyPageUrl(site, policy)})`),
    '',
    '## Testers',
    '',
    ...round.testers.map((tester) => {
      const task = tasks.get(testerKey(tester));
      const name = tester.login ? `@${tester.login}` : `${tester.name} (customer, via @${tester.via})`;
      return `- [ ] ${name}${task ? ` (#${task})` : ''}`;
    }),
    '',
    STATUS_START,
    status || '_No status yet: run `npx plainbook pilot status <round> --update`._',
    STATUS_END,
  ];
  return `${lines.join('\n')}\n`;
}
