/**
 * What `init` tells a team about its host: who can read the handbook there (the last line init
 * prints, and the first of the README's "Who can read the handbook"), and what to do to publish.
 * The how-to itself is templates/deploy/<host>.md, in the new handbook's README.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTS, type Host } from '../schema/settings.ts';
import { DEPLOY_TEMPLATES } from '../sync/targets.ts';

export const DEFAULT_HOST: Host = 'github-pages';

export function isHost(value: string): value is Host {
  return (HOSTS as readonly string[]).includes(value);
}

/** One line: who can read the handbook on this host. */
export const WHO_CAN_READ: Record<Host, string> = {
  'github-pages': 'Who can read it: anyone with the address, unless your organisation has GitHub Enterprise Cloud private Pages. See README.md.',
  'cloudflare-pages': 'Who can read it: anyone with the address, until you put Cloudflare Access in front of it; then only the staff it lets in. See README.md.',
  netlify: 'Who can read it: anyone with the address, until you turn on Netlify visitor access (a password, or team login or SSO on plans that have it). See README.md.',
  'gitlab-pages': 'Who can read it: anyone with the address, until you set Pages to "Only project members"; then only members of the GitLab project. See README.md.',
  folder: 'Who can read it: whoever can reach your web server; put your company sign-in in front of it. See README.md.',
};

/** What to do once, after init, to publish. */
export const TO_PUBLISH: Record<Host, string> = {
  'github-pages': 'turn on GitHub Pages (Settings → Pages → Source: GitHub Actions).',
  'cloudflare-pages': 'make the Cloudflare Pages project and add the CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID secrets.',
  netlify: 'make the Netlify site and add the NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID secrets.',
  'gitlab-pages': 'have GitLab run .gitlab-ci.yml (New project → Run CI/CD for external repository).',
  folder: 'copy the `handbook` artifact of each deploy run to your web server.',
};

/** The README's "Who can read the handbook" section body for `host`. */
export function hostReadme(host: Host, templates: string = DEPLOY_TEMPLATES): string {
  const read = (name: string) => readFileSync(join(templates, `${name}.md`), 'utf8').trimEnd();
  return `${WHO_CAN_READ[host].replace(/ See README\.md\.$/, '')}\n\n${read(host)}\n\n${read('every-host')}`;
}
