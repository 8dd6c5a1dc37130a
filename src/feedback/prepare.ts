/**
 * Turn an accepted feedback issue into a new version of one policy file, or into a list of
 * problems the reporter can fix. No GitHub calls here: text in, text out.
 */
import type { PolicyRecord } from '../policies/catalog.ts';
import { frontmatterSource } from '../policies/frontmatter.ts';
import { parseFeedback, type Feedback } from '../pilot/feedback-parse.ts';
import { escapeForMdx, MAX_BODY_BYTES, stripControls } from './escape.ts';
import { locate, paragraphAround } from './locate.ts';

export interface PreparedChange {
  ok: true;
  policy: PolicyRecord;
  feedback: Feedback;
  text: string;
  section?: string | undefined;
  paragraphBefore: string;
  paragraphAfter: string;
}

export interface RefusedChange {
  ok: false;
  feedback: Feedback;
  /** What to fix in the issue, one sentence each. */
  problems: string[];
}

export function prepareChange(input: {
  body: string;
  formYaml: string;
  policies: readonly PolicyRecord[];
  readPolicy: (policy: PolicyRecord) => string;
}): PreparedChange | RefusedChange {
  if (Buffer.byteLength(input.body, 'utf8') > MAX_BODY_BYTES) {
    return { ok: false, feedback: {}, problems: [`The issue is longer than ${MAX_BODY_BYTES / 1024} KB. Shorten it to the words that need to change.`] };
  }
  const { feedback, unreadable } = parseFeedback(stripControls(input.body), input.formYaml);
  const problems: string[] = [];
  const policy = feedback.policy ? input.policies.find((candidate) => candidate.id === feedback.policy) : undefined;
  if (!feedback.policy) problems.push('Choose the policy in the "Policy" field.');
  else if (!policy) problems.push('The policy chosen is not in the handbook. Choose one from the list in the "Policy" field.');
  if (!feedback.current) problems.push('Copy the words you want changed into "Current wording", exactly as they are on the page.');
  if (!feedback.suggested?.trim()) problems.push('Write your new words in "Suggested wording". It is empty.');
  for (const entry of unreadable) {
    if (!['policy:', 'current:'].some((field) => entry.startsWith(field))) problems.push(`Check the "${entry.split(':')[0]}" field: ${entry.slice(entry.indexOf(':') + 2)}.`);
  }
  if (!policy || !feedback.current || !feedback.suggested?.trim() || problems.length > 0) return { ok: false, feedback, problems };

  const text = input.readPolicy(policy);
  const frontmatter = frontmatterSource(text);
  const bodyStart = frontmatter ? text.indexOf('\n---', frontmatter.text.length) + 4 : 0;
  const found = locate(text, feedback.current, feedback.section, bodyStart);
  if (!found.found) {
    return {
      ok: false,
      feedback,
      problems: [
        found.reason === 'not-found'
          ? `The "Current wording" is not in ${policy.frontmatter.title}. Copy it again from the page: the words must match, though spaces and quote marks may differ.`
          : `The "Current wording" appears ${found.candidates} times in ${policy.frontmatter.title} (under ${found.sections.join(', ')}). Write the heading it is under in "Section heading", or quote more words.`,
      ],
    };
  }
  const replacement = escapeForMdx(feedback.suggested.trim());
  const { start, end } = found.match;
  const updated = `${text.slice(0, start)}${replacement}${text.slice(end)}`;
  return {
    ok: true,
    policy,
    feedback,
    text: updated,
    section: found.match.section,
    paragraphBefore: paragraphAround(text, start, end),
    paragraphAfter: paragraphAround(updated, start, start + replacement.length),
  };
}
