import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, EnvironmentError } from '../../src/errors/index.ts';
import { assemblePrintPage, CONTENT_END, CONTENT_START, printPlaceholder } from '../../src/print/assemble-print.ts';

const THEME_SCRIPT = '<script>updatePickers();</script>';
const TABS_SCRIPT = '<script type="module">customElements.define("x-tabs", class extends HTMLElement {});</script>';

function page(head: string, content: string): string {
  return `<!doctype html><html><head><title>x</title>${head}</head><body><nav>sidebar${THEME_SCRIPT}</nav><div class="sl-markdown-content">${CONTENT_START}${content}${CONTENT_END}</div></body></html>`;
}

/** A built site: the print shell (placeholders for `ids`) and the pages it names. */
function site(pages: Record<string, string>, ids: readonly string[], format: 'directory' | 'file' = 'directory'): { dir: string; print: string } {
  const dir = mkdtempSync(join(tmpdir(), 'plainbook-print-'));
  const write = (path: string, html: string) => {
    const file = format === 'directory' ? join(dir, path, 'index.html') : join(dir, `${path}.html`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  };
  for (const [path, html] of Object.entries(pages)) write(path, html);
  const articles = ids.map((id) => `<article><div class="sl-markdown-content">${printPlaceholder(id)}</div></article>`).join('');
  write('print', `<!doctype html><html><head><link rel="stylesheet" href="/_astro/main.css"></head><body><nav>${THEME_SCRIPT}${THEME_SCRIPT}</nav>${articles}</body></html>`);
  return { dir, print: format === 'directory' ? join(dir, 'print', 'index.html') : join(dir, 'print.html') };
}

describe('the print page filled from the built pages', () => {
  it("copies each policy's content into its place, in the print page's order", () => {
    const { dir, print } = site(
      { 'policies/a': page('', '<h2 id="a">A</h2><p>First.</p>'), 'policies/b': page('', '<p>Second.</p>') },
      ['policies/b', 'policies/a'],
    );
    expect(assemblePrintPage(dir)).toBe(2);
    const html = readFileSync(print, 'utf8');
    expect(html).toContain('<article><div class="sl-markdown-content"><p>Second.</p></div></article><article><div class="sl-markdown-content"><h2 id="a">A</h2><p>First.</p></div></article>');
    expect(html).not.toContain('plainbook:print');
    // Nothing from around the content (the sidebar) is copied.
    expect(html).not.toContain('sidebar');
  });

  it("keeps the print page's own scripts as they were, and a copied script once", () => {
    const { dir, print } = site(
      { 'policies/a': page('', `<p>A</p>${TABS_SCRIPT}${THEME_SCRIPT}`), 'policies/b': page('', `<p>B</p>${TABS_SCRIPT}`) },
      ['policies/a', 'policies/b'],
    );
    assemblePrintPage(dir);
    const html = readFileSync(print, 'utf8');
    expect(html.split(TABS_SCRIPT)).toHaveLength(2);
    // Starlight writes the theme script twice on purpose (two pickers); a copy adds none.
    expect(html.split(THEME_SCRIPT)).toHaveLength(3);
  });

  it('adds the stylesheets and styles the policy pages load that the print page lacks, once each', () => {
    const tabsCss = '<link rel="stylesheet" href="/_astro/tabs.css">';
    const inline = '<style>.say-this{border:1px solid}</style>';
    const { dir, print } = site(
      {
        'policies/a': page(`<link rel="stylesheet" href="/_astro/main.css">${tabsCss}<meta name="x" content="y">`, '<p>A</p>'),
        'policies/b': page(`${tabsCss}${inline}<link rel="icon" href="/favicon.svg">`, '<p>B</p>'),
      },
      ['policies/a', 'policies/b'],
    );
    assemblePrintPage(dir);
    const head = readFileSync(print, 'utf8').split('</head>')[0]!;
    expect(head).toBe(`<!doctype html><html><head><link rel="stylesheet" href="/_astro/main.css">${tabsCss}${inline}`);
  });

  it("reads pages written with `build.format: 'file'`", () => {
    const { dir, print } = site({ 'policies/a': page('', '<p>A</p>') }, ['policies/a'], 'file');
    expect(assemblePrintPage(dir)).toBe(1);
    expect(readFileSync(print, 'utf8')).toContain('<div class="sl-markdown-content"><p>A</p></div>');
  });

  it('leaves a print page without placeholders (the dev server, a team override) as it is', () => {
    const { dir, print } = site({}, []);
    const before = readFileSync(print, 'utf8');
    expect(assemblePrintPage(dir)).toBe(0);
    expect(readFileSync(print, 'utf8')).toBe(before);
    expect(assemblePrintPage(mkdtempSync(join(tmpdir(), 'plainbook-print-')))).toBe(0);
  });

  it('names the page without content marks and how to fix it, and writes nothing', () => {
    const { dir, print } = site({ 'policies/a': page('', '<p>A</p>'), 'policies/b': '<html><head></head><body><p>B</p></body></html>' }, ['policies/a', 'policies/b']);
    const before = readFileSync(print, 'utf8');
    const error = (() => {
      try {
        assemblePrintPage(dir);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe(join(dir, 'policies/b/index.html'));
    expect((error as Error).message).toBe(
      `The print page cannot copy the policy in ${join(dir, 'policies/b/index.html')}: the page has no Plainbook content marks, which Plainbook's \`MarkdownContent\` override writes. A Starlight plugin that replaces \`MarkdownContent\` after Plainbook must render \`plainbook/overrides/markdown-content.astro\` inside its own.`,
    );
    expect(readFileSync(print, 'utf8')).toBe(before);
  });

  it('says which page the build did not write', () => {
    const { dir } = site({}, ['policies/gone']);
    expect(() => assemblePrintPage(dir)).toThrow(EnvironmentError);
    expect(() => assemblePrintPage(dir)).toThrow(`The print page needs the built page for \`policies/gone\`, and the build wrote none in ${dir}.`);
  });

  it('finds a page whose id needs escaping in a comment', () => {
    const { dir, print } = site({ 'policies/café': page('', '<p>Café</p>') }, ['policies/café']);
    expect(printPlaceholder('policies/café')).toBe('<!--plainbook:print policies/caf%C3%A9-->');
    expect(assemblePrintPage(dir)).toBe(1);
    expect(readFileSync(print, 'utf8')).toContain('<p>Café</p>');
  });
});
