/**
 * Who the token writes as. Hidden markers are only trusted on comments and issues this account
 * wrote: anyone can paste `<!-- plainbook:... -->` into a comment, and the bot must never edit,
 * or count as done, what a person wrote.
 *
 * GitHub's GraphQL `viewer` answers for every kind of token: a person's (their login), a GitHub
 * App installation's (`<slug>[bot]`) and Actions' own `GITHUB_TOKEN` (`github-actions[bot]`).
 * REST `GET /user` refuses the last two ("Resource not accessible by integration").
 */
import type { Octokit } from 'octokit';
import { githubStep } from './errors.ts';

const logins = new WeakMap<Octokit, Promise<string>>();

/** The login is already known (`PLAINBOOK_BOT_LOGIN`): no request needed. */
export function declareLogin(octokit: Octokit, login: string): void {
  logins.set(octokit, Promise.resolve(login));
}

/** The token's own login, asked of GitHub once per client. */
export function ownLogin(octokit: Octokit): Promise<string> {
  let login = logins.get(octokit);
  if (!login) {
    login = githubStep('asking which account the token belongs to (set PLAINBOOK_BOT_LOGIN to skip this)', async () => {
      const { viewer } = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
      return viewer.login;
    });
    // A failed answer is not remembered: the next call asks again.
    login.catch(() => logins.delete(octokit));
    logins.set(octokit, login);
  }
  return login;
}

/** Whether `author` is the token's own account. Logins are case-insensitive on GitHub. */
export function isSelf(author: { login?: string | null } | null | undefined, self: string): boolean {
  return typeof author?.login === 'string' && author.login.toLowerCase() === self.toLowerCase();
}
