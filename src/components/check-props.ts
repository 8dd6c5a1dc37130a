import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import settings from 'virtual:plainbook/settings';
import type { z } from 'zod';
import { SchemaError, toFriendlyIssues, type FieldHelpTable } from '../schema/friendly-error.ts';

interface PageLocals {
  starlightRoute?: { entry: { filePath?: string | undefined } };
}

/**
 * Validate a component's props at build time, through the same friendly-error path as
 * frontmatter: a bad prop fails the build naming the page, the line of the component, the prop,
 * what was expected and an example.
 */
export function checkProps<S extends z.ZodType>(
  component: string,
  schema: S,
  props: unknown,
  locals: PageLocals,
  help: FieldHelpTable = {},
): z.output<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const file = locals.starlightRoute?.entry.filePath ?? 'a page';
  const line = componentLine(file, component);
  const issues = toFriendlyIssues(result.error.issues, props, { help }).map((issue) => ({
    ...issue,
    ...(line ? { line, column: 1 } : {}),
    problem: `<${component}>: ${issue.problem}`,
  }));
  throw new SchemaError(`props of <${component}>`, file, issues);
}

/** The first line where the page uses the component, for the error message. */
function componentLine(file: string, component: string): number | undefined {
  try {
    const lines = readFileSync(join(settings.root, file), 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes(`<${component}`));
    return index === -1 ? undefined : index + 1;
  } catch {
    return undefined;
  }
}
