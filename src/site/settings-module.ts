import type { Plugin } from 'vite';
import type { ResolvedSettings } from '../config/settings.ts';
import type { SitePlan } from './starlight-plugin.ts';
import { PACKAGE_ROOT } from '../files/package-root.ts';

export const SETTINGS_MODULE_ID = 'virtual:plainbook/settings';

/**
 * Hands the settings that `astro.config.mjs` resolved to pages, components and route middleware,
 * which run from Astro's build output where the repository root cannot be found from
 * `import.meta.url`. `isDevServer` comes from Vite's command: `import.meta.env.DEV` is also true
 * for a build run with NODE_ENV=test, which would undo per-build caching. `printFromPages`: the
 * print page leaves each policy's content to be copied from its built page (src/print/).
 */
export function settingsModule(settings: ResolvedSettings, plan: SitePlan = { contentMarks: false }, astroCommand?: string): Plugin {
  const resolvedId = `\0${SETTINGS_MODULE_ID}`;
  let isDevServer = false;
  return {
    name: 'plainbook:settings',
    configResolved: (config) => {
      // Astro's own command when known: a build syncs its content in a Vite server too, which
      // would otherwise count as a dev server and read the git history afresh for every page.
      isDevServer = astroCommand === undefined ? config.command === 'serve' : astroCommand === 'dev';
    },
    resolveId: (id) => (id === SETTINGS_MODULE_ID ? resolvedId : undefined),
    load: (id) =>
      id === resolvedId
        ? `export default ${JSON.stringify(settings)};\nexport const isDevServer = ${isDevServer};\nexport const packageRoot = ${JSON.stringify(PACKAGE_ROOT)};\nexport const printFromPages = ${!isDevServer && plan.contentMarks};`
        : undefined,
  };
}
