/**
 * An earlier version's words as HTML, for its version page and for a policy page whose newest
 * words wait for their date. Rendered by Sätteri (the parser Astro renders pages with) straight
 * from the Markdown (src/policies/version-words.ts), not through a content collection: at 1,000
 * policies with four versions each a collection's rendering and data store added about 20 s.
 */
import { markdownToHtml } from 'satteri';
import { SITE_FEATURES } from '../markdown/satteri-parse.ts';
import { flavourOf } from '../markdown/syntax.ts';
import { versionMarkdown } from '../policies/version-words.ts';
import type { PolicyVersion } from '../policies/versions.ts';

const rendered = new Map<string, string>();

export function versionHtml(version: PolicyVersion, filePath: string): string {
  const key = `${filePath}\0${version.commit.hash}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = markdownToHtml(versionMarkdown(version.text, flavourOf(filePath)), { features: SITE_FEATURES }).html;
    rendered.set(key, html);
  }
  return html;
}
