/** Field types shared by several schemas, each validated once and normalised to one shape. */
import { z } from 'zod';
import { GITHUB_OWNER_HELP, isGithubOwner, withAt } from './github-owner.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD`. Kept as a string so dates never shift with the build machine's time zone. */
export type IsoDate = string & { readonly __brand?: 'IsoDate' };



/**
 * A calendar date written as `2026-03-01`. YAML parsers disagree: js-yaml (Astro) turns an
 * unquoted date into a `Date` at UTC midnight, the `yaml` package (our scripts) keeps a string.
 * Both come out as the same `YYYY-MM-DD` string.
 */
export const isoDate = z.union([z.date(), z.string()]).transform((value, ctx): IsoDate => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
  const match = ISO_DATE.exec(text);
  if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    ctx.issues.push({ code: 'invalid_format', format: 'date', input: text });
    return z.NEVER;
  }
  return text;
});

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `@login` or `@org/team`; a missing `@` is added so CODEOWNERS and mentions work. */
export const githubOwner = z.string().transform(withAt).refine(isGithubOwner);

export { GITHUB_OWNER_HELP };

/** Lower-case words joined by hyphens: ids that appear in URLs and file names. */
export const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
