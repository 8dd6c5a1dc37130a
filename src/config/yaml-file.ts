import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { schemaError, validateOrThrow, type SchemaKind, type ValidateOptions } from '../schema/friendly-error.ts';
import type { YamlSource } from '../schema/yaml-location.ts';

type YamlValidateOptions = Omit<ValidateOptions, 'yaml'>;

/**
 * Parse YAML and validate it. Syntax errors and schema errors both come out of the one friendly-error
 * path with the file and line, so callers have one kind of error to print. Dates stay `YYYY-MM-DD` strings
 * (YAML 1.2): js-yaml would turn `2026-02-30` into 2 March without a word.
 */
export function parseYamlOrThrow<S extends z.ZodType>(yaml: YamlSource, schema: S, options: YamlValidateOptions & { syntax?: 'YAML' | 'JSON' }): z.output<S> {
  const doc = parseDocument(yaml.text, { prettyErrors: false });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const [line, column] = lineAndColumn(yaml.text, syntaxError.pos[0]);
    throw schemaError(options.kind, options.what, options.file, [
      {
        field: '',
        problem: `Unexpected ${options.syntax ?? 'YAML'} syntax: ${syntaxError.message.split('\n')[0]}`,
        line: line + yaml.firstLine - 1,
        column,
      },
    ]);
  }
  return validateOrThrow(schema, doc.toJS() ?? {}, { ...options, yaml });
}

/** Read a YAML data file (settings, goals, pilot rounds) and validate it. */
export function readYamlFile<S extends z.ZodType>(
  path: string,
  schema: S,
  options: Omit<YamlValidateOptions, 'file'> & { root: string },
): z.output<S> {
  const { root, ...rest } = options;
  const file = relative(root, path) || path;
  const text = readText(path, file, options.kind, options.what);
  // JSON is YAML 1.2, so JSON data files take the same path (and get lines in their messages).
  return parseYamlOrThrow({ text, firstLine: 1 }, schema, { ...rest, file, syntax: path.endsWith('.json') ? 'JSON' : 'YAML' });
}

function readText(path: string, file: string, kind: SchemaKind, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : String(error);
    throw schemaError(kind, what, file, [{ field: '', problem: `Cannot read ${file}: ${reason}.` }]);
  }
}

function lineAndColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split('\n');
  return [before.length, (before.at(-1)?.length ?? 0) + 1];
}
