// @ts-check
import { defineConfig } from 'astro/config';
import plainbook from 'plainbook';

// Site settings (title, address, repository) live in plainbook.config.yml. Starlight options
// (logo, social links, custom CSS, locales, your own component overrides) go here:
// plainbook({ starlight: { logo: { src: './src/logo.svg' } } })
export default defineConfig({
  integrations: [plainbook()],
});
