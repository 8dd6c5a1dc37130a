import type { Octokit } from 'octokit';
import type { GitHubTarget } from './client.ts';

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
}
