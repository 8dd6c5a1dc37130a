/**
 * One version of a policy as it read then: its header, the days it was in force, the change that
 * made it, its redline against the version before, and its words. For the record: printable,
 * `noindex`, with no search box (Pagefind never indexes it) and no place in the sitemap.
 *
 * A plain page written after the build (src/site/version-pages.ts), not an Astro page: at 1,000
 * policies with four versions each, 2,100 version pages as Astro pages added 11.5 s to a 31 s
 * build, almost all of it Astro's work per page (5.5 s with the words and redline left out).
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { flavourOf } from '../markdown/syntax.ts';
import { frontmatterData } from '../policies/frontmatter.ts';
import type { PolicyVersion } from '../policies/versions.ts';
import { redline, type ProseCache } from '../redline/redline.ts';
import { redlineTree } from '../redline/redline-hast.ts';
import type { IsoDate } from '../schema/fields.ts';
import { formatDate } from '../text/format-date.ts';
import { inForceSentence } from './in-force-sentence.ts';
import { versionHref } from './version-links.ts';
import { versionWords } from './version-html.ts';

export interface VersionPageInput {
  site: { title: string; repoUrl: string };
  /** Astro's `base`, e.g. `/handbook/`. */
  base: string;
  policy: string;
  /** The policy's title now, for a version whose own header has none. */
  currentTitle: string;
  filePath: string;
  versions: readonly PolicyVersion[];
  index: number;
  today: IsoDate;
  /** The address of the version pages' stylesheet. */
  stylesheet: string;
  /** The policy's texts already split into sentences: each version is in two redlines. */
  prose?: ProseCache;
}

export function versionPageHtml(input: VersionPageInput): string {
  const { site, base, policy, versions, index, today } = input;
  const version = versions[index];
  if (!version) throw new RangeError(`Unexpected version ${index + 1} of \`${policy}\`, expected 1 to ${versions.length}.`);
  const header = frontmatterData(version.text) ?? {};
  const title = typeof header.title === 'string' ? header.title : input.currentTitle;
  const home = base.replace(/\/$/, '');
  const document: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'robots', content: 'noindex, nofollow' }),
          h('title', `${title}: ${version.inForce ? `as from ${formatDate(version.inForce.from)}` : 'an earlier version'} | ${site.title}`),
          h('link', { rel: 'stylesheet', href: input.stylesheet }),
        ]),
        h('body', [
          h('p.version-site', [h('a', { href: `${home}/` }, site.title)]),
          h('main', [
            h('h1', title),
            h('p.version-banner', { role: 'note' }, [h('strong', inForceSentence(version, today)), ' ', h('a', { href: `${home}/policies/${policy}/` }, 'Read the current version.')]),
            facts(header),
            madeBy(version, site.repoUrl),
            changeMade(versions[index - 1], version, input.filePath, input.prose ?? new Map()),
            h('div.version-words', [{ type: 'raw', value: versionWords(version, input.filePath).html }]),
            otherVersions(input),
          ]),
        ]),
      ]),
    ],
  };
  return toHtml(document, { allowDangerousHtml: true });
}

/** Owner, status, effective and reviewed, as the version's own header gave them. */
function facts(header: Record<string, unknown>): Element {
  const field = (name: string) => {
    const value = header[name];
    return typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : undefined;
  };
  const rows: [string, string | undefined][] = [
    ['Owner', field('owner')],
    ['Status', field('status')],
    ['Effective', field('effective') && formatDate(field('effective') ?? '')],
    ['Last reviewed', field('reviewed') && formatDate(field('reviewed') ?? '')],
  ];
  return h(
    'dl.version-facts',
    rows.filter((row): row is [string, string] => Boolean(row[1])).map(([name, value]) => h('div', [h('dt', name), h('dd', value)])),
  );
}

function madeBy(version: PolicyVersion, repoUrl: string): ElementContent | undefined {
  const made = version.commit;
  const link = made.pullRequest ? [h('a', { href: `${repoUrl}/pull/${made.pullRequest}` }, `#${made.pullRequest}`), ' '] : [];
  return h('p.version-change', ['Made by ', ...link, `${made.subject.replace(/\s*\(#\d+\)$/, '')}, ${made.author}, ${formatDate(new Date(made.date))}.`]);
}

function changeMade(previous: PolicyVersion | undefined, version: PolicyVersion, filePath: string, prose: ProseCache): ElementContent | undefined {
  const tree = redlineTree(redline(previous?.text, version.text, flavourOf(filePath), prose));
  return tree && h('details.version-redline', [h('summary', 'What this version changed'), tree]);
}

function otherVersions({ base, policy, versions, index, today }: VersionPageInput): ElementContent | undefined {
  if (versions.length < 2) return undefined;
  const day = (version: PolicyVersion) => (version.inForce ? formatDate(version.inForce.from) : 'never in force');
  return h('nav.version-list', { ariaLabel: 'Versions' }, [
    h('p', 'Other versions:'),
    h(
      'ol',
      versions.map((other, otherIndex) => h('li', otherIndex === index ? h('strong', `${day(other)} (this one)`) : h('a', { href: versionHref(base, policy, versions, otherIndex, today) }, day(other)))),
    ),
  ]);
}
