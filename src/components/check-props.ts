import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import settings from 'virtual:plainbook/settings';
import { globSync } from 'tinyglobby';
import type { z } from 'zod';
import { schemaError, toFriendlyIssues, type FieldHelpTable } from '../schema/friendly-error.ts';

/**
 * Validate a component's props at build time, through the same friendly-error path as
 * frontmatter: a bad prop fails the build naming the page, the line of the component, the prop,
 * what was expected and an example.
 */
export function checkProps<S extends z.ZodType>(component: string, schema: S, props: unknown, help: FieldHelpTable = {}): z.output<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const usage = findUsage(component, props);
  const issues = toFriendlyIssues(result.error.issues, props, { help }).map((issue) => ({
    ...issue,
    ...(usage ? { line: usage.line, column: 1 } : {}),
    problem: `<${component}>: ${issue.problem}`,
  }));
  throw schemaError('content', `props of <${component}>`, usage?.file ?? 'the content folder', issues);
}

/**
 * Where the content uses the component with these props. Found in the source rather than from
 * the page being rendered, because one policy also renders inside others (the print page).
 */
export function findUsage(component: string, props: unknown): { file: string; line: number } | undefined {
  const strings = Object.entries((props ?? {}) as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  const files = globSync('**/*.{md,mdx}', { cwd: settings.contentPath }).sort();
  for (const name of files) {
    const lines = readFileSync(join(settings.contentPath, name), 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes(`<${component}`) && strings.every(([key, value]) => line.includes(`${key}="${value}"`)));
    if (index !== -1) return { file: relative(settings.root, join(settings.contentPath, name)), line: index + 1 };
  }
  return undefined;
}
