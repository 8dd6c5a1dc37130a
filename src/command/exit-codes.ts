import { ConfigError, ContentError, EnvironmentError, findPlainbookError, GitHubError, UsageError } from '../errors/index.ts';

/**
 * Exit codes every Plainbook command shares, so CI can tell "fix the policy" from "fix the
 * workflow" from "try again later" without reading the log.
 */
export const EXIT = {
  ok: 0,
  /** The lint found errors, or a handbook file breaks its schema: an editor fixes the content. */
  findings: 1,
  /** The command was called wrongly, or settings are wrong: fix the call or the configuration. */
  usage: 2,
  /**
   * GitHub failed, or the machine lacks something (Chromium, a full git history): the message says
   * whether a retry helps (5xx, a long rate limit) or access must be fixed first (a bad token, 401/403/404).
   */
  environment: 3,
  /** A bug in Plainbook (EX_SOFTWARE from sysexits.h): the stack trace is printed; please report it. */
  crash: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit code for an error that ended a command; errors wrapped by a framework count by their cause. */
export function exitCodeFor(error: unknown): ExitCode {
  const known = findPlainbookError(error);
  if (known instanceof ContentError) return EXIT.findings;
  if (known instanceof UsageError || known instanceof ConfigError) return EXIT.usage;
  if (known instanceof GitHubError || known instanceof EnvironmentError) return EXIT.environment;
  return EXIT.crash;
}
