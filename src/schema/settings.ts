/**
 * `plainbook.config.yml`: site settings in one typed place. CI overrides a few of them through
 * environment variables so one repository can deploy to GitHub Pages under `/<repo>/`.
 */
import { z } from 'zod';
import type { FieldHelpTable } from './friendly-error.ts';
import { GITHUB_OWNER_HELP, githubOwner } from './fields.ts';
import { feedbackSettingsHelp, feedbackSettingsSchema } from './feedback.ts';
import { lintSettingsHelp, lintSettingsSchema } from './lint.ts';

/**
 * Home screens cut longer names ("Customer Care Han…"); Chrome's install guide and Lighthouse's
 * old `installable-manifest` audit both warned past 12 characters.
 */
export const MAX_SHORT_NAME = 12;

/** A dark blue with 8.3:1 contrast against white text, so the splash screen's name reads. */
export const DEFAULT_THEME_COLOR = '#1f4e8c';

export const VISIBILITIES = ['private', 'public'] as const;
export const HOSTS = ['github-pages', 'cloudflare-pages', 'netlify', 'gitlab-pages', 'folder'] as const;
export type Host = (typeof HOSTS)[number];

const repoSlug = z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/);

/** A Starlight locale: its folder in the content folder (or `root`) → name and BCP 47 language. */
const localeSchema = z.strictObject({
  label: z.string().min(1),
  lang: z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/).optional(),
  dir: z.enum(['ltr', 'rtl']).optional(),
});

export const siteSettingsSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1).optional(),
  /** Where the handbook is published; its path becomes Astro's `base`. */
  url: z.url({ protocol: /^https?$/ }),
  /** `owner/name` of the GitHub repository that holds the policies. */
  repo: repoSlug,
  branch: z.string().min(1).default('main'),
  /** Folder of policy pages and data, relative to the repository root. */
  contentDir: z.string().min(1).default('content'),
  /** CODEOWNERS owner of everything that is not a policy (code, settings, data files). */
  defaultOwner: githubOwner.optional(),
  /**
   * Starlight's `locales`, here so the lint knows them too: pages in a folder whose language is
   * not English are not linted as English. Keys are folders in the content folder, or `root`.
   */
  locales: z.record(z.string().regex(/^(?:root|[a-z]{2,3}(?:-[a-z0-9]{2,8})*)$/), localeSchema).optional(),
  /**
   * Keep a copy on each reader's device (a service worker), so the handbook opens and searches
   * with no signal. Off for a handbook that must never be read from an old copy.
   */
  offline: z.boolean().default(true),
  /** The name under the icon on a phone's home screen; the title when it is short enough. */
  shortName: z.string().trim().min(1).max(MAX_SHORT_NAME).optional(),
  /** The colour of the browser bar and the home-screen app's splash screen. */
  themeColor: z.string().regex(/^#[0-9a-fA-F]{6}$/).default(DEFAULT_THEME_COLOR),
  /** A square PNG of at least 512 pixels, or an SVG, for the home screen (relative to the repository root). */
  icon: z.string().regex(/\.(?:png|svg)$/i).optional(),
  /**
   * Who search engines may show the handbook to. A customer-service policy is for staff only, so
   * `private` (every page `noindex`, robots.txt disallows all, no sitemap) unless the team says
   * otherwise; it does not lock the site: the host's sign-in does (see `host`).
   */
  visibility: z.enum(VISIBILITIES).default('private'),
  /**
   * `whole`: a shallow clone stops the build (pages would show wrong dates). `partial`: build with
   * the commits the clone has; a policy's Versions say where its history ends.
   */
  history: z.enum(['whole', 'partial']).default('whole'),
  /** Where the handbook is deployed: `init` and `sync` write that host's deploy. */
  host: z.enum(HOSTS).default('github-pages'),
});

export const settingsSchema = z.strictObject({
  site: siteSettingsSchema,
  lint: lintSettingsSchema.default(lintSettingsSchema.parse({})),
  feedback: feedbackSettingsSchema.default({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const settingsHelp: FieldHelpTable = {
  ...lintSettingsHelp,
  ...feedbackSettingsHelp,
  'site.title': { expected: 'the handbook name shown in the header', example: 'title: Acme staff handbook' },
  'site.url': {
    expected: 'the full address where the handbook is published',
    example: 'url: "https://acme.github.io/handbook/"',
  },
  'site.repo': { expected: 'the GitHub repository as `owner/name`', example: 'repo: acme/handbook' },
  'site.branch': { expected: 'the branch that holds the published policies', example: 'branch: main' },
  'site.locales': {
    expected: 'folders of translated pages, each with a `label` and a `lang` such as `fr` or `pt-BR`; `root` for the pages at the top',
    example: 'locales: { root: { label: English, lang: en }, fr: { label: Français } }',
  },
  'site.offline': { expected: '`true` to keep a copy on each reader\'s device, or `false`', example: 'offline: true' },
  'site.shortName': { expected: `the name under the home-screen icon, at most ${MAX_SHORT_NAME} letters`, example: 'shortName: Handbook' },
  'site.visibility': { expected: '`private` (staff only: search engines are asked to stay out) or `public`', example: 'visibility: private' },
  'site.history': { expected: '`whole` (a shallow clone stops the build) or `partial` (build with the commits it has)', example: 'history: partial' },
  'site.host': { expected: `where the handbook is deployed: ${HOSTS.map((host) => `\`${host}\``).join(', ')}`, example: 'host: cloudflare-pages' },
  'site.themeColor': { expected: 'a colour as `#` and six hex digits', example: 'themeColor: "#1f4e8c"' },
  'site.icon': { expected: 'a square PNG of at least 512 pixels or an SVG, as a path from the repository root', example: 'icon: brand/handbook-icon.png' },
  'site.defaultOwner': { expected: GITHUB_OWNER_HELP, example: 'defaultOwner: "@acme/handbook-editors"' },
  site: {
    expected: 'a group with `title`, `url` and `repo`',
    example: 'site: { title: Staff handbook, url: "https://acme.github.io/handbook/", repo: acme/handbook }',
  },
};
