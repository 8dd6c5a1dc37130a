/**
 * The front page's screenshots (`npm run screenshots`): every image README.md shows is in the
 * repository, is really a PNG, and stays small, since everyone who opens the repository downloads
 * it. docs-links.test.ts checks the same links reach a file; this checks what the file is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The limit contributors.md states: a palette PNG of a 1000-pixel screenshot is far below it. */
const MAX_BYTES = 150_000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const IMAGES = [...readFileSync('README.md', 'utf8').matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((match) => ({ alt: match[1] ?? '', path: match[2] ?? '' }));

describe('README.md screenshots', () => {
  it('shows a policy page and the lint comment, each with alt text that says what it shows', () => {
    expect(IMAGES.map((image) => image.path)).toEqual(['docs/images/policy-page.png', 'docs/images/lint-comment.png']);
    for (const image of IMAGES) expect(image.alt.split(' ').length, image.path).toBeGreaterThanOrEqual(5);
  });

  it.each(IMAGES.map((image) => image.path))('%s is a PNG under 150 KB', (path) => {
    expect(existsSync(path), `${path} is missing: run \`npm run screenshots\``).toBe(true);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE), `${path} is not a PNG`).toBe(true);
    expect(bytes.length, `${path} is ${bytes.length} bytes: run \`npm run screenshots\`, which optimises it`).toBeLessThan(MAX_BYTES);
  });
});
