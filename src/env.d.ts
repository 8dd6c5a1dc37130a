declare module 'virtual:plainbook/settings' {
  const settings: import('./config/settings.ts').ResolvedSettings;
  export default settings;
  /** True under `astro dev`, false for a build. */
  export const isDevServer: boolean;
  /** The installed plainbook package (the built pages cannot find it from import.meta.url). */
  export const packageRoot: string;
  /** True for a build in which the print page is filled from the built policy pages (src/print/). */
  export const printFromPages: boolean;
}
