import { basename } from 'node:path';
import { UsageError } from '../errors/index.ts';
import { HOSTS } from '../schema/settings.ts';
import { DEFAULT_HOST, isHost } from './hosts.ts';

/** What a new handbook is told about its team; every value lands in a template. */
export interface InitAnswers {
  title: string;
  /** owner/name on GitHub. */
  repo: string;
  /** Where the handbook is deployed: one of HOSTS (init writes that host's deploy). */
  host: string;
  /** Where the handbook is served (by default the host's address for the repository). */
  url: string;
  /** Who owns the starter policies and everything else in CODEOWNERS: `@org/team` or `@user`. */
  owner: string;
}

export const QUESTIONS: { key: keyof InitAnswers; flag: string; ask: string; hint: string }[] = [
  { key: 'title', flag: '--title', ask: 'Handbook title', hint: 'a name such as `Acme Customer Care`' },
  { key: 'repo', flag: '--repo', ask: 'GitHub repository (owner/name)', hint: 'the repository as `owner/name`, such as `acme/handbook`' },
  { key: 'host', flag: '--host', ask: `Where it is hosted (${HOSTS.join(', ')})`, hint: `one of ${HOSTS.map((host) => `\`${host}\``).join(', ')}` },
  { key: 'url', flag: '--url', ask: 'Address the handbook will be served at', hint: 'a full address such as `https://acme.github.io/handbook/`' },
  { key: 'owner', flag: '--owner', ask: 'Who owns the policies (GitHub @team or @user)', hint: 'a GitHub team or user such as `@acme/service-leads` or `@sam`' },
];

/** Defaults from the folder name, so `plainbook init acme-handbook --yes` makes a working handbook. */
export function defaultAnswers(folder: string, given: Partial<InitAnswers>): InitAnswers {
  const name = packageName(folder);
  const repo = given.repo ?? `your-org/${name}`;
  const [org = 'your-org', repoName = name] = repo.split('/');
  const host = given.host ?? DEFAULT_HOST;
  return {
    title: given.title ?? titleFromFolder(folder),
    repo,
    host,
    url: given.url ?? defaultUrl(host, org, repoName),
    owner: given.owner ?? `@${org}/handbook-editors`,
  };
}

/** The address a host gives the repository's site; the team's own server is a placeholder to change. */
function defaultUrl(host: string, org: string, repoName: string): string {
  const project = repoName.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  switch (host) {
    case 'cloudflare-pages': return `https://${project}.pages.dev/`;
    case 'netlify': return `https://${project}.netlify.app/`;
    case 'gitlab-pages': return `https://${org.toLowerCase()}.gitlab.io/${repoName}/`;
    case 'folder': return 'https://handbook.example.com/';
    default: return `https://${org.toLowerCase()}.github.io/${repoName}/`;
  }
}

const VALID: Record<keyof InitAnswers, (value: string) => boolean> = {
  title: (value) => value.trim().length > 0 && !/[\r\n]/.test(value),
  repo: (value) => /^[\w.-]+\/[\w.-]+$/.test(value),
  host: isHost,
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
