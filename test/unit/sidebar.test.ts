import { describe, expect, it } from 'vitest';
import { currentSection, trimSidebar } from '../../src/site/sidebar.ts';

const link = (label: string, isCurrent = false) => ({ type: 'link' as const, label, href: `/${label}/`, isCurrent, badge: undefined, attrs: {} });
const group = (label: string, entries: unknown[]) => ({ type: 'group' as const, label, entries, collapsed: false, badge: undefined });

describe('the sidebar that scales', () => {
  it('lists every section, but only the current section’s pages', () => {
    const sidebar = [
      group('Handbook', [link('start')]),
      group('Policies', [group('Phone', [link('calls'), link('voicemail')]), group('Email', [link('replies', true), link('tone')])]),
    ];
    const trimmed = trimSidebar(sidebar as never) as unknown as ReturnType<typeof group>[];
    expect(trimmed[0]).toEqual(sidebar[0]);
    expect(trimmed[1]?.entries).toEqual([
      { ...link('calls'), label: 'Phone' },
      group('Email', [link('replies', true), link('tone')]),
    ]);
  });

  it('keeps its size as sections grow: one link per other section', () => {
    const sections = Array.from({ length: 20 }, (_, s) => group(`S${s}`, Array.from({ length: 50 }, (_, p) => link(`p${s}-${p}`, s === 3 && p === 7))));
    const trimmed = trimSidebar([group('Policies', sections)] as never) as unknown as ReturnType<typeof group>[];
    const count = (entries: unknown[]): number => entries.reduce<number>((sum, entry) => sum + ((entry as { type: string }).type === 'link' ? 1 : count((entry as { entries: unknown[] }).entries)), 0);
    expect(count(trimmed)).toBe(19 + 50);
  });

  it('names the innermost group holding the current page as its section, for search filters', () => {
    const sidebar = [
      group('Handbook', [link('start')]),
      group('Policies', [link('glossary'), group('Phone', [link('calls'), link('voicemail', true)])]),
    ];
    expect(currentSection(sidebar as never)).toBe('Phone');
    expect(currentSection([group('Handbook', [link('start', true)]), group('Policies', [link('calls')])] as never)).toBe('Handbook');
    expect(currentSection([group('Policies', [group('Phone', [link('calls')])]), link('top', true)] as never)).toBeUndefined();
  });
});
