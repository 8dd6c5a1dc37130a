/**
 * README.md and the guides in docs/ link to each other and show commands. Every relative link
 * (images included) must reach a file, every `#anchor` a heading (slugged as GitHub does, with github-slugger), and
 * every `plainbook <command>` and `npm run <script>` shown in code must exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../src/cli/main.ts';

const DOCS = ['README.md', ...readdirSync('docs').filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const SCRIPT_LINES = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
const SCRIPTS = Object.keys(SCRIPT_LINES);

interface Parsed {
  /** Prose lines, outside fenced code. */
  prose: { line: number; text: string }[];
  /** Code: fenced blocks' lines and inline code spans. */
  code: { line: number; text: string }[];
}

function parse(path: string): Parsed {
  const prose: Parsed['prose'] = [];
  const code: Parsed['code'] = [];
  let fence: string | undefined;
  readFileSync(path, 'utf8').split('\n').forEach((text, index) => {
    const line = index + 1;
    const marker = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      else code.push({ line, text });
      return;
    }
    if (marker) {
      fence = marker;
      return;
    }
    prose.push({ line, text });
    for (const span of text.matchAll(/(`+)(.+?)\1/g)) code.push({ line, text: span[2] ?? '' });
  });
  return { prose, code };
}

/** The anchors GitHub makes for a file's headings (outside code), in order. */
function anchorsOf(path: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const { text } of parse(path).prose) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text)?.[1];
    if (heading === undefined) continue;
    // GitHub slugs the heading's text: code spans keep their words, links their text.
    const plain = heading.replace(/`([^`]*)`/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    anchors.add(slugger.slug(plain));
  }
  for (const { text } of parse(path).prose) for (const id of text.matchAll(/<a (?:id|name)="([^"]+)"/g)) anchors.add(id[1] ?? '');
  return anchors;
}

/** Markdown links `[text](target)` in prose, with inline code removed first. */
function linksOf(path: string): { line: number; target: string }[] {
  const links: { line: number; target: string }[] = [];
  for (const { line, text } of parse(path).prose) {
    const withoutCode = text.replace(/(`+).+?\1/g, '');
    for (const link of withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) links.push({ line, target: link[1] ?? '' });
  }
  return links;
}

function broken(path: string): string[] {
  const problems: string[] = [];
  for (const { line, target } of linksOf(path)) {
    if (/^[a-z][a-z+.-]*:/i.test(target)) continue; // https:, mailto:
    const [file, anchor] = target.split('#', 2) as [string, string | undefined];
    const to = file === '' ? path : normalize(join(dirname(path), decodeURIComponent(file)));
    if (!existsSync(to)) {
      problems.push(`${path}:${line}: ${target}: no file ${to}`);
      continue;
    }
    if (anchor !== undefined && to.endsWith('.md') && !anchorsOf(to).has(anchor)) {
      problems.push(`${path}:${line}: ${target}: no heading #${anchor} in ${to}`);
    }
  }
  return problems;
}

/** `plainbook <command>` (also `npx plainbook@latest <command>`) and `npm run <script>` in code. */
function commandsShown(path: string): { line: number; kind: 'command' | 'script'; name: string }[] {
  const shown: ReturnType<typeof commandsShown> = [];
  for (const { line, text } of parse(path).code) {
    for (const match of text.matchAll(/(?<![\w./@-])plainbook(?:@\S+)? +([a-z][\w:-]*)/g)) shown.push({ line, kind: 'command', name: match[1] ?? '' });
    for (const match of text.matchAll(/\bnpm run +([a-z][\w:-]*)/g)) shown.push({ line, kind: 'script', name: match[1] ?? '' });
  }
  return shown;
}

/** `plainbook <command> --help`, as a user would see it. */
async function helpOf(command: string): Promise<string> {
  let text = '';
  const io = { root: process.cwd(), env: {}, stdout: (out: string) => (text += out), stderr: (out: string) => (text += out) };
  await main([command, '--help'], io);
  return text;
}

/**
 * Options shown after a command in code: `plainbook lint --watch`, `npm run lint -- --format json`
 * (an npm script that runs a `plainbook` command counts as that command).
 */
function optionsShown(path: string): { line: number; command: string; option: string }[] {
  const shown: ReturnType<typeof optionsShown> = [];
  for (const { line, text } of parse(path).code) {
    const call = /(?:(?<![\w./@-])plainbook(?:@\S+)? +([a-z][\w-]*)|\bnpm run +([a-z][\w:-]*))(.*)/.exec(text);
    if (!call) continue;
    const command = call[1] ?? /plainbook\.ts ([a-z]+)$/.exec(SCRIPT_LINES[call[2] ?? ''] ?? '')?.[1];
    if (!command || !Object.hasOwn(COMMANDS, command)) continue;
    const rest = (call[3] ?? '').split(/\s#|&&|\|\||[|;]/)[0] ?? '';
    for (const option of rest.matchAll(/(?<![\w-])--([a-z][\w-]*)/g)) shown.push({ line, command, option: `--${option[1]}` });
  }
  return shown;
}

describe('README.md and docs/*.md', () => {
  it('has the guides the front page promises', () => {
    expect(DOCS).toEqual(expect.arrayContaining(['README.md', 'docs/staff.md', 'docs/editors.md', 'docs/pilot-leads.md', 'docs/running-a-handbook.md', 'docs/contributors.md']));
  });

  it('keeps the two commands on the front page', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toMatch(/^npm test\b/m);
  });

  it.each(DOCS)('%s: every relative link reaches a file, and every #anchor a heading', (path) => {
    expect(linksOf(path).length).toBeGreaterThan(0);
    expect(broken(path)).toEqual([]);
  });

  it.each(DOCS)('%s: every plainbook command and npm script shown in code exists', (path) => {
    const unknown = commandsShown(path)
      .filter(({ kind, name }) => (kind === 'command' ? !Object.hasOwn(COMMANDS, name) : !SCRIPTS.includes(name)))
      .map(({ line, kind, name }) => `${path}:${line}: ${kind} ${name}`);
    expect(unknown).toEqual([]);
  });

  it.each(DOCS)('%s: every option shown with a command is in that command\'s --help', async (path) => {
    const unknown: string[] = [];
    for (const { line, command, option } of optionsShown(path)) {
      const help = await helpOf(command);
      if (!new RegExp(`(?<![\\w-])${option}(?![\\w-])`).test(help)) unknown.push(`${path}:${line}: ${command} ${option}`);
    }
    expect(unknown).toEqual([]);
  });

  it('finds broken links, missing anchors and unknown commands (the checks can fail)', () => {
    expect(anchorsOf('docs/editors.md')).toContain('readability');
    expect(anchorsOf('README.md')).toContain('how-it-fits-together');
    // Images are links too (`![alt](docs/images/…)`): a missing screenshot is a missing file.
    expect(linksOf('README.md').map(({ target }) => target)).toContain('docs/images/policy-page.png');
    expect(commandsShown('README.md')).toContainEqual(expect.objectContaining({ kind: 'command', name: 'init' }));
    expect(commandsShown('docs/contributors.md').map(({ name }) => name)).toContain('bench:lint');
    expect(anchorsOf('docs/editors.md')).not.toContain('no-such-heading');
    expect(optionsShown('docs/editors.md')).toContainEqual(expect.objectContaining({ command: 'lint', option: '--max-warnings' }));
  });
});

describe('the reference handbook', () => {
  const REPO = /^\s*repo:\s*(\S+)/m.exec(readFileSync('plainbook.config.yml', 'utf8'))?.[1] ?? '';
  const GUIDE_LINK = new RegExp(`\\]\\(https://github\\.com/${REPO.replace('/', '\\/')}/blob/main/(docs/[\\w-]+\\.md)(?:#([\\w-]+))?\\)`, 'g');
  const pages = readdirSync('content', { recursive: true, encoding: 'utf8' }).filter((name) => /\.mdx?$/.test(name)).map((name) => `content/${name}`);
  const guideLinks = pages.flatMap((page) => [...readFileSync(page, 'utf8').matchAll(GUIDE_LINK)].map((match) => ({ page, guide: match[1] ?? '', anchor: match[2] })));

  it('links to the guides where it explains a feature', () => {
    expect(new Set(guideLinks.map((link) => link.guide))).toEqual(new Set(['docs/staff.md', 'docs/editors.md', 'docs/pilot-leads.md', 'docs/running-a-handbook.md']));
  });

  it('links to guides and headings that exist', () => {
    const missing = guideLinks.filter(({ guide, anchor }) => !existsSync(guide) || (anchor !== undefined && !anchorsOf(guide).has(anchor)));
    expect(missing).toEqual([]);
  });
});
