import type { StarlightPlugin } from '@astrojs/starlight/types';
import { ownSource } from '../files/package-root.ts';

/** Plainbook's Starlight overrides, and what each adds, for the message when a team replaces one. */
export const OVERRIDES = {
  PageTitle: { path: 'overrides/page-title.astro', adds: 'the policy header (owner, dates, reading grade)' },
  Search: { path: 'overrides/search.astro', adds: 'a search button name that says its keyboard shortcut (WCAG 2.5.3)' },
  EditLink: { path: 'overrides/edit-link.astro', adds: 'the "Check your words" link beside "Edit page"' },
  Footer: { path: 'overrides/footer.astro', adds: 'the page history and the offline copy\'s notes and "newer version" prompt' },
  MarkdownContent: {
    path: 'overrides/markdown-content.astro',
    adds: 'nothing a reader sees',
    // The build cannot tell whether the team's component renders ours, so it takes the slow road.
    costs: 'the print page then renders every policy a second time instead of copying it from the built pages (the same content; a slower build)',
  },
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
        for (const [name, override] of Object.entries(OVERRIDES)) {
          if (components[name]) {
            logger.warn(overrideWarning(name, override));
            continue;
          }
          components[name] = ownSource(override.path);
        }
        plan.contentMarks = components.MarkdownContent === ownSource(OVERRIDES.MarkdownContent.path);
        updateConfig({ components });
        addRouteMiddleware({ entrypoint: ownSource('site/route-middleware.ts'), order: 'pre' });
      },
    },
  };
}

/** What a team's override of `name` drops, and how to keep it (or, when keeping is not enough, what it costs). */
function overrideWarning(name: string, override: { path: string; adds: string; costs?: string }): string {
  if (override.costs) return `Your Starlight override for \`${name}\` replaces Plainbook's: ${override.costs}.`;
  return `Your Starlight override for \`${name}\` replaces Plainbook's, so pages lose ${override.adds}. To keep it, render \`plainbook/${override.path}\` inside yours.`;
}
