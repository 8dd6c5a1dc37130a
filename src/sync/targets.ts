/**
 * The files Plainbook generates in a handbook, and what each should hold now: the workflows from
 * templates/workflows, the deploy for the settings' `host` from templates/deploy, the feedback
 * form and CODEOWNERS from the policies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings } from '../config/settings.ts';
import { PACKAGE_ROOT } from '../files/package-root.ts';
import type { GeneratedFile } from '../files/generated-file.ts';
import { feedbackFormFile } from '../pilot/feedback-form.ts';
import { readPolicies } from '../policies/catalog.ts';
import { codeownersFile } from '../review/codeowners.ts';
import type { Host } from '../schema/settings.ts';

export const WORKFLOW_TEMPLATES = join(PACKAGE_ROOT, 'templates/workflows');
export const DEPLOY_TEMPLATES = join(PACKAGE_ROOT, 'templates/deploy');

/** Where each host's deploy goes in the handbook; its template is templates/deploy/<host>.yml. */
export const DEPLOY_PATHS: Record<Host, string> = {
  'github-pages': '.github/workflows/deploy.yml',
  'cloudflare-pages': '.github/workflows/deploy.yml',
  netlify: '.github/workflows/deploy.yml',
  // GitLab runs its own CI file, from the repository root.
  'gitlab-pages': '.gitlab-ci.yml',
  folder: '.github/workflows/deploy.yml',
};

export function workflowFiles(templates: string = WORKFLOW_TEMPLATES): GeneratedFile[] {
  return readdirSync(templates)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => ({ path: `.github/workflows/${name}`, body: readFileSync(join(templates, name), 'utf8') }));
}

/** The deploy for `host`: one file, so a handbook never holds two hosts' deploys from Plainbook. */
export function deployFile(host: Host, templates: string = DEPLOY_TEMPLATES): GeneratedFile {
  return { path: DEPLOY_PATHS[host], body: readFileSync(join(templates, `${host}.yml`), 'utf8') };
}

export async function generatedFiles(root: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<GeneratedFile[]> {
  const settings = loadSettings(root, env);
  const policies = await readPolicies(root, settings.contentPath);
  return [
    ...workflowFiles(),
    deployFile(settings.host),
    feedbackFormFile(policies),
    codeownersFile(policies, settings.defaultOwner),
  ];
}
