import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.ts';
import { plainbookStarlightPlugin } from '../../src/site/starlight-plugin.ts';
import { starlightOptions } from '../../src/site/starlight-options.ts';
import { ownSource, PACKAGE_ROOT } from '../../src/files/package-root.ts';
import { createTempProject, SETTINGS } from '../helpers/temp-project.ts';

const settings = () => loadSettings(createTempProject({}).dir, {});

/** Run the plugin's config:setup as Starlight does, and keep what it asked for. */
function setUp(components: Record<string, string>) {
  const warnings: string[] = [];
  const updates: { components?: Record<string, string> }[] = [];
  const middleware: unknown[] = [];
  const plan = { contentMarks: false };
  const hook = plainbookStarlightPlugin(plan).hooks['config:setup'] as unknown as (options: object) => void;
  hook({
    config: { components },
    updateConfig: (update: { components?: Record<string, string> }) => updates.push(update),
    addRouteMiddleware: (entry: unknown) => middleware.push(entry),
    logger: { warn: (message: string) => warnings.push(message) },
  });
  return { warnings, components: updates.at(-1)?.components, middleware, plan };
}

describe('Plainbook inside Starlight', () => {
  it('adds its overrides and route middleware from the package\'s src/', () => {
    const { warnings, components, middleware, plan } = setUp({});
    expect(components).toEqual({
      PageTitle: ownSource('overrides/page-title.astro'),
      Search: ownSource('overrides/search.astro'),
      EditLink: ownSource('overrides/edit-link.astro'),
      Footer: ownSource('overrides/footer.astro'),
      MarkdownContent: ownSource('overrides/markdown-content.astro'),
    });
    // Every page marks its content, so the build's print page can copy it.
    expect(plan.contentMarks).toBe(true);
    expect(ownSource('overrides/footer.astro')).toBe(`${PACKAGE_ROOT.replace(/\/$/, '')}/src/overrides/footer.astro`);
    expect(middleware).toEqual([{ entrypoint: ownSource('site/route-middleware.ts'), order: 'pre' }]);
    expect(warnings).toEqual([]);
  });

  it('keeps a team\'s own override, and says what it replaces and how to keep ours', () => {
    const { warnings, components } = setUp({ Footer: './src/footer.astro', Hero: './src/hero.astro' });
    expect(components).toMatchObject({ Footer: './src/footer.astro', Hero: './src/hero.astro', PageTitle: ownSource('overrides/page-title.astro') });
    expect(warnings).toEqual(["Your Starlight override for `Footer` replaces Plainbook's, so pages lose the page history and the offline copy's notes and \"newer version\" prompt. To keep it, render `plainbook/overrides/footer.astro` inside yours."]);
  });

  it("renders the print page's policies itself when a team's MarkdownContent may leave out the marks", () => {
    const { warnings, components, plan } = setUp({ MarkdownContent: './src/content.astro' });
    expect(components?.MarkdownContent).toBe('./src/content.astro');
    expect(plan.contentMarks).toBe(false);
    expect(warnings).toEqual([
      "Your Starlight override for `MarkdownContent` replaces Plainbook's: the print page then renders every policy a second time instead of copying it from the built pages (the same content; a slower build).",
    ]);
  });

  it('lets the team\'s Starlight options win, with their CSS and head tags after ours', () => {
    const options = starlightOptions(settings(), {
      title: 'Ours',
      social: [{ icon: 'github', label: 'Code', href: 'https://example.test' }],
      customCss: ['./src/brand.css'],
      head: [{ tag: 'meta', attrs: { name: 'x', content: 'y' } }],
      locales: { root: { label: 'English', lang: 'en' } },
    });
    expect(options.title).toBe('Ours');
    expect(options.social).toEqual([{ icon: 'github', label: 'Code', href: 'https://example.test' }]);
    expect(options.customCss?.at(-1)).toBe('./src/brand.css');
    expect(options.customCss?.[0]).toBe(ownSource('styles/handbook.css'));
    expect(options.head?.map((tag) => tag.attrs)).toEqual([
      { rel: 'alternate', type: 'application/rss+xml', title: 'Policy changes', href: '/handbook/changes.xml' },
      { rel: 'manifest', href: '/handbook/manifest.webmanifest', crossorigin: 'use-credentials' },
      { name: 'theme-color', content: '#1f4e8c' },
      { rel: 'apple-touch-icon', href: '/handbook/icons/icon-192.png' },
      { name: 'robots', content: 'noindex, nofollow' },
      { name: 'x', content: 'y' },
    ]);
    expect(options.locales).toEqual({ root: { label: 'English', lang: 'en' } });
  });

  it('takes the title and the repository links from plainbook.config.yml when the team sets none', () => {
    const options = starlightOptions(settings());
    expect(options.title).toBe('Test handbook');
    expect(options.social).toEqual([{ icon: 'github', label: 'Policies on GitHub', href: 'https://github.com/acme/handbook' }]);
    expect(options.editLink).toEqual({ baseUrl: 'https://github.com/acme/handbook/edit/main/' });
  });
});

describe('the integration', () => {
  /** Run the integration's config:setup; keep the integrations it adds and the routes it injects. */
  async function setUpIntegration(settingsYaml?: string) {
    const project = createTempProject({}, settingsYaml);
    const { default: plainbook } = await import('../../src/integration.ts');
    const added: string[] = [];
    const routes: string[] = [];
    const hook = plainbook().hooks['astro:config:setup'] as unknown as (options: object) => void;
    hook({
      config: { root: pathToFileURL(`${project.dir}/`), base: '/', markdown: {} },
      command: 'build',
      updateConfig: (update: { integrations?: { name: string }[] }) => added.push(...(update.integrations ?? []).map((integration) => integration.name)),
      injectRoute: (route: { pattern: string }) => routes.push(route.pattern),
      addDevToolbarApp: () => undefined,
      logger: { warn: () => undefined },
    });
    return { added, routes };
  }

  it('adds Starlight, MDX, the print page and the offline copy; a private handbook (the default) no sitemap, and a robots.txt', async () => {
    const { added, routes } = await setUpIntegration();
    expect(added).toEqual(['@astrojs/sitemap', '@astrojs/starlight', '@astrojs/mdx', 'plainbook:print', 'plainbook:versions', 'plainbook:check', 'plainbook:offline']);
    expect(routes).toContain('/robots.txt');
  });

  it('writes a sitemap without version pages and no robots.txt for a public handbook', async () => {
    const { added, routes } = await setUpIntegration(`${SETTINGS}  visibility: public\n`);
    // Our sitemap in place of Starlight's, so it can leave out the version pages.
    expect(added).toEqual(['@astrojs/sitemap', '@astrojs/starlight', '@astrojs/mdx', 'plainbook:print', 'plainbook:versions', 'plainbook:check', 'plainbook:offline']);
    expect(routes).not.toContain('/robots.txt');
  });
});

describe('a public handbook', () => {
  it('asks search engines nothing: no robots meta tag', () => {
    const options = starlightOptions(loadSettings(createTempProject({}, `${SETTINGS}  visibility: public\n`).dir, {}));
    expect(options.head?.some((tag) => tag.attrs?.name === 'robots')).toBe(false);
  });
});

describe("Starlight's sitemap link", () => {
  it('leaves out version pages, and only them, from a public sitemap', async () => {
    const { isVersionPage } = await import('../../src/site/visibility.ts');
    expect(isVersionPage('https://acme.test/handbook/versions/saying-no/3/')).toBe(true);
    expect(isVersionPage('https://acme.test/handbook/versions/phone/answering/12/')).toBe(true);
    expect(isVersionPage('https://acme.test/handbook/policies/saying-no/')).toBe(false);
    expect(isVersionPage('https://acme.test/handbook/policies/versions/')).toBe(false);
  });

  it('is dropped from a private page, and nothing else is', async () => {
    const { withoutSitemapLink } = await import('../../src/site/visibility.ts');
    const head = [
      { tag: 'link', attrs: { rel: 'canonical', href: '/a/' } },
      { tag: 'link', attrs: { rel: 'sitemap', href: '/sitemap-index.xml' } },
      { tag: 'meta', attrs: { name: 'sitemap', content: 'x' } },
    ];
    expect(withoutSitemapLink(head)).toEqual([head[0], head[2]]);
  });
});
