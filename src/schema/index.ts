export * from './fields.ts';
export * from './friendly-error.ts';
export * from './goals.ts';
export * from './policy.ts';
export * from './settings.ts';
export * from './lint.ts';
export * from './suggest.ts';
