import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { runToExitCode } from '../../src/cli/run-cli.ts';
import { importCli } from '../../src/import/cli.ts';
import { scaffold } from '../../src/init/scaffold.ts';
import { lintFiles } from '../../src/lint/run.ts';
import { lintSettingsSchema } from '../../src/schema/lint.ts';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { fullWordDocument, GOOGLE_DOCS_HTML, PNG, WORD_WEB_PAGE } from '../helpers/documents.ts';

const OUTPUT = resolve('test/.output');

/** A new handbook as `plainbook init` makes it, with one document of each kind imported into it. */
async function handbookWithImports(): Promise<{ root: string; policies: string[] }> {
  // Inside this package, so the starter pages' `plainbook/components` resolves to this source.
  mkdirSync(OUTPUT, { recursive: true });
  const root = mkdtempSync(join(OUTPUT, 'import-build-'));
  const files = scaffold({ answers: { title: 'Acme Care', repo: 'acme/care', host: 'github-pages', url: 'https://acme.test/care/', owner: '@acme/leads' }, name: 'care', dependency: 'file:..', today: '2026-11-01' });
  for (const [path, text] of files) {
    if (!path.startsWith('content/') && path !== 'plainbook.config.yml') continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const docs = join(root, 'old');
  mkdirSync(join(docs, 'images'), { recursive: true });
  writeFileSync(join(docs, 'refunds.docx'), await fullWordDocument());
  writeFileSync(join(docs, 'phone.html'), GOOGLE_DOCS_HTML);
  writeFileSync(join(docs, 'images/image1.png'), PNG);
  writeFileSync(join(docs, 'saying-no.htm'), Buffer.from(WORD_WEB_PAGE, 'latin1'));
  writeFileSync(join(docs, 'email.md'), '# Email Replies\n\nAnswer in **one** day. Use {their name}.\n\n* Thank them\n    * by name\n');
  writeFileSync(join(docs, 'chat.txt'), 'Chat\n\nReply in two minutes. Keep it short.\n\n- greet\n- help\n');
  let output = '';
  const code = await runToExitCode(
    () => importCli(['old', '--owner', '@acme/leads', '--today', '2026-11-02', '--format', 'json'], { root, cwd: root, env: {}, interactive: false, stdout: (text) => (output += text), stderr: () => {} }),
    (text) => (output += text),
  );
  if (code !== 0) throw new Error(`import failed:\n${output}`);
  return { root, policies: (JSON.parse(output) as { policies: { policy: string }[] }).policies.map((entry) => entry.policy) };
}

describe('imported policies', () => {
  let project: { root: string; policies: string[] };
  let build: BuildResult;

  beforeAll(async () => {
    project = await handbookWithImports();
    build = await buildSite({ PLAINBOOK_CONTENT_DIR: join(project.root, 'content') });
  });

  it('are one per document and parse cleanly, with no Markdown-style findings', async () => {
    expect(project.policies).toEqual([
      'content/policies/chat.mdx',
      'content/policies/email-replies.mdx',
      'content/policies/answering-the-phone.mdx',
      'content/policies/refunds-and-returns.mdx',
      'content/policies/saying-no-nicely.mdx',
    ]);
    const { results } = await lintFiles({ root: project.root, files: project.policies, settings: lintSettingsSchema.parse({}), personalWords: '' });
    const structural = results.flatMap((result) => result.messages.filter((message) => ['parse-error', 'markdown-style', 'heading-increment', 'no-duplicate-headings'].includes(message.ruleId)).map((message) => `${result.path}:${message.line}: ${message.reason}`));
    expect(structural).toEqual([]);
  });

  it('build into pages that pass the policy schema and show every construct', () => {
    expect(build.code, build.output).toBe(0);
    const page = (slug: string) => {
      const tree = fromHtml(readFileSync(join(build.outDir, `policies/${slug}/index.html`), 'utf8'));
      const content = select('.sl-markdown-content', tree);
      if (!content) throw new Error(`no content on ${slug}`);
      return { tree, content };
    };

    const refunds = page('refunds-and-returns');
    expect(toString(select('h1', refunds.tree) ?? refunds.tree)).toBe('Refunds and Returns');
    expect(selectAll('h2, h3, h4', refunds.content).map((heading) => `${heading.tagName} ${toString(heading)}`)).toEqual(['h2 Who this is for', 'h3 How to refund', 'h4 Contacts']);
    expect(toString(select('strong', refunds.content) ?? refunds.content)).toBe('must');
    expect(toString(select('em', refunds.content) ?? refunds.content)).toBe('always');
    // The braces and angle brackets are words on the page, not code.
    expect(toString(refunds.content)).toContain('Write {order} and <name> as');
    expect(selectAll('ol > li > ol > li', refunds.content).map((item) => toString(item))).toEqual(['Look at the date.']);
    expect(selectAll('ul > li > ul > li', refunds.content).map((item) => toString(item))).toEqual(['Smile.']);
    expect(selectAll('a[href^="https://example.com"], a[href^="mailto:"]', refunds.content).map((link) => link.properties.href)).toEqual(['https://example.com/refunds', 'mailto:help@example.com']);
    expect(selectAll('a[href^="javascript"]', refunds.tree)).toEqual([]);
    expect(selectAll('th', refunds.content).map((cell) => toString(cell))).toEqual(['Day', 'Hours']);
    expect(selectAll('td', refunds.content).map((cell) => toString(cell))).toEqual(['Monday', '9 | 5']);
    const image = select('img[alt="The refund stamp"]', refunds.content);
    // Astro's image pipeline took the saved file: it is served from the build's assets.
    expect(String(image?.properties.src)).toMatch(/\/_astro\/image-1\.[\w-]+\.(png|webp)$/);
    // A line starting with `import` is a sentence here, not a module statement (the site curls its quotes).
    expect(toString(refunds.content)).toMatch(/import refunds from .\.\/old./);

    const phone = page('answering-the-phone');
    expect(selectAll('ul > li > ul > li', phone.content).map((item) => toString(item))).toEqual(['even on the phone']);
    expect(select('a[href="https://example.com/phone"]', phone.content)).toBeDefined();
    expect(select('img[alt="Phone keypad"]', phone.content)).toBeDefined();

    expect(toString(page('saying-no-nicely').content)).toContain('It costs € 5 to');
    expect(toString(page('email-replies').content)).toContain('Use {their name}.');
    // Imported policies are drafts: the page says so.
    expect(toString(page('chat').tree)).toMatch(/draft/i);
  });
});
