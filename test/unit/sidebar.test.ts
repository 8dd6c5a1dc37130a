import { describe, expect, it } from 'vitest';
import { trimSidebar } from '../../src/site/sidebar.ts';

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
});
