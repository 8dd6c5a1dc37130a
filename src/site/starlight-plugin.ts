import type { StarlightPlugin } from '@astrojs/starlight/types';
import { own } from './starlight-options.ts';

/** Plainbook's Starlight overrides, and what each adds, for the message when a team replaces one. */
export const OVERRIDES = {
  PageTitle: { path: 'overrides/page-title.astro', adds: 'the policy header (owner, dates, reading grade)' },
  Search: { path: 'overrides/search.astro', adds: 'a search button name that says its keyboard shortcut (WCAG 2.5.3)' },
  Footer: { path: 'overrides/footer.astro', adds: 'the page history and the offline copy\'s notes and "newer version" prompt' },
  MarkdownContent: { path: 'overrides/markdown-content.astro', adds: 'the marks the print page copies their content by (the build then renders every policy twice, which is slower)' },
} as const;

/** What the site build can count on, known once Starlight's components are settled. */
export interface SitePlan {
  /** Every page marks its Markdown content, so the print page can be filled from the built pages. */
  contentMarks: boolean;
}

/**
 * Plainbook inside Starlight, by Starlight's own plugin conventions: component overrides where
 * the team has none (a team's override wins, and the log says what it replaced and how to keep
 * ours inside theirs), and the route middleware that gives pages their policy data.
 */
export function plainbookStarlightPlugin(plan: SitePlan = { contentMarks: false }): StarlightPlugin {
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
        plan.contentMarks = components.MarkdownContent === own(OVERRIDES.MarkdownContent.path);
        updateConfig({ components });
        addRouteMiddleware({ entrypoint: own('site/route-middleware.ts'), order: 'pre' });
      },
    },
  };
}
