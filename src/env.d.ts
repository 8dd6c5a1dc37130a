declare module 'virtual:plainbook/settings' {
  const settings: import('./config/settings.ts').ResolvedSettings;
  export default settings;
  /** True under `astro dev`, false for a build. */
  export const isDevServer: boolean;
  /** The installed plainbook package (the built pages cannot find it from import.meta.url). */
  export const packageRoot: string;
}
