/**
 * Plainbook's one error model. Library code throws these; only the command layer turns them into
 * exit codes (`exitCodeFor` in `src/command/exit-codes.ts`). Check them with `instanceof`, never by name: a class says what went
 * wrong and therefore who can fix it.
 *
 * - `UsageError`: the command was called wrongly (unknown option, a path that does not exist).
 * - `ConfigError`: settings are wrong (`plainbook.config.yml`, `GITHUB_REPOSITORY`, a missing token).
 * - `ContentError`: a file in the handbook is wrong (policy frontmatter, a data file, a pilot round).
 * - `GitHubError`: a GitHub API call failed; keeps the HTTP status and the original error.
 * - `EnvironmentError`: the machine lacks something (Chromium, git, a readable file system).
 *
 * Messages are written for the person at the terminal: what is wrong, where, and how to fix it.
 */

/** One problem in a file, as the friendly schema path reports it. */
export interface FileProblem {
  /** Dotted path of the field, e.g. `goals.1`. Empty for the document as a whole. */
  field: string;
  /** One sentence: what is wrong, what was expected. */
  problem: string;
  /** An example of a correct line, when one is known. */
  fix?: string;
  line?: number;
  column?: number;
}

/**
 * The classes an error was made from, by name, under a global symbol. The site build runs our
 * modules through Vite, which loads its own copy of this file: an error thrown there is not an
 * instance of *this* copy's classes, so `instanceof` checks the brand too.
 */
const KINDS = Symbol.for('plainbook.error.kinds');

export abstract class PlainbookError extends Error {
  readonly [KINDS]: readonly string[];

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Subclasses name themselves, so a printed error says which kind it is.
    this.name = new.target.name;
    const kinds: string[] = [];
    for (let kind = new.target; kind !== PlainbookError && kind.name; kind = Object.getPrototypeOf(kind)) kinds.push(kind.name);
    this[KINDS] = [...kinds, 'PlainbookError'];
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const kinds = typeof value === 'object' && value !== null ? (value as { [KINDS]?: unknown })[KINDS] : undefined;
    return Array.isArray(kinds) && kinds.includes(this.name);
  }
}

export class UsageError extends PlainbookError {}

/** Something wrong in a file, with each problem and where it is, for tools that show them. */
abstract class FileError extends PlainbookError {
  /** Repository-relative file, or the variable name, that holds the mistake. */
  readonly file: string | undefined;
  readonly problems: readonly FileProblem[];

  constructor(message: string, options: { file?: string; problems?: readonly FileProblem[]; cause?: unknown } = {}) {
    super(message, options);
    this.file = options.file;
    this.problems = options.problems ?? [];
  }
}

/** Settings Plainbook cannot use: `plainbook.config.yml`, or an environment variable. */
export class ConfigError extends FileError {}

/** A handbook file breaks a rule of its schema: an editor fixes the file. */
export class ContentError extends FileError {}

/**
 * A GitHub API call that failed, said in terms of what Plainbook was doing. Keeps the HTTP
 * status (undefined when GitHub could not be reached) and the original error as `cause`; never
 * holds the token (Octokit redacts it from the request it attaches, and we copy only the message).
 */
export class GitHubError extends PlainbookError {
  readonly status: number | undefined;
  readonly step: string;

  constructor(step: string, status: number | undefined, detail: string, options?: { cause?: unknown }) {
    super(`GitHub ${status ? `answered ${status}` : 'could not be reached'} while ${step}: ${detail}`, options);
    this.step = step;
    this.status = status;
  }
}

export class EnvironmentError extends PlainbookError {}

/** The first Plainbook error in a chain of causes: frameworks (Astro) wrap what our code threw. */
export function findPlainbookError(error: unknown): PlainbookError | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current); current = current.cause) {
    if (current instanceof PlainbookError) return current;
    seen.add(current);
  }
  return undefined;
}

/**
 * An error as the person at the terminal reads it: a known error's message alone (its stack only
 * with `--debug`); anything else is a bug, and then the stack is the useful part.
 */
export function describeFailure(error: unknown, debug: boolean): string {
  const known = findPlainbookError(error);
  if (known && !debug) return known.message;
  if (error instanceof Error) return `${known ? '' : 'Plainbook stopped on an unexpected error. This is a bug: please report it with the text below.\n'}${error.stack ?? error.message}`;
  return String(error);
}
