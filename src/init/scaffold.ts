/**
 * The files of a new handbook, rendered in memory from templates/handbook: nothing is written
 * until every file rendered, so a bad answer or a broken template leaves the disk untouched.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PACKAGE_ROOT } from '../files/package-root.ts';
import type { InitAnswers } from './answers.ts';
import { hostReadme, isHost } from './hosts.ts';

export const HANDBOOK_TEMPLATE = join(PACKAGE_ROOT, 'templates/handbook');

// npm leaves `.gitignore` out of a package (and renames `.npmignore`), so dot files are kept
// without their dot and get it back here.
const DOT_FILES: Record<string, string> = { gitignore: '.gitignore', nvmrc: '.nvmrc' };

export interface ScaffoldInput {
  answers: InitAnswers;
  /** The npm package name of the handbook. */
  name: string;
  /** How the handbook depends on plainbook: `^0.2.0`, or `file:` a tarball or folder. */
  dependency: string;
  /** Effective and reviewed date of the starter policies, YYYY-MM-DD. */
  today: string;
}

export function scaffold(input: ScaffoldInput, template: string = HANDBOOK_TEMPLATE): Map<string, string> {
  const values: Record<string, string> = { ...input.answers, today: input.today };
  const { host, repo } = input.answers;
  values.repoName = repo.split('/')[1] ?? repo;
  if (!isHost(host)) throw new Error(`init was given the host \`${host}\`, which has no deploy in templates/deploy.`);
  // The README's "Who can read the handbook": this host's sign-in, settings and secrets.
  values.hostSection = fill(hostReadme(host), values, `../deploy/${host}.md`);
  const files = new Map<string, string>();
  for (const path of listFiles(template)) {
    const target = path.split('/').map((part) => DOT_FILES[part] ?? part).join('/');
    files.set(target, fill(readFileSync(join(template, path), 'utf8'), values, path));
  }
  files.set('package.json', `${JSON.stringify(handbookManifest(input), null, 2)}\n`);
  return files;
}

/**
 * The handbook's package.json: plainbook is its one dependency (it brings Astro and Starlight),
 * and the npm scripts are the commands its README and workflows use.
 */
export function handbookManifest({ name, dependency }: Pick<ScaffoldInput, 'name' | 'dependency'>) {
  return {
    name,
    private: true,
    type: 'module',
    engines: { node: '>=22.12.0' },
    scripts: {
      start: 'plainbook build && plainbook preview',
      dev: 'plainbook dev',
      build: 'plainbook build',
      test: 'plainbook lint && plainbook forms --check && plainbook owners --check && plainbook build',
      lint: 'plainbook lint',
      import: 'plainbook import',
      forms: 'plainbook forms',
      owners: 'plainbook owners',
      pilot: 'plainbook pilot',
      feedback: 'plainbook feedback',
      review: 'plainbook review',
      pdf: 'plainbook pdf',
      sync: 'plainbook sync',
    },
    dependencies: { plainbook: dependency },
  };
}

// Values init checked against a fixed form (a date, a host's name): plain YAML as they are.
const PLAIN_IN_YAML = new Set(['today', 'host']);

/**
 * `{{title}}` → the answer. In YAML and in MDX (whose frontmatter is YAML) a value goes in as a
 * JSON string, which YAML reads back as the same text whatever it holds (`:`, `#`, quotes);
 * in Markdown (the README) it goes in as typed.
 */
function fill(text: string, values: Record<string, string>, path: string): string {
  const asYaml = /\.(ya?ml|mdx)$/.test(path);
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`templates/handbook/${path} asks for \`{{${key}}}\`, which init does not know.`);
    return asYaml && !PLAIN_IN_YAML.has(key) ? JSON.stringify(value) : value;
  });
}

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(root, path)).isFile())
    .map((path) => relative(root, join(root, path)).split(sep).join('/'))
    .sort();
}
