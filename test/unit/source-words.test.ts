import { describe, expect, it } from 'vitest';
import { locate } from '../../src/feedback/locate.ts';
import { satteri } from '@astrojs/markdown-satteri';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { markdownToHtml } from 'satteri';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { registerSourceWords, remarkSourceWords } from '../../src/suggest/source-words-plugin.ts';
import { sourceWords } from '../../src/suggest/source-words.ts';

/** Select `words` in the rendered text and map them to the source. */
function select(rendered: string, source: string, words: string): string {
  const from = rendered.indexOf(words);
  if (from === -1) throw new Error(`not rendered: ${words}`);
  return sourceWords(rendered, source, from, from + words.length);
}

describe('selected words back to the source', () => {
  it('keeps emphasis marks whole around the selected words', () => {
    const source = 'Front desk staff **must** _always_ follow this.';
    expect(select('Front desk staff must always follow this.', source, 'must always follow')).toBe('**must** _always_ follow');
  });

  it('skips link targets and finds typeset quotes, dashes and ellipses as written', () => {
    const source = 'Read the [escalation list](/policies/escalation-list/) -- then say "I will call you back..." to them.';
    const rendered = 'Read the escalation list – then say “I will call you back…” to them.';
    expect(select(rendered, source, 'escalation list – then say “I will call you back…”')).toBe('escalation list](/policies/escalation-list/) -- then say "I will call you back..."');
    expect(select(rendered, source, 'Read the escalation')).toBe('Read the [escalation');
  });

  it('finds typeset single quotes and em dashes as the source wrote them', () => {
    const source = "Don't say 'no' --- say what you can do.";
    expect(select('Don’t say ‘no’ — say what you can do.', source, 'Don’t say ‘no’ — say')).toBe("Don't say 'no' --- say");
  });

  it('finds quotes the editor typed curly (smartypants leaves them as they are)', () => {
    const source = 'Don’t say “no” — say what you can do.';
    expect(select(source, source, 'say “no” — say')).toBe('say “no” — say');
  });

  it('matches line breaks and indentation in the source to the spaces on the page', () => {
    const source = '  I am sorry,\n  we have run out.';
    expect(select('I am sorry, we have run out.', source, 'sorry, we have')).toBe('sorry,\n  we have');
  });

  it('gives words the feedback step finds exactly in the file', () => {
    const file = '---\ntitle: X\n---\n\n## Four steps\n\nFront desk staff **must** _always_ follow this, even when it is "busy".\n';
    const quote = select('Front desk staff must always follow this, even when it is “busy”.', 'Front desk staff **must** _always_ follow this, even when it is "busy".', 'must always follow this, even when it is “busy”');
    expect(locate(file, quote, 'Four steps')).toMatchObject({ found: true, how: 'exact' });
  });

  it('counts characters outside the Basic Multilingual Plane once', () => {
    expect(select('Say 👋 hello to them.', 'Say 👋 **hello** to them.', 'hello to')).toBe('**hello** to');
  });
});

describe('each block keeps its source words on the page', () => {
  it('with Sätteri, Astro’s processor: paragraphs, headings, list items and table cells', async () => {
    const processor = satteri();
    expect(registerSourceWords(processor)).toBe(true);
    const { html } = await markdownToHtml('## Four **steps**\n\n- Say *no* plainly\n\nA line\nand more.\n\n| a |\n| - |\n| `b` |\n', { mdastPlugins: processor.options.mdastPlugins, hastPlugins: processor.options.hastPlugins, features: { gfm: true } });
    expect(html).toContain('<h2 data-source="## Four **steps**">');
    expect(html).toContain('<li data-source="- Say *no* plainly">');
    expect(html).toContain('<p data-source="A line\nand more.">');
    expect(html).toContain('<td data-source="| &#x60;b&#x60; |">');
  });

  it('with unified, when a team switched to it, and says when the processor is neither', () => {
    const processor = { name: 'unified', options: { remarkPlugins: [] as unknown[] } };
    expect(registerSourceWords(processor)).toBe(true);
    const tree = unified().use(remarkParse).parse('Say **no**.\n');
    (remarkSourceWords() as (tree: Root, file: VFile) => void)(tree, new VFile('Say **no**.\n'));
    expect(processor.options.remarkPlugins).toEqual([remarkSourceWords]);
    expect(tree.children[0]?.data).toEqual({ hProperties: { 'data-source': 'Say **no**.' } });
    expect(registerSourceWords({ name: 'markdoc' })).toBe(false);
    expect(registerSourceWords(undefined)).toBe(false);
  });
});
