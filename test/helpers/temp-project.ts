import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTempRepo, type TempRepo } from './temp-git-repo.ts';

export const SETTINGS = `site:
  title: Test handbook
  url: https://acme.test/handbook/
  repo: acme/handbook
`;

/** A Plainbook project in a temp git repository: settings, goals, and the given files. */
export function createTempProject(files: Record<string, string>, settings = SETTINGS): TempRepo {
  const repo = createTempRepo('plainbook-project-');
  write(repo.dir, {
    'plainbook.config.yml': settings,
    'content/goals.yml': 'mission: We help.\ngoals:\n  - { id: warm-welcome, title: Welcome, statement: Greet., serves: Help. }\n',
    ...files,
  });
  return repo;
}

export function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export const EASY = '---\ntitle: Easy\n---\n\nSay hello. Smile at people. Help them fast.\n';
export const LONG_SENTENCE =
  '---\ntitle: Long\n---\n\nWhen a customer calls us on the phone to ask about an order that has not arrived yet we look it up and tell them where it is and when it will come.\n';
export const PASSIVE = '---\ntitle: Passive\n---\n\nThe form was sent to the office. Say hello.\n';
