/**
 * The files Plainbook generates in a handbook, and what each should hold now: the workflows from
 * templates/workflows, the feedback form and CODEOWNERS from the policies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings } from '../config/settings.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { FEEDBACK_FORM_PATH, renderFeedbackForm } from '../pilot/feedback-form.ts';
import { readPolicies, type PolicyRecord } from '../policies/catalog.ts';
import { CODEOWNERS_PATH, renderCodeowners } from '../review/codeowners.ts';

export interface GeneratedFile {
  /** Relative to the handbook root, with `/`. */
  path: string;
  /** The text below the marker line. */
  body: string;
}

export const WORKFLOW_TEMPLATES = join(PACKAGE_ROOT, 'templates/workflows');

export function workflowFiles(templates: string = WORKFLOW_TEMPLATES): GeneratedFile[] {
  return readdirSync(templates)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => ({ path: `.github/workflows/${name}`, body: readFileSync(join(templates, name), 'utf8') }));
}

export function feedbackFormFile(policies: readonly PolicyRecord[]): GeneratedFile {
  return { path: FEEDBACK_FORM_PATH, body: renderFeedbackForm(policies.map((policy) => ({ id: policy.id, title: policy.frontmatter.title }))) };
}

export function codeownersFile(policies: readonly PolicyRecord[], defaultOwner: string | undefined): GeneratedFile {
  return { path: CODEOWNERS_PATH, body: renderCodeowners(policies, defaultOwner) };
}

export async function generatedFiles(root: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<GeneratedFile[]> {
  const settings = loadSettings(root, env);
  const policies = await readPolicies(root, settings.contentPath);
  return [
    ...workflowFiles(),
    feedbackFormFile(policies),
    codeownersFile(policies, settings.defaultOwner),
  ];
}
