// The handbook's pages and data come from content/ (see plainbook.config.yml).
export { collections } from 'plainbook/content';
