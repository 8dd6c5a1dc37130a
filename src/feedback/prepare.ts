/**
 * Turn an accepted feedback issue into a new version of one policy file, or into a list of
 * problems the reporter can fix. No GitHub calls here: the caller says how to read a policy.
 */
import { flavourOf } from '../markdown/syntax.ts';
import { replaceWithPlainText, type ReplaceRefusal } from '../markdown/replace-words.ts';
import { stripControls } from '../markdown/plain-text.ts';
import type { PolicyRecord } from '../policies/catalog.ts';
import { frontmatterSource } from '../policies/frontmatter.ts';
import { parseFeedback, type Feedback } from '../pilot/feedback-parse.ts';
import { locate, paragraphAround, sectionHeadings } from './locate.ts';

/** Over this, a body is refused rather than read: no real suggestion is this long. */
export const MAX_BODY_BYTES = 64 * 1024;

/** A policy file as read where the change will be made, with the version it was read at. */
export interface PolicySource {
  text: string;
  /** The file's blob sha, for committing on top of exactly this version. */
  sha: string;
}

export interface PreparedChange {
  ok: true;
  policy: PolicyRecord;
  feedback: Feedback;
  /** The file the change was made to. */
  base: PolicySource;
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

export interface PrepareInput {
  body: string;
  formYaml: string;
  policies: readonly PolicyRecord[];
  /** The policy where the change will be made; undefined when the file is not there. */
  readPolicy: (policy: PolicyRecord) => Promise<PolicySource | undefined>;
  /** Where the policy is read from, for messages (e.g. `main`). */
  branch: string;
}

export async function prepareChange(input: PrepareInput): Promise<PreparedChange | RefusedChange> {
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

  const refuse = (problem: string): RefusedChange => ({ ok: false, feedback, problems: [problem] });
  const title = policy.frontmatter.title;
  const base = await input.readPolicy(policy);
  if (base === undefined) return refuse(`${title} is no longer on ${input.branch}. If it moved, choose its new name in the "Policy" field.`);
  const { text } = base;

  const flavour = flavourOf(policy.file);
  const headings = sectionHeadings(text, flavour);
  if (!headings) return refuse(REFUSALS.unparsable(title));
  const found = locate(text, feedback.current, feedback.section, { from: frontmatterSource(text)?.bodyStart ?? 0, headings });
  if (!found.found) {
    return refuse(
      found.reason === 'not-found'
        ? `The "Current wording" is not in ${title} as it is now on ${input.branch}. It may have changed since you wrote this. Copy it again from the page: the words must match, though spaces and quote marks may differ.`
        : `The "Current wording" appears ${found.candidates} times in ${title} (under ${found.sections.join(', ')}). Write the heading it is under in "Section heading", or quote more words.`,
    );
  }
  const replaced = replaceWithPlainText(text, found.match, feedback.suggested, flavour);
  if (!replaced.ok) return refuse(REFUSALS[replaced.reason](title));
  if (replaced.text === text) return refuse('The "Suggested wording" is the same as the "Current wording". Write the words as they should be.');
  return {
    ok: true,
    policy,
    feedback,
    base,
    text: replaced.text,
    section: found.match.section,
    paragraphBefore: paragraphAround(text, found.match.start, found.match.end),
    paragraphAfter: paragraphAround(replaced.text, replaced.start, replaced.end),
  };
}

const REFUSALS: Record<ReplaceRefusal, (title: string) => string> = {
  'crosses-markup': (title) => `The "Current wording" runs across formatting or across paragraphs in ${title} (a link, bold text, a list). Quote the words of one paragraph, list item or table cell, without the link or formatting around them.`,
  'not-prose': (title) => `The "Current wording" includes a part of ${title} that is not plain words: a component, a number from the handbook's data files, or code. Quote only the words around it, and say in "What is wrong" what should change in the rest.`,
  unparsable: (title) => `${title} does not build as it is now, so no change can be made to it. An editor needs to fix the page first.`,
  unsafe: () => 'The "Suggested wording" could not be added as plain text. Write it as ordinary sentences.',
};
