import type { GeneratedFile } from '../files/generated-file.ts';
import type { PolicyRecord } from '../policies/catalog.ts';

export const CODEOWNERS_PATH = '.github/CODEOWNERS';

/**
 * CODEOWNERS from each policy's `owner`: with "Require review from Code Owners" on in branch
 * protection, a change to a policy needs its owner's approval. Later lines win, so the default
 * owner comes first and the policies after it.
 */
export function renderCodeowners(policies: readonly PolicyRecord[], defaultOwner: string | undefined): string {
  const lines = [
    '# Made by `npx plainbook owners` from each policy\'s `owner:`. Do not edit by hand:',
    '# change the policy\'s frontmatter (or site.defaultOwner in plainbook.config.yml), then run `npx plainbook owners`.',
    '',
    ...(defaultOwner ? [`* ${defaultOwner}`, ''] : []),
    ...policies.map((policy) => `/${policy.file.replace(/ /g, '\\ ')} ${policy.frontmatter.owner}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Lines only in one version or the other, for a drift message a person can act on. */
export function lineDiff(committed: string, expected: string): string[] {
  const before = new Set(committed.split('\n'));
  const after = new Set(expected.split('\n'));
  return [...[...before].filter((line) => line && !after.has(line)).map((line) => `- ${line}`), ...[...after].filter((line) => line && !before.has(line)).map((line) => `+ ${line}`)];
}

export function codeownersFile(policies: readonly PolicyRecord[], defaultOwner: string | undefined): GeneratedFile {
  return { path: CODEOWNERS_PATH, body: renderCodeowners(policies, defaultOwner) };
}
