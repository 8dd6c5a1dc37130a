/**
 * `plainbook.config.yml`: site settings in one typed place. CI overrides a few of them through
 * environment variables so one repository can deploy to GitHub Pages under `/<repo>/`.
 */
import { z } from 'zod';
import type { FieldHelpTable } from './friendly-error.ts';
import { GITHUB_OWNER_HELP, githubOwner } from './fields.ts';
import { lintSettingsHelp, lintSettingsSchema } from './lint.ts';

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
});

export const settingsSchema = z.strictObject({
  site: siteSettingsSchema,
  lint: lintSettingsSchema.default(lintSettingsSchema.parse({})),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const settingsHelp: FieldHelpTable = {
  ...lintSettingsHelp,
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
  'site.defaultOwner': { expected: GITHUB_OWNER_HELP, example: 'defaultOwner: "@acme/handbook-editors"' },
  site: {
    expected: 'a group with `title`, `url` and `repo`',
    example: 'site: { title: Staff handbook, url: "https://acme.github.io/handbook/", repo: acme/handbook }',
  },
};
