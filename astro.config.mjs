// @ts-check
// The reference handbook: the same few lines `plainbook init` writes, with the integration
// from source (a handbook imports it from the `plainbook` package).
import { defineConfig } from 'astro/config';
import plainbook from './src/integration.ts';

export default defineConfig({ integrations: [plainbook()] });
