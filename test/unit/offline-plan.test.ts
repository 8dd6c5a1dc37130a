import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { writeServiceWorker } from '../../src/offline/build-service-worker.ts';
import { offlineCopy } from '../../src/offline/integration.ts';
import { KILL_SWITCH_WORKER } from '../../src/offline/kill-switch.ts';
import { FIRST_VISIT_SEARCH_INDEX_BYTES, offlineTier, planOfflineCopy, revisionOf, urlOf, type OutputFile } from '../../src/offline/offline-plan.ts';

const file = (path: string, revision = 'r1', bytes = 100): OutputFile => ({ path, revision, bytes });

describe('what a reader keeps offline', () => {
  it.each([
    ['index.html', 'first-visit'],
    ['404.html', 'first-visit'],
    ['_astro/page.cNngjUgL.js', 'first-visit'],
    ['_astro/middleware.CSr9jesn.css', 'first-visit'],
    ['_astro/inter.woff2', 'first-visit'],
    ['favicon.svg', 'first-visit'],
    ['manifest.webmanifest', 'first-visit'],
    ['icons/icon-192.png', 'first-visit'],
    ['pagefind/pagefind.js', 'first-visit'],
    ['pagefind/pagefind-worker.js', 'first-visit'],
    ['pagefind/pagefind-entry.json', 'first-visit'],
    ['pagefind/pagefind.en_8b4f9f8225.pf_meta', 'first-visit'],
    ['pagefind/index/en_ec45cd3.pf_index', 'first-visit'],
    ['pagefind/filter/en_1a2b.pf_filter', 'first-visit'],
    ['pagefind/wasm.en.pagefind', 'first-visit'],
    ['pagefind/fragment/en_1a2b.pf_fragment', 'later'],
    ['policies/saying-no/index.html', 'later'],
    ['print/index.html', 'later'],
    ['_astro/kettle.B1x2.webp', 'later'],
    ['policies/refunds/receipt.png', 'later'],
    ['pagefind/pagefind-ui.js', 'never'],
    ['pagefind/pagefind-ui.css', 'never'],
    ['pagefind/pagefind-component-ui.js', 'never'],
    ['pagefind/pagefind-highlight.js', 'never'],
    ['sw.js', 'never'],
    ['sitemap-index.xml', 'never'],
    ['sitemap-0.xml', 'never'],
    ['changes.xml', 'never'],
    ['versions/saying-no/2/index.html', 'never'],
    ['handbook.pdf', 'never'],
    ['_astro/page.js.map', 'never'],
    ['.nojekyll', 'never'],
  ])('%s: %s', (path, tier) => {
    expect(offlineTier(path)).toBe(tier);
  });

  it('leaves out the search code of languages the index does not hold', () => {
    const english = new Set(['en']);
    expect(offlineTier('pagefind/wasm.en.pagefind', english)).toBe('first-visit');
    expect(offlineTier('pagefind/wasm.unknown.pagefind', english)).toBe('never');
    expect(offlineTier('pagefind/wasm.unknown.pagefind')).toBe('first-visit');
  });

  it('addresses pages as readers open them, under the base path', () => {
    expect(urlOf('index.html', '/handbook/')).toBe('/handbook/');
    expect(urlOf('policies/saying-no/index.html', '/handbook/')).toBe('/handbook/policies/saying-no/');
    expect(urlOf('404.html', '/handbook')).toBe('/handbook/404.html');
    expect(urlOf('pagefind/pagefind.js', '/')).toBe('/pagefind/pagefind.js');
  });

  it('splits the files, and names a version that changes with any file and only then', () => {
    const files = [file('policies/b/index.html', 'b1'), file('index.html', 'h1'), file('sw.js', 'x'), file('policies/a/index.html', 'a1')];
    const plan = planOfflineCopy(files, '/hb/');
    expect(plan.firstVisit).toEqual([{ url: '/hb/', revision: 'h1', bytes: 100 }]);
    expect(plan.later.map((entry) => entry.url)).toEqual(['/hb/policies/a/', '/hb/policies/b/']);
    expect(plan.version).toMatch(/^[0-9a-f]{12}$/);
    expect(planOfflineCopy([...files].reverse(), '/hb/').version).toBe(plan.version);
    expect(planOfflineCopy(files.map((f) => (f.path === 'sw.js' ? { ...f, revision: 'y' } : f)), '/hb/').version).toBe(plan.version);
    expect(planOfflineCopy(files.map((f) => (f.path === 'policies/a/index.html' ? { ...f, revision: 'a2' } : f)), '/hb/').version).not.toBe(plan.version);
  });

  it('brings the search index on the first visit only while it is small', () => {
    const index = (bytes: number) => [file('pagefind/index/en_1.pf_index', 'i1', bytes / 2), file('pagefind/filter/en_1.pf_filter', 'f1', bytes / 2)];
    const tiers = (files: OutputFile[]) => {
      const plan = planOfflineCopy([file('index.html'), ...files], '/');
      return { first: plan.firstVisit.map((entry) => entry.url), later: plan.later.map((entry) => entry.url) };
    };
    expect(tiers(index(FIRST_VISIT_SEARCH_INDEX_BYTES))).toEqual({ first: ['/', '/pagefind/filter/en_1.pf_filter', '/pagefind/index/en_1.pf_index'], later: [] });
    expect(tiers(index(FIRST_VISIT_SEARCH_INDEX_BYTES + 2))).toEqual({ first: ['/'], later: ['/pagefind/filter/en_1.pf_filter', '/pagefind/index/en_1.pf_index'] });
  });

  it('keeps 64 bits of SHA-256 as a file revision, as the service worker computes it', () => {
    // SHA-256("abc") = ba7816bf8f01cfea 414140de…
    expect(revisionOf(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea');
  });
});

describe('the service worker written into a built site', () => {
  function builtSite(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'plainbook-offline-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  it('builds in this version’s first-visit files and lists the rest in a file named by version', async () => {
    const dir = builtSite({
      'index.html': '<h1>Start</h1>',
      '_astro/page.abc.js': 'console.log(1)',
      'policies/saying-no/index.html': '<h1>Saying no</h1>',
      'pagefind/pagefind-entry.json': '{"version":"1.6.0","languages":{"en":{"hash":"en_1","wasm":"en","page_count":2}}}',
      'pagefind/wasm.en.pagefind': 'wasm',
      'pagefind/wasm.unknown.pagefind': 'wasm!',
      'pagefind/fragment/en_1.pf_fragment': 'text',
      'sitemap-index.xml': '<xml/>',
    });
    const report = await writeServiceWorker(dir, '/hb');
    const list = JSON.parse(readFileSync(join(dir, `offline-${report.version}.json`), 'utf8')) as { url: string; revision: string }[];
    expect(list.map((entry) => entry.url)).toEqual(['/hb/pagefind/fragment/en_1.pf_fragment', '/hb/policies/saying-no/']);
    expect(list[1]?.revision).toBe(revisionOf(new TextEncoder().encode('<h1>Saying no</h1>')));
    // Start page, script, search entry and English search code, and the list itself.
    expect(report.firstVisit.files).toBe(5);
    expect(report.later).toEqual({ files: 2, bytes: 'text'.length + '<h1>Saying no</h1>'.length });

    expect(report.worker).toEqual({
      version: report.version,
      base: '/hb/',
      firstVisit: [
        { url: '/hb/_astro/page.abc.js', revision: revisionOf(new TextEncoder().encode('console.log(1)')) },
        { url: '/hb/', revision: expect.any(String) },
        { url: '/hb/pagefind/pagefind-entry.json', revision: expect.any(String) },
        { url: '/hb/pagefind/wasm.en.pagefind', revision: expect.any(String) },
        { url: `/hb/offline-${report.version}.json`, revision: revisionOf(readFileSync(join(dir, `offline-${report.version}.json`))) },
      ],
      laterList: `/hb/offline-${report.version}.json`,
    });
    const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
    for (const entry of report.worker.firstVisit) expect(worker).toContain(`"${entry.url}"`);
    expect(worker).not.toContain('wasm.unknown');
    expect(worker).not.toContain('saying-no');
    // Workbox's development logging is compiled out.
    expect(worker).not.toContain('process.env');
  });
});

describe('the offline step of a build', () => {
  const logger = () => {
    const lines: string[] = [];
    return { lines, logger: { info: (line: string) => lines.push(line) } };
  };
  const runBuildDone = async (enabled: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'plainbook-offline-step-'));
    writeFileSync(join(dir, 'index.html'), '<h1>Start</h1>');
    const log = logger();
    const hook = offlineCopy('/hb', enabled).hooks['astro:build:done'] as unknown as (options: object) => Promise<void>;
    await hook({ dir: pathToFileURL(`${dir}/`), logger: log.logger });
    return { worker: readFileSync(join(dir, 'sw.js'), 'utf8'), lines: log.lines };
  };

  it('writes the Workbox worker and says what the first visit and the rest weigh', async () => {
    const { worker, lines } = await runBuildDone(true);
    expect(worker).toContain('workbox');
    expect(lines).toEqual([expect.stringMatching(/^Offline copy [0-9a-f]{12}: first visit 1 KB in 2 files; the rest 0 KB in 0 files, saved later \(\d+ ms\)\.$/)]);
  });

  it('with `offline: false`, writes the worker that removes what devices saved before', async () => {
    const { worker, lines } = await runBuildDone(false);
    expect(worker).toBe(KILL_SWITCH_WORKER);
    expect(lines).toEqual(['Offline copy off: sw.js removes any copy a device saved before.']);
  });
});
