import type { Octokit } from 'octokit';
import type { GitHubTarget } from './client.ts';
import { ownLogin } from './identity.ts';
import { findOwnMarked, type Authored } from './markers.ts';

/** What every GitHub gateway holds: the client, the repository, and whether writes are skipped. */
export class RepoClient {
  readonly octokit: Octokit;
  readonly target: GitHubTarget;
  readonly dryRun: boolean;

  constructor(octokit: Octokit, target: GitHubTarget, dryRun: boolean) {
    this.octokit = octokit;
    this.target = target;
    this.dryRun = dryRun;
  }

  protected get repoParams(): { owner: string; repo: string } {
    return { owner: this.target.owner, repo: this.target.repo };
  }

  /** The login the token writes as. */
  self(): Promise<string> {
    return ownLogin(this.octokit);
  }

  /** The first of `items` that carries `tag` and that we wrote; a pasted marker does not count. */
  findOwn<T extends Authored>(items: readonly T[], tag: string): Promise<T | undefined> {
    return findOwnMarked(items, tag, () => this.self());
  }
}
