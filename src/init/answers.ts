import { basename } from 'node:path';
import { UsageError } from '../errors/index.ts';

/** What a new handbook is told about its team; every value lands in a template. */
export interface InitAnswers {
  title: string;
  /** owner/name on GitHub. */
  repo: string;
  /** Where the handbook is served (GitHub Pages by default). */
  url: string;
  /** Who owns the starter policies and everything else in CODEOWNERS: `@org/team` or `@user`. */
  owner: string;
}

export const QUESTIONS: { key: keyof InitAnswers; flag: string; ask: string; hint: string }[] = [
  { key: 'title', flag: '--title', ask: 'Handbook title', hint: 'a name such as `Acme Customer Care`' },
  { key: 'repo', flag: '--repo', ask: 'GitHub repository (owner/name)', hint: 'the repository as `owner/name`, such as `acme/handbook`' },
  { key: 'url', flag: '--url', ask: 'Address the handbook will be served at', hint: 'a full address such as `https://acme.github.io/handbook/`' },
  { key: 'owner', flag: '--owner', ask: 'Who owns the policies (GitHub @team or @user)', hint: 'a GitHub team or user such as `@acme/service-leads` or `@sam`' },
];

/** Defaults from the folder name, so `plainbook init acme-handbook --yes` makes a working handbook. */
export function defaultAnswers(folder: string, given: Partial<InitAnswers>): InitAnswers {
  const name = packageName(folder);
  const repo = given.repo ?? `your-org/${name}`;
  const [org = 'your-org', repoName = name] = repo.split('/');
  return {
    title: given.title ?? titleFromFolder(folder),
    repo,
    url: given.url ?? `https://${org.toLowerCase()}.github.io/${repoName}/`,
    owner: given.owner ?? `@${org}/handbook-editors`,
  };
}

const VALID: Record<keyof InitAnswers, (value: string) => boolean> = {
  title: (value) => value.trim().length > 0 && !/[\r\n]/.test(value),
  repo: (value) => /^[\w.-]+\/[\w.-]+$/.test(value),
  url: (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
  owner: (value) => /^@[\w.-]+(\/[\w.-]+)?$/.test(value),
};

export function checkAnswers(answers: InitAnswers): InitAnswers {
  for (const { key, flag, hint } of QUESTIONS) {
    if (!VALID[key](answers[key])) throw new UsageError(`Unexpected \`${answers[key]}\` for ${flag}, expected ${hint}.`);
  }
  return answers;
}

/** An npm package name from a folder name: lower case, letters, digits and dashes. */
export function packageName(folder: string): string {
  const name = basename(folder).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|[-_.]+$/g, '');
  return name || 'handbook';
}

function titleFromFolder(folder: string): string {
  const words = basename(folder).replace(/[-_.]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Customer Care Handbook';
}
