import type { StarlightPlugin } from '@astrojs/starlight/types';
import { own } from './starlight-options.ts';

/** Plainbook's Starlight overrides, and what each adds, for the message when a team replaces one. */
export const OVERRIDES = {
  PageTitle: { path: 'overrides/page-title.astro', adds: 'the policy header (owner, dates, reading grade)' },
  Search: { path: 'overrides/search.astro', adds: 'a search button name that says its keyboard shortcut (WCAG 2.5.3)' },
  Footer: { path: 'overrides/footer.astro', adds: 'the page history and the offline copy\'s notes and "newer version" prompt' },
} as const;

/**
 * Plainbook inside Starlight, by Starlight's own plugin conventions: component overrides where
 * the team has none (a team's override wins, and the log says what it replaced and how to keep
 * ours inside theirs), and the route middleware that gives pages their policy data.
 */
export function plainbookStarlightPlugin(): StarlightPlugin {
  return {
    name: 'plainbook',
    hooks: {
      'config:setup'({ config, updateConfig, addRouteMiddleware, logger }) {
        const components: Record<string, string> = { ...config.components };
        for (const [name, { path, adds }] of Object.entries(OVERRIDES)) {
          if (components[name]) {
            logger.warn(`Your Starlight override for \`${name}\` replaces Plainbook's, so pages lose ${adds}. To keep it, render \`plainbook/${path}\` inside yours.`);
            continue;
          }
          components[name] = own(path);
        }
        updateConfig({ components });
        addRouteMiddleware({ entrypoint: own('site/route-middleware.ts'), order: 'pre' });
      },
    },
  };
}
