/**
 * Where policies live and what their files are called. Light on purpose (only github-slugger):
 * the "Check your words" page's web worker names a proposed policy's file with it in the browser.
 */
import { slug as githubSlug } from 'github-slugger';

/** The folder under the content directory that holds the policies. */
export const POLICY_DIR = 'policies';

/**
 * A file name from a title: GitHub's heading slugs (what Starlight uses for anchors), folded to
 * ASCII letters, digits and hyphens so the name works in every shell, URL and file system.
 */
export function policySlug(title: string): string | undefined {
  const ascii = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = githubSlug(ascii).replace(/[^a-z0-9-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  return shorten(slug) || undefined;
}

/** Long titles make long addresses; cut at a word boundary. */
const MAX_SLUG_LENGTH = 60;

function shorten(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, MAX_SLUG_LENGTH);
}
