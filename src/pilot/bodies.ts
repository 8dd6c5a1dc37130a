/** The text Plainbook writes into pilot issues. Deterministic, so a rerun changes nothing. */
import { marker } from '../github/markers.ts';
import { feedbackUrl, policyOptionLabel } from '../policies/feedback-link.ts';
import { emailLink, formLink, type FeedbackChannels } from '../policies/feedback-channels.ts';
import { taskAssignee, testerKey, type Round, type Tester } from '../schema/pilot.ts';
import { FROM_OPTIONS } from './feedback-form.ts';
import type { LabelSpec } from '../github/issues.ts';

export interface PolicyLink {
  id: string;
  title: string;
}

export interface SiteLinks {
  /** Published handbook, e.g. `https://acme.github.io/handbook/`. */
  siteUrl: string;
  repoUrl: string;
  /** `feedback:` in the settings: a team's own form or e-mail for testers without GitHub. */
  feedback?: FeedbackChannels | undefined;
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

/**
 * The link a tester without a GitHub account gives feedback with: the team's form (or e-mail)
 * with the round, their code and the policy filled in; without either, GitHub's form, which
 * the staff member who invited them fills in for them.
 */
export function personalLink(site: SiteLinks, round: Pick<Round, 'id'>, tester: Pick<Tester, 'code'>, policy?: PolicyLink): string {
  const context = { policy: policy ? policyOptionLabel(policy) : undefined, round: round.id, code: tester.code };
  if (site.feedback?.form) return formLink(site.feedback.form, context);
  if (site.feedback?.email) return emailLink(site.feedback.email, context);
  return feedbackUrl(site.repoUrl, policy, round.id, tester.code);
}

export function taskBody(round: Round, tester: Tester, policies: readonly PolicyLink[], site: SiteLinks): string {
  if (tester.code) return codedTaskBody(round, tester, policies, site);
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

/** The task of a staff member who invites a tester without a GitHub account: the tester is a code here, never a name. */
function codedTaskBody(round: Round, tester: Tester, policies: readonly PolicyLink[], site: SiteLinks): string {
  const code = `\`${tester.code}\``;
  const channel = site.feedback?.form ? 'our feedback form' : site.feedback?.email ? 'an e-mail to us' : 'the feedback form on GitHub (you fill it in for them)';
  const lines = [
    taskTag(round, tester),
    `Hi @${taskAssignee(tester)}, thank you for inviting tester ${code} (${tester.group === 'customer' ? 'a customer' : 'a colleague'} without a GitHub account) to test draft policies in **${round.title}**. This is a test run: their feedback shapes the final words. Their name stays out of GitHub: here they are only ${code}.`,
    '',
    `**When:** ${round.opens} to ${round.closes}.`,
    '',
    '## What to do',
    '',
    `Give them their personal link, which opens ${channel} with this round and their code filled in:`,
    '',
    `<${personalLink(site, round, tester)}>`,
    '',
    round.instructions,
    '',
    '## Policies to read',
    '',
    ...policies.map((policy) => `- [${policy.title}](${policyPageUrl(site, policy)}): [their feedback](${personalLink(site, round, tester, policy)})`),
  ];
  if (round.questions.length > 0) lines.push('', '## Questions to think about', '', ...round.questions.map((question) => `- ${question}`));
  const from = tester.group === 'customer' ? `, choose "${FROM_OPTIONS.customer}"` : '';
  lines.push('', `When you file feedback for them yourself${from} and write ${code} as the tester code. Never write their name.`);
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
      const name = tester.login ? `@${tester.login}` : tester.code ? `Tester \`${tester.code}\` (${tester.group}, via @${tester.via})` : `${tester.name} (customer, via @${tester.via})`;
      return `- [ ] ${name}${task ? ` (#${task})` : ''}`;
    }),
    '',
    STATUS_START,
    status || '_No status yet: run `npx plainbook pilot status <round> --update`._',
    STATUS_END,
  ];
  return `${lines.join('\n')}\n`;
}
