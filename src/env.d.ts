declare module 'virtual:plainbook/settings' {
  const settings: import('./config/settings.ts').ResolvedSettings;
  export default settings;
  /** True under `astro dev`, false for a build. */
  export const isDevServer: boolean;
}
