import type { Root as MdastRoot } from 'mdast';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/errors/index.ts';
import { parseHtml } from '../../src/import/html.ts';
import { normaliseText, toPolicyBody } from '../../src/import/to-policy.ts';
import { bodyToMdx } from '../../src/markdown/inert-mdx.ts';

async function convert(html: string, fallbackTitle?: string) {
  const document = { tree: parseHtml(html), metadataTitle: undefined, baseFolder: undefined, leftOut: [] };
  const body = await toPolicyBody(document, fallbackTitle, 'doc.html');
  return { ...body, markdown: bodyToMdx(body.tree) };
}

describe('a document becoming a policy body', () => {
  it('moves spaces out of emphasis, strong and strike-through, and trims the edges of blocks and cells', async () => {
    const { markdown } = await convert('<h1>T</h1><p> Say<em> hello </em>and<strong> thanks</strong>, not<del>bye </del>. </p><h2>  Part  </h2><table><tr><td> a </td><td> b </td></tr><tr><td>c</td><td>d</td></tr></table>');
    expect(markdown).toBe('Say _hello_ and **thanks**, not~~bye~~ .\n\n## Part\n\n| a | b |\n| - | - |\n| c | d |\n');
  });

  it('normalises typed characters: curly quotes, fixed-width spaces, soft hyphens, doubled spaces', () => {
    expect(normaliseText('“Don’t” ‘x’\u00a0a\u202fb\u2007c re\u00adfund  twice   over')).toBe('"Don\'t" \'x\' a b c refund twice over');
  });

  it('cleans link and image titles and image descriptions too', async () => {
    const png = 'data:;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const html = `<h1>T</h1><p><a href="https://a.test" title="“Go”\u00a0now">x</a> <img src="${png}" alt="  A\u00a0“dot”  " title="‘t’"></p>`;
    const body = await toPolicyBody({ tree: parseHtml(html), metadataTitle: undefined, baseFolder: undefined, leftOut: [] }, undefined, 'doc.html');
    const paragraph = body.tree.children[0] as { children: { type: string; title?: string | null; alt?: string | null }[] };
    expect(paragraph.children.find((node) => node.type === 'link')?.title).toBe('"Go" now');
    expect(paragraph.children.find((node) => node.type === 'image')).toMatchObject({ alt: 'A "dot"', title: "'t'" });
  });

  it("drops Word's ↑ footnote back-links, but not an arrow in the text", async () => {
    const { markdown } = await convert('<h1>T</h1><p>Prices go ↑ in May.</p><ol><li><p>A note <a href="#footnote-ref-1">↑</a></p></li></ol>');
    expect(markdown).toBe('Prices go ↑ in May.\n\n1. A note\n');
  });

  it('makes the first row of a table without one its header, and leaves a table with a header alone', async () => {
    expect((await convert('<h1>T</h1><table><thead><tr><th>H</th></tr></thead><tbody><tr><td>r1</td></tr><tr><td>r2</td></tr></tbody></table>')).markdown).toBe('| H  |\n| -- |\n| r1 |\n| r2 |\n');
    expect((await convert('<h1>T</h1><table><tr><td>H</td></tr><tr><td>r</td></tr></table><div><p>td</p></div>')).markdown).toBe('| H |\n| - |\n| r |\n\ntd\n');
  });

  it('joins any number of neighbouring lists of one kind', async () => {
    expect((await convert('<h1>T</h1><ul><li>a</li></ul><ul><li>b</li></ul><ul><li>c</li></ul><p>x</p><ul><li>d</li></ul>')).markdown).toBe('- a\n- b\n- c\n\nx\n\n- d\n');
  });

  it('takes the title with its spaces folded, and needs one', async () => {
    expect((await convert('<h1>  Refunds \n and   returns </h1><p>Text.</p>')).title).toBe('Refunds and returns');
    expect((await convert('<p>Text.</p>', 'From the file')).title).toBe('From the file');
    const untitled = toPolicyBody({ tree: parseHtml('<p>Text.</p>'), metadataTitle: undefined, baseFolder: undefined, leftOut: [] }, undefined, 'doc.html');
    await expect(untitled).rejects.toBeInstanceOf(ContentError);
    await expect(untitled).rejects.toThrow('Cannot import doc.html: it has no title. Give it a heading at the top, then import it again.');
  });

  it('keeps a paragraph that holds only an image, and counts links to places in the document as nothing lost', async () => {
    const png = 'data:;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const { markdown, leftOut } = await convert(`<h1>T</h1><p><img src="${png}" alt="Dot"></p><p><a href="#top">Back to top</a></p>`);
    expect(markdown).toBe('![Dot](./plainbook-policy-slug/image-1.png)\n\nBack to top\n');
    expect(leftOut).toEqual([]);
  });

  it('refuses to write anything that MDX would read as more than text', () => {
    const tree: MdastRoot = { type: 'root', children: [{ type: 'html', value: '<script>x</script>' }] };
    // Raw HTML is written as it is, and MDX reads it as a component.
    expect(() => bodyToMdx(tree)).toThrow(/^Written text came out as mdxJsx(Flow|Text)Element instead of text; nothing was written\.$/);
    const expression = { type: 'root', children: [{ type: 'mdxFlowExpression', value: 'x' }] } as unknown as MdastRoot;
    expect(() => bodyToMdx(expression)).toThrow(/^Written text came out as mdxFlowExpression instead of text/);
  });
});
