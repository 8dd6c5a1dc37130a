/**
 * The files Plainbook generates in a handbook, and what each should hold now: the workflows from
 * templates/workflows, the feedback form and CODEOWNERS from the policies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings } from '../config/settings.ts';
import { PACKAGE_ROOT } from '../files/package-root.ts';
import type { GeneratedFile } from '../files/generated-file.ts';
import { feedbackFormFile } from '../pilot/feedback-form.ts';
import { readPolicies } from '../policies/catalog.ts';
import { codeownersFile } from '../review/codeowners.ts';

export const WORKFLOW_TEMPLATES = join(PACKAGE_ROOT, 'templates/workflows');

export function workflowFiles(templates: string = WORKFLOW_TEMPLATES): GeneratedFile[] {
  return readdirSync(templates)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => ({ path: `.github/workflows/${name}`, body: readFileSync(join(templates, name), 'utf8') }));
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
