// @ts-check
import { defineConfig } from 'astro/config';
import { handbookConfig } from './src/site/astro-config.ts';

export default defineConfig(handbookConfig());
