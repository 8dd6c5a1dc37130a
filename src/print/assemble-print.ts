/**
 * The print page, put together from the policy pages the build has already written.
 *
 * The print page shows every published policy in full. Rendering each policy a second time for
 * it cost as much as a tenth of the build (300 policies: 7.1 s with it, 6.5 s without). In a
 * build, the page instead leaves a placeholder per policy (`printPlaceholder`), each policy page
 * marks where its content starts and ends (overrides/markdown-content.astro), and after Astro has
 * written the pages this copies each policy's content into its placeholder. The dev server still
 * renders every policy in the print page, as it renders everything on request.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, EnvironmentError } from '../errors/index.ts';
import { writeWhole } from '../files/write-whole.ts';

/** Around the rendered Markdown of every page; MDX text cannot hold them (it has no HTML comments). */
export const CONTENT_START = '<!--plainbook:content-->';
export const CONTENT_END = '<!--/plainbook:content-->';

const PLACEHOLDER = /<!--plainbook:print ([^ >]+)-->/g;

/** Where the print page wants the content of the page at `pagePath` (its id, e.g. `policies/saying-no`). */
export function printPlaceholder(pagePath: string): string {
  return `<!--plainbook:print ${encodeURI(pagePath)}-->`;
}

/** A policy's content as its page shows it: the HTML between the content marks. */
export function contentBetweenMarks(html: string, file: string): string {
  const start = html.indexOf(CONTENT_START);
  const end = html.lastIndexOf(CONTENT_END);
  if (start === -1 || end < start) {
    throw new ConfigError(
      `The print page cannot copy the policy in ${file}: the page has no Plainbook content marks, which Plainbook's ` +
        '`MarkdownContent` override writes. A Starlight plugin that replaces `MarkdownContent` after Plainbook must render `plainbook/overrides/markdown-content.astro` inside its own.',
      { file },
    );
  }
  return html.slice(start + CONTENT_START.length, end);
}

/**
 * What the policy pages load in their head for their content (stylesheets, styles) that the print
 * page does not load yet: a policy using a component with its own CSS needs it on paper too.
 */
export function missingHeadStyles(pageHtml: string, printHead: string): string[] {
  const head = pageHtml.slice(0, Math.max(0, pageHtml.indexOf('</head>')));
  return [...head.matchAll(HEAD_STYLE)].map(([tag]) => tag).filter((tag) => !printHead.includes(tag));
}

const HEAD_STYLE = /<link\b[^>]*\brel="stylesheet"[^>]*>|<style\b[^>]*>[\s\S]*?<\/style>/g;
const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/g;

/**
 * A copied policy's scripts, less those the page has already. Astro writes a component's script
 * once per page; copied from many pages, an inline module script would run once per copy (a
 * custom element defined twice throws). The page's own scripts stay as Starlight wrote them.
 */
export function withoutScriptsSeen(content: string, seen: Set<string>): string {
  return content.replace(SCRIPT, (script) => {
    if (seen.has(script)) return '';
    seen.add(script);
    return script;
  });
}

/** The HTML file Astro wrote for a page: `policies/a/index.html`, or `policies/a.html` with `build.format: 'file'`. */
export function builtPageFile(outDir: string, pagePath: string): string | undefined {
  return [join(outDir, pagePath, 'index.html'), join(outDir, `${pagePath}.html`)].find((file) => existsSync(file));
}

/** Fill the print page's placeholders from the built pages. Returns how many it filled (0: none to fill). */
export function assemblePrintPage(outDir: string, printPath = 'print'): number {
  const printFile = builtPageFile(outDir, printPath);
  if (!printFile) return 0;
  const shell = readFileSync(printFile, 'utf8');
  const headEnd = Math.max(0, shell.indexOf('</head>'));
  let head = shell.slice(0, headEnd);
  const scripts = new Set(shell.match(SCRIPT));
  let filled = 0;
  const body = shell.slice(headEnd).replace(PLACEHOLDER, (_, encoded: string) => {
    const pagePath = decodeURI(encoded);
    const file = builtPageFile(outDir, pagePath);
    if (!file) throw new EnvironmentError(`The print page needs the built page for \`${pagePath}\`, and the build wrote none in ${outDir}.`);
    const page = readFileSync(file, 'utf8');
    head += missingHeadStyles(page, head).join('');
    filled += 1;
    return withoutScriptsSeen(contentBetweenMarks(page, file), scripts);
  });
  if (filled > 0) writeWhole(printFile, head + body);
  return filled;
}
