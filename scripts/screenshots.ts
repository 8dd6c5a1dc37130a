/**
 * `npm run screenshots [-- --build]`: the two pictures on the front page (README.md), made again
 * from the code whenever the look changes, so they never show a handbook that no longer exists.
 *
 * - docs/images/policy-page.png: a policy page of the built reference handbook, in Chromium.
 * - docs/images/lint-comment.png: the prose lint's pull-request comment, as GitHub shows it. The
 *   Markdown is the real comment (`pullRequestReport`, what `plainbook lint --comment` posts) of a
 *   real lint of two reference policies with a made-up edit, not a hand-written copy.
 *
 * It builds the handbook first when dist/ is missing, or always with `--build`. Exit 3 when
 * Chromium is missing, as the browser tests would fail for the same reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { raw } from 'hast-util-raw';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import sharp from 'sharp';
import { unified } from 'unified';
import { parseOptions } from '../src/command/options.ts';
import { loadSettings, type ResolvedSettings } from '../src/config/settings.ts';
import { LINT_COMMENT_MARKER } from '../src/lint/comment.ts';
import { lintContext } from '../src/lint/context.ts';
import { loadLintFile } from '../src/lint/load-lint.ts';
import { pullRequestReport, type ChangedFileReport } from '../src/lint/pr-report.ts';
import { metricsFromSource } from '../src/lint/source-metrics.ts';
import { flavourOf } from '../src/markdown/syntax.ts';
import { redline } from '../src/redline/redline.ts';
import { CHROMIUM_PATH, launchBrowser } from '../test/helpers/browser.ts';
import { serveStatic } from '../test/helpers/static-site.ts';

const REPO = resolve(import.meta.dirname, '..');
const IMAGES = join(REPO, 'docs', 'images');
const POLICY_PAGE = 'policies/saying-no/';

/**
 * The pull request the comment is about: a sentence made long and wordy in one policy (so the
 * lint has something to say), a one-word change in another (a clean row beside it). Each edit
 * names words the policy has now: when the policy changes, this fails rather than show nothing.
 */
const EDITS: { path: string; from: string; to: string }[] = [
  {
    path: 'content/policies/saying-no.mdx',
    from: 'Saying no does not have to lose us a customer.',
    to: 'Saying no does not have to lose us a customer, provided that the member of staff who is dealing with the request is able to take the time that is needed to explain the reasons in a way that the customer will understand and accept.',
  },
  {
    path: 'content/policies/greeting-customers.mdx',
    from: 'Greet',
    to: 'Welcome',
  },
];

// GitHub's light theme for a comment, cut down to what the lint's comment uses.
const GITHUB_CSS = `
* { box-sizing: border-box; }
body { margin: 0; padding: 16px; background: #fff; color: #1f2328;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, "Liberation Sans", sans-serif; }
.comment { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; background: #fff; }
.comment-header { display: flex; align-items: center; gap: 6px; padding: 8px 16px; background: #f6f8fa;
  border-bottom: 1px solid #d1d9e0; color: #59636e; }
.comment-header strong { color: #1f2328; }
.avatar { width: 20px; height: 20px; border-radius: 50%; background: #2f81f7; margin-right: 2px; }
.label { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 6px; font-size: 12px; line-height: 18px; }
.markdown-body { padding: 16px; }
.markdown-body > :first-child { margin-top: 0; }
.markdown-body > :last-child { margin-bottom: 0; }
.markdown-body h3 { font-size: 1.25em; font-weight: 600; line-height: 1.25; margin: 0 0 16px; }
.markdown-body p, .markdown-body table, .markdown-body details { margin: 0 0 16px; }
.markdown-body code { font: 85% ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  padding: 0.2em 0.4em; background: rgba(129, 139, 152, 0.12); border-radius: 6px; white-space: break-spaces; }
.markdown-body table { border-collapse: collapse; border-spacing: 0; display: block; width: max-content; max-width: 100%; overflow: auto; }
.markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body th { font-weight: 600; }
.markdown-body tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body summary { cursor: pointer; }
`;

const started = performance.now();
const { values } = parseOptions({ options: { build: { type: 'boolean', default: false } } });
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`No Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\`, or set PLAINBOOK_CHROMIUM to where it is.`);
  process.exit(3);
}
const settings = loadSettings(REPO);
const dist = join(REPO, 'dist');
if (values.build || !existsSync(dist)) buildHandbook();

const site = await serveStatic(dist, settings.base);
// Light theme and no motion, so two runs on an unchanged handbook give the same picture; no
// service worker, so no "saving for offline use" note or update prompt shows.
const browser = await launchBrowser({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce', serviceWorkers: 'block' });
try {
  mkdirSync(IMAGES, { recursive: true });
  await save('policy-page.png', await policyPage(browser, new URL(POLICY_PAGE, site.url).href));
  await save('lint-comment.png', await commentPicture(browser, commentHtml(await lintComment(settings))));
} finally {
  await browser.close();
  await site.stop();
}
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

function buildHandbook(): void {
  console.log('Building the reference handbook into dist/ …');
  execFileSync(process.execPath, [join(REPO, 'src/bin/plainbook.ts'), 'build'], {
    cwd: REPO,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function policyPage(context: BrowserContext, url: string): Promise<Buffer> {
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}: is dist/ another handbook's build? Run \`npm run screenshots -- --build\`.`);
  await page.evaluate(() => document.fonts.ready);
  const picture = await page.screenshot();
  await page.close();
  return picture;
}

/** The comment `plainbook lint --comment` would post on the pull request EDITS describes. */
async function lintComment(resolved: ResolvedSettings): Promise<string> {
  const context = lintContext(resolved);
  const { lintSource } = await loadLintFile();
  const reports: ChangedFileReport[] = [];
  for (const edit of EDITS) {
    const before = readFileSync(join(REPO, edit.path), 'utf8');
    if (!before.includes(edit.from)) throw new Error(`${edit.path} no longer has "${edit.from}": change EDITS in scripts/screenshots.ts to words it has.`);
    const after = before.replace(edit.from, edit.to);
    const result = await lintSource(edit.path, after, context);
    const gradeBefore = (await metricsFromSource(before, { mdx: edit.path.endsWith('.mdx') }))?.fleschKincaidGrade;
    reports.push({ result, gradeBefore, change: redline(before, after, flavourOf(edit.path)) });
  }
  return pullRequestReport(LINT_COMMENT_MARKER, reports);
}

/** GitHub's rendering, near enough: GFM (tables), raw HTML kept (the hidden marker stays hidden). */
function commentHtml(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const body = toHtml(raw(toHast(tree, { allowDangerousHtml: true })));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${GITHUB_CSS}</style></head><body>
<div class="comment"><div class="comment-header"><span class="avatar"></span><strong>github-actions</strong><span class="label">bot</span> commented</div>
<div class="markdown-body">${body}</div></div></body></html>`;
}

async function commentPicture(context: BrowserContext, html: string): Promise<Buffer> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 400 });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  const picture = await page.locator('.comment').screenshot();
  await page.close();
  return picture;
}

/** A palette PNG: screenshots have few colours, so this is a quarter of the size or less. */
async function save(name: string, picture: Buffer): Promise<void> {
  const small = await sharp(picture).png({ palette: true, quality: 80, compressionLevel: 9, effort: 10 }).toBuffer();
  writeFileSync(join(IMAGES, name), small);
  console.log(`docs/images/${name}: ${small.length.toLocaleString('en-GB')} bytes (${picture.length.toLocaleString('en-GB')} before optimising)`);
}
