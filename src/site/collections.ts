/** The content collections of a handbook; its src/content.config.ts re-exports them. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import settings from 'virtual:plainbook/settings';
import en from '../i18n/en.json';
import { pageFieldsSchema } from '../schema/policy.ts';
import { HANDBOOK_PATTERN, handbookLoader } from './handbook-loader.ts';

const handbook = {
  docs: defineCollection({
    loader: handbookLoader({ contentPath: settings.contentPath, root: settings.root }),
    schema: docsSchema({ extend: pageFieldsSchema }),
  }),
  // Our wording for Starlight's interface ("Edit this policy"), keyed by language. An inline
  // loader, because Starlight keys file-based entries by their path under src/content/i18n.
  i18n: defineCollection({
    loader: () => [{ id: 'en', ...en }],
    schema: i18nSchema(),
  }),
};

/**
 * `npm run bench`'s baseline (PLAINBOOK_BARE_STARLIGHT=1, see src/integration.ts): what Starlight's
 * `docsLoader()` and `docsSchema()` do, on the same folder. Without it the baseline also paid for
 * Plainbook's policy checks and fields.
 */
const bareStarlight = {
  docs: defineCollection({ loader: glob({ base: settings.contentPath, pattern: HANDBOOK_PATTERN }), schema: docsSchema() }),
};

// Typed as the handbook's: Plainbook's pages and components read these fields, and the bare
// baseline renders none of them (no overrides, no injected routes).
export const collections: typeof handbook = process.env.PLAINBOOK_BARE_STARLIGHT === '1' ? (bareStarlight as unknown as typeof handbook) : handbook;
