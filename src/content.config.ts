// The reference handbook's content, as every handbook has it (`plainbook init` writes
// `export { collections } from 'plainbook/content';`).
export { collections } from './site/collections.ts';
