/** GitHub calls for feedback pull requests, on the one Octokit factory. */
import { ContentError, UsageError } from '../errors/index.ts';
import { githubStep, githubStepOr } from '../github/errors.ts';
import { findOrCreate, NO_BLIND_RETRY } from '../github/idempotent.ts';
import { RepoClient } from '../github/repo-client.ts';

const WRITE_PERMISSIONS = new Set(['admin', 'maintain', 'write']);

/** The first line of the one commit a feedback branch holds; a rerun knows its own work by it. */
export const feedbackCommitTitle = (issue: number) => `Apply feedback from #${issue}`;

export class FeedbackGitHub extends RepoClient {

  async issue(number: number) {
    const { data } = await githubStep(`reading issue #${number}`, () => this.octokit.rest.issues.get({ ...this.repoParams, issue_number: number }));
    if (data.pull_request) throw new UsageError(`#${number} is a pull request, not a feedback issue: give the number of the issue with the feedback.`);
    return data;
  }

  /** Who added `label` most recently, from the issue's events (every page). */
  async lastLabeller(number: number, label: string): Promise<string | undefined> {
    const events = await githubStep(`reading the events of #${number}`, () =>
      this.octokit.paginate(this.octokit.rest.issues.listEvents, { ...this.repoParams, issue_number: number, per_page: 100 }),
    );
    const added = events.filter((event) => event.event === 'labeled' && (event as { label?: { name?: string } }).label?.name === label);
    return added.at(-1)?.actor?.login;
  }

  async canWrite(login: string): Promise<boolean> {
    // 404: not a collaborator at all.
    const permission = await githubStepOr(`checking what ${login} may do`, 404, undefined, async () =>
      (await this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...this.repoParams, username: login })).data.permission,
    );
    return permission !== undefined && WRITE_PERMISSIONS.has(permission);
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    if (this.dryRun || labels.length === 0) return;
    await githubStep(`labelling #${number}`, () => this.octokit.rest.issues.addLabels({ ...this.repoParams, issue_number: number, labels }));
  }

  async removeLabel(number: number, name: string): Promise<void> {
    if (this.dryRun) return;
    // 404: the label was not there, which is what we wanted.
    await githubStepOr(`removing ${name} from #${number}`, 404, undefined, () => this.octokit.rest.issues.removeLabel({ ...this.repoParams, issue_number: number, name }));
  }

  async defaultBranch(): Promise<string> {
    const { data } = await githubStep('reading the repository', () => this.octokit.rest.repos.get(this.repoParams));
    return data.default_branch;
  }

  async branchSha(branch: string): Promise<string | undefined> {
    return githubStepOr(`reading branch ${branch}`, 404, undefined, async () => (await this.octokit.rest.git.getRef({ ...this.repoParams, ref: `heads/${branch}` })).data.object.sha);
  }

  /** A file's text and blob sha at a commit or branch; undefined when there is no such file. */
  async file(path: string, ref: string): Promise<{ text: string; sha: string } | undefined> {
    const data = await githubStepOr(`reading ${path} at ${ref}`, 404, undefined, async () => (await this.octokit.rest.repos.getContent({ ...this.repoParams, path, ref })).data);
    if (data === undefined || Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
    // Over 1 MB the contents API sends no text (`encoding: none`); no policy should be that long.
    if (data.encoding === 'none') throw new ContentError(`${path} is over 1 MB, so GitHub does not send its text: split it into smaller policies.`, { file: path });
    return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
  }

  /** Whether `sha` is the one commit Plainbook made for `issue`: safe to replace on a rerun. */
  async isOwnFeedbackCommit(sha: string, issue: number): Promise<boolean> {
    const { data } = await githubStep(`reading commit ${sha.slice(0, 7)}`, () => this.octokit.rest.git.getCommit({ ...this.repoParams, commit_sha: sha }));
    return data.parents.length === 1 && data.message.startsWith(feedbackCommitTitle(issue));
  }

  /** Point `branch` at `sha`, creating it if needed: a rerun starts again from the default branch. */
  async resetBranch(branch: string, sha: string): Promise<'created' | 'reset'> {
    const current = await this.branchSha(branch);
    if (this.dryRun) return current ? 'reset' : 'created';
    if (current) {
      if (current !== sha) await githubStep(`resetting ${branch}`, () => this.octokit.rest.git.updateRef({ ...this.repoParams, ref: `heads/${branch}`, sha, force: true }));
      return 'reset';
    }
    await findOrCreate({
      step: `creating branch ${branch}`,
      knownAbsent: true,
      find: async () => this.branchSha(branch),
      create: async () => (await this.octokit.rest.git.createRef({ ...this.repoParams, ref: `refs/heads/${branch}`, sha, ...NO_BLIND_RETRY })).data.object.sha,
    });
    return 'created';
  }

  /**
   * Commit `text` as `path` on `branch`, replacing the blob `sha`. Found before made: when the
   * branch already holds that text (a commit whose answer was lost), nothing is committed again.
   * A blind retry would fail anyway, since the branch moved and `sha` is no longer current.
   */
  async commitFile(branch: string, path: string, text: string, sha: string, message: string): Promise<'committed' | 'unchanged'> {
    if (this.dryRun) return 'committed';
    const { created } = await findOrCreate({
      step: `committing ${path} to ${branch}`,
      find: async () => ((await this.file(path, branch))?.text === text ? true : undefined),
      create: async () => {
        await this.octokit.rest.repos.createOrUpdateFileContents({ ...this.repoParams, path, branch, message, sha, content: Buffer.from(text, 'utf8').toString('base64'), ...NO_BLIND_RETRY });
        return true;
      },
    });
    return created ? 'committed' : 'unchanged';
  }

  async pullForBranch(branch: string) {
    const pulls = await githubStep(`looking for the pull request from ${branch}`, () =>
      this.octokit.paginate(this.octokit.rest.pulls.list, { ...this.repoParams, head: `${this.target.owner}:${branch}`, state: 'all', per_page: 100 }),
    );
    return pulls.find((pull) => pull.head.ref === branch);
  }

  async openOrUpdatePull(branch: string, base: string, title: string, body: string): Promise<{ number: number; html_url: string; action: 'created' | 'updated' }> {
    const existing = await this.pullForBranch(branch);
    if (existing) {
      if (!this.dryRun) {
        await githubStep(`updating pull request #${existing.number}`, () =>
          this.octokit.rest.pulls.update({ ...this.repoParams, pull_number: existing.number, title, body, ...(existing.state === 'closed' && !existing.merged_at ? { state: 'open' as const } : {}) }),
        );
      }
      return { number: existing.number, html_url: existing.html_url, action: 'updated' };
    }
    if (this.dryRun) return { number: 0, html_url: '', action: 'created' };
    const { item } = await findOrCreate<{ number: number; html_url: string }>({
      step: `opening a pull request from ${branch}`,
      knownAbsent: true,
      find: async () => this.pullForBranch(branch),
      create: async () => (await this.octokit.rest.pulls.create({ ...this.repoParams, head: branch, base, title, body, ...NO_BLIND_RETRY })).data,
    });
    return { number: item.number, html_url: item.html_url, action: 'created' };
  }

  /** Ask the policy owner to review: a user, or an `@org/team`. */
  async requestReview(pull: number, owner: string, log: (line: string) => void): Promise<void> {
    if (this.dryRun) return;
    const [org, team] = owner.slice(1).split('/');
    try {
      await this.octokit.rest.pulls.requestReviewers({ ...this.repoParams, pull_number: pull, ...(team ? { team_reviewers: [team] } : { reviewers: [org ?? ''] }) });
    } catch (error) {
      // The owner may have opened the feedback themselves, or the team may not see the repository.
      log(`Could not ask ${owner} to review #${pull}: ${(error as Error).message}`);
    }
  }

  async close(number: number, reason: 'completed' | 'not_planned'): Promise<void> {
    if (this.dryRun) return;
    await githubStep(`closing #${number}`, () => this.octokit.rest.issues.update({ ...this.repoParams, issue_number: number, state: 'closed', state_reason: reason }));
  }
}
