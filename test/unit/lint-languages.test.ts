import { describe, expect, it } from 'vitest';
import { isEnglishPage, pageLanguage, skippedLine, splitByLanguage } from '../../src/lint/languages.ts';

const settings = {
  root: '/repo',
  contentPath: '/repo/content',
  locales: { root: { label: 'English', lang: 'en' }, fr: { label: 'Français' }, 'pt-br': { label: 'Português', lang: 'pt-BR' }, 'en-gb': { label: 'English (UK)', lang: 'en-GB' } },
};

describe('page languages', () => {
  it('come from the first folder in the content folder, when it is a locale', () => {
    expect(pageLanguage('content/fr/policies/a.mdx', settings)).toBe('fr');
    expect(pageLanguage('content/pt-br/a.md', settings)).toBe('pt-BR');
    expect(pageLanguage('content/policies/a.mdx', settings)).toBe('en');
    // A folder that is not a locale (an "it" team's policies, say) is the root language.
    expect(pageLanguage('content/it/a.mdx', settings)).toBe('en');
    expect(pageLanguage('content/a.mdx', { ...settings, locales: undefined })).toBeUndefined();
  });

  it('are English for en and en-* only, and for every page when there are no locales', () => {
    expect(isEnglishPage('content/en-gb/a.mdx', settings)).toBe(true);
    expect(isEnglishPage('content/fr/a.mdx', settings)).toBe(false);
    expect(isEnglishPage('content/fr/a.mdx', { ...settings, locales: undefined })).toBe(true);
    // A handbook whose root pages are Portuguese lints none of them as English.
    expect(isEnglishPage('content/a.mdx', { ...settings, locales: { root: { label: 'Português', lang: 'pt-PT' } } })).toBe(false);
    expect(isEnglishPage('content/a.mdx', { ...settings, locales: { root: { label: 'Engelsk' } } })).toBe(true);
  });

  it('split a run into English pages and the others, with one summary line by language', () => {
    const files = ['content/a.mdx', 'content/fr/a.mdx', 'content/fr/b.mdx', 'content/pt-br/a.mdx', 'content/en-gb/a.mdx'];
    const { english, skipped } = splitByLanguage(files, settings);
    expect(english).toEqual(['content/a.mdx', 'content/en-gb/a.mdx']);
    expect(skippedLine(skipped)).toBe('Skipped 3 pages in other languages (fr 2, pt-BR 1): the lint checks English only.');
    expect(skippedLine([{ path: 'x', lang: 'de' }])).toBe('Skipped 1 page in other languages (de 1): the lint checks English only.');
    expect(skippedLine([])).toBeUndefined();
  });
});
