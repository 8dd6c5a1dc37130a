/** The content collections of a handbook; its src/content.config.ts re-exports them. */
import { defineCollection } from 'astro:content';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import settings from 'virtual:plainbook/settings';
import en from '../i18n/en.json';
import { pageFieldsSchema } from '../schema/policy.ts';
import { handbookLoader } from './handbook-loader.ts';

export const collections = {
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
