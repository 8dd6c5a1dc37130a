import { fromHtml } from 'hast-util-from-html';
import type { Nodes } from 'hast';
import { EditMap } from 'micromark-util-edit-map';
import { describe, expect, it } from 'vitest';
import { measureWordXml } from '../../src/import/docx-package.ts';
import { markupTokens } from '../../src/import/markup-tokens.ts';
import { measureHtml } from '../../src/import/measure-html.ts';
import { markdownDepth, measureText } from '../../src/import/measure-text.ts';
import { consumeFromFirstEdit, originalConsume } from '../../src/markdown/linear-edit-map.ts';

/** What parse5 builds, counted the long way: elements and the deepest element's depth. */
function parsed(html: string): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const stack: [Nodes, number][] = [[fromHtml(html), 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, level] = next;
    if (node.type === 'element') {
      elements++;
      depth = Math.max(depth, level);
      if (node.content) stack.push([node.content, level]);
    }
    if ('children' in node) for (const child of node.children) stack.push([child, level + 1]);
  }
  return { elements, depth };
}

describe('words and characters', () => {
  it('counts words as Word does, near enough', () => {
    const count = (text: string) => measureText(text).words;
    expect(count("Don't wait: call us on 0800 123 — today!")).toBe(8);
    expect(count('e-mail self‑service')).toBe(4);
    expect(count('Café naïve')).toBe(2);
    expect(count('Cafe\u0301 ok')).toBe(2);
    expect(count('返金 は できます')).toBe(7);
    expect(count('Tom &amp; Jerry &#8212; &nbsp;')).toBe(2);
    expect(count('… — – !!! ...')).toBe(0);
    // Runs of letters are cut every 64 characters: a 640-letter "word" is ten.
    expect(count('x'.repeat(640))).toBe(10);
  });

  it('joins a word split across pieces unless a paragraph ended between them', () => {
    const tally = measureText('Ref');
    tally.add('unds are');
    tally.add(' quick');
    expect(tally.words).toBe(3);
    tally.pause();
    tally.add('again');
    expect(tally.words).toBe(4);
  });

  it('counts characters with spaces, a run of spaces as one, a character reference as one', () => {
    expect(measureText('Say hi.').characters).toBe(7);
    expect(measureText('Say   \n\n  hi.').characters).toBe(7);
    expect(measureText('Tom &amp; Jerry').characters).toBe(11);
    const tally = measureText('a ');
    tally.add(' b');
    expect(tally.characters).toBe(3);
  });
});

describe('Markdown nesting', () => {
  it('counts list items and quotes a line opens, never fewer than CommonMark nests', () => {
    expect(markdownDepth('Text\n\n    indented code, not a list\n')).toBe(0);
    expect(markdownDepth('- a\n  - b\n    - c\n')).toBe(3);
    expect(markdownDepth('1. a\n   1. b\n      1) c\n')).toBe(4);
    expect(markdownDepth('> - a\n>   > b\n')).toBe(4);
    // Three items in one line; the spaces between their markers count too: deeper, not shallower.
    expect(markdownDepth('- - - x\n')).toBe(5);
    expect(markdownDepth('\t- a\n')).toBe(3);
    expect(markdownDepth('-not a list\n*emphasis*\n1.5 litres\n')).toBe(0);
    expect(markdownDepth(`${' '.repeat(5998)}- deep\n`)).toBe(3000);
  });
});

describe('HTML as parse5 reads it, from its tags', () => {
  const measured = (html: string) => {
    const { elements, depth } = measureHtml(html);
    return { elements, depth };
  };

  it('ends what HTML ends without an end tag: items, cells, paragraphs (as parse5, less <html> and <body>)', () => {
    for (const html of ['<ul><li>a<li>b<li><p>c<li>d</ul>', '<table><td>a<td>b<tr><td>c</table>', '<p>a<div>b</div><p>c<h2>d</h2>', '<div><span>unclosed</div>', '<dl><dt>a<dd>b<dt>c</dl>']) {
      const real = parsed(html.repeat(50));
      expect(measured(html.repeat(50))).toEqual({ elements: real.elements - 3, depth: real.depth - 2 });
    }
  });

  it('counts the formatting elements parse5 re-opens after a block closed them', () => {
    const html = `<div>${Array.from({ length: 50 }, (_, index) => `<b id=${index}>`).join('')}</div>${'<p>x</p>'.repeat(300)}`;
    expect(parsed(html).elements).toBe(15_354);
    expect(measured(html)).toEqual({ elements: 15_351, depth: 51 });
  });

  it('reads comments, quoted values, raw text, SVG and select as HTML does', () => {
    expect(measured(`<!-->${'<div>'.repeat(300)}-->`).depth).toBe(300);
    expect(measured(`<!-- a --!>${'<div>'.repeat(300)}-->`).depth).toBe(300);
    expect(measured(`<![CDATA[>${'<div>'.repeat(300)}]]>`).depth).toBe(300);
    expect(measured(`<a b'c>${'<div>'.repeat(300)}'>`).depth).toBe(301);
    expect(measured(`<a title="${'<div>'.repeat(300)}">x</a>`)).toEqual({ elements: 1, depth: 1 });
    expect(measured(`<style>${'<div>'.repeat(300)}</style><p>x`)).toEqual({ elements: 2, depth: 1 });
    expect(measured(`<svg>${'<path/>'.repeat(300)}</svg><svg><style>${'<g>'.repeat(300)}`).depth).toBe(302);
    expect(measured(`<div><span><svg></div>${'<g/>'.repeat(300)}`).depth).toBe(300);
    expect(measured(`<select><style>${'<div>'.repeat(300)}`).depth).toBe(1);
    // In HTML `<https:` and `<a@b.c>` are elements; in Markdown they are links.
    expect(measured('a < b and <3 and <https://example.com> and <a@b.c>')).toEqual({ elements: 2, depth: 2 });
    expect(measureHtml('see <https://example.com> and <a@b.c>', { commonMark: true }).elements).toBe(0);
  });

  it('never counts much shallower or fewer than parse5 builds, on random tag soup', () => {
    const vocabulary = ['<div>', '</div>', '<p>', '</p>', '<li>', '</li>', '<ul>', '</ul>', '<b>', '</b>', '<i id=1>', '<i id=2>', '</i>', '<span>', '</span>', '<table>', '</table>', '<tr>', '<td>', '</td>', '<dd>', '<dt>', '<dl>', '</dl>', '<svg>', '</svg>', '<g>', '</g>', '<g/>', '<path/>', '<foo>', '<foo/>', '</foo>', '<section>', '</section>', 'x', ' ', '<br>', '<a>', '</a>', '<h1>', '<h2>', '</h1>', '<option>', '<select>', '<style>', '</style>', '<math>', '<mi>', '<font>', '<template>', '</template>', '<caption>', '<object>', '<button>', '</button>'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let run = 0; run < 400; run++) {
      const html = Array.from({ length: 20 + Math.floor(random() * (run % 10 === 0 ? 2000 : 300)) }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join('');
      const real = parsed(html);
      const model = measureHtml(html);
      expect({ html, deepEnough: model.depth * 2 + 4 >= real.depth, enoughElements: model.elements * 2 + 4 >= real.elements }).toEqual({ html, deepEnough: true, enoughElements: true });
    }
  });

  it('takes words from the text, not from scripts, styles or tags, and joins them across inline tags', () => {
    expect(measureHtml('<style>.a { font-weight: 700 }</style><p>Re<b>fund</b> now</p><p>Next</p><script>var x = 1</script>').text.words).toBe(3);
  });

  it('tokenizes without backtracking on a million quoted values or an unclosed tag', () => {
    expect([...markupTokens(`<a ${'b="x" '.repeat(1_000_000)}>t`)].map((token) => token.type)).toEqual(['start', 'text']);
    expect([...markupTokens(`x<a b="${'y'.repeat(100)}`)]).toEqual([{ type: 'text', value: 'x' }]);
  });
});

describe('Word XML', () => {
  it('counts elements, nesting and the words of w:t runs, joining runs within a paragraph', () => {
    const tally = measureText('');
    const xml = '<w:body><w:p><w:r><w:t>Ref</w:t></w:r><w:r><w:t xml:space="preserve">unds due</w:t></w:r><w:r><w:tab/><w:t>now</w:t></w:r></w:p><w:p><w:r><w:instrText>PAGE</w:instrText><w:t>Next</w:t></w:r></w:p></w:body>';
    expect(measureWordXml(xml, tally)).toEqual({ elements: 13, depth: 4 });
    expect(tally.words).toBe(4);
  });
});

describe('micromark edit map, from the first edit', () => {
  it('gives the same events as upstream for any edits', () => {
    let seed = 3;
    const random = (below: number) => Math.floor(((seed = (seed * 48271) % 2147483647) / 2147483647) * below);
    for (let run = 0; run < 500; run++) {
      const events = Array.from({ length: random(40) }, (_, index) => index) as unknown as Parameters<EditMap['consume']>[0];
      const edits = Array.from({ length: random(6) }, () => [random(events.length + 1), random(4), Array.from({ length: random(3) }, () => 100 + random(50))] as const);
      const apply = (consume: typeof originalConsume) => {
        const map = new EditMap();
        for (const [at, remove, add] of edits) map.add(at, remove, [...add] as unknown as typeof events);
        const copy = [...events];
        consume.call(map, copy);
        return copy;
      };
      expect(apply(consumeFromFirstEdit)).toEqual(apply(originalConsume));
    }
  });

  it('is the one micromark uses once the handbook syntax is loaded', async () => {
    await import('../../src/markdown/syntax.ts');
    expect(EditMap.prototype.consume).toBe(consumeFromFirstEdit);
  });
});
