/**
 * An earlier version's words as HTML, for its version page and for a policy page whose newest
 * words wait for their date. Rendered by Sätteri (the parser Astro renders pages with) straight
 * from the Markdown (src/policies/version-words.ts), not through a content collection: at 1,000
 * policies with four versions each a collection's rendering and data store added about 20 s.
 * Headings get the ids Astro would give them (github-slugger, as @astrojs/markdown-satteri), so
 * the page's "On this page" can list the headings of the words it shows.
 */
import GithubSlugger from 'github-slugger';
import { defineHastPlugin, markdownToHtml } from 'satteri';
import { SITE_FEATURES } from '../markdown/satteri-parse.ts';
import { flavourOf } from '../markdown/syntax.ts';
import { versionMarkdown } from '../policies/version-words.ts';
import type { PolicyVersion } from '../policies/versions.ts';

export interface VersionHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface VersionWords {
  html: string;
  headings: VersionHeading[];
}

const rendered = new Map<string, VersionWords>();

export function versionWords(version: PolicyVersion, filePath: string): VersionWords {
  const key = `${filePath}\0${version.commit.hash}`;
  let words = rendered.get(key);
  if (words === undefined) {
    const headings: VersionHeading[] = [];
    const { html } = markdownToHtml(versionMarkdown(version.text, flavourOf(filePath)), { features: SITE_FEATURES, hastPlugins: [headingIds(headings)] });
    words = { html, headings };
    rendered.set(key, words);
  }
  return words;
}

function headingIds(headings: VersionHeading[]) {
  const slugger = new GithubSlugger();
  return defineHastPlugin({
    name: 'plainbook-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, context) {
        const text = context.textContent(node);
        const slug = slugger.slug(text);
        headings.push({ depth: Number(node.tagName.slice(1)), slug, text });
        context.setProperty(node, 'id', slug);
      },
    },
  });
}
