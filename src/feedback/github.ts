/** GitHub calls for feedback pull requests, on the one Octokit factory. */
import { ContentError, UsageError } from '../errors/index.ts';
import { githubStep, githubStepOr } from '../github/errors.ts';
import { isSelf } from '../github/identity.ts';
import { findOrCreate, NO_BLIND_RETRY } from '../github/idempotent.ts';
import { RepoClient } from '../github/repo-client.ts';

const WRITE_PERMISSIONS = new Set(['admin', 'maintain', 'write']);

/** The first line of the one commit a feedback branch holds; a rerun knows its own work by it. */
export const feedbackCommitTitle = (issue: number) => `Apply feedback from #${issue}`;

/** Who added a label last, and when (ISO 8601). */
export interface Labelling {
  login: string | undefined;
  at: string;
}

/** An issue's body with the time it was last edited (null when never edited since it was filed). */
export interface IssueWords {
  body: string;
  lastEditedAt: string | null;
}

/*
 * Why GraphQL: REST keeps no record of body edits. An issue's `updated_at` moves with every label
 * and comment, and its events and timeline list no body edit (only a title's `renamed`).
 * GraphQL's `Issue.lastEditedAt` is when the body was last edited; asked in the same query as
 * `body`, the words and the time they last changed are one snapshot, so no edit can slip in
 * between reading one and the other.
 */
const ISSUE_WORDS = `query($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) { issue(number: $number) { body lastEditedAt } }
}`;

export class FeedbackGitHub extends RepoClient {

  async issue(number: number) {
    const { data } = await githubStep(`reading issue #${number}`, () => this.octokit.rest.issues.get({ ...this.repoParams, issue_number: number }));
    if (data.pull_request) throw new UsageError(`#${number} is a pull request, not a feedback issue: give the number of the issue with the feedback.`);
    return data;
  }

  /** Who added `label` most recently, and when, from the issue's events (every page). */
  async lastLabelling(number: number, label: string): Promise<Labelling | undefined> {
    const events = await githubStep(`reading the events of #${number}`, () =>
      this.octokit.paginate(this.octokit.rest.issues.listEvents, { ...this.repoParams, issue_number: number, per_page: 100 }),
    );
    const added = events.filter((event) => event.event === 'labeled' && (event as { label?: { name?: string } }).label?.name === label).at(-1);
    return added && { login: added.actor?.login, at: added.created_at };
  }

  /** The issue's words as they are now, and when they last changed (see ISSUE_WORDS). */
  async issueWords(number: number): Promise<IssueWords> {
    try {
      const { repository } = await githubStep(`reading the words of #${number}`, () =>
        this.octokit.graphql<{ repository: { issue: IssueWords } }>(ISSUE_WORDS, { ...this.repoParams, number }),
      );
      return { body: repository.issue.body, lastEditedAt: repository.issue.lastEditedAt };
    } catch (error) {
      // GraphQL answers a missing issue (deleted or moved since it was read) with NOT_FOUND.
      if (!(error as { errors?: { type?: string }[] }).errors?.some((item) => item.type === 'NOT_FOUND')) throw error;
      throw new UsageError(`#${number} is no longer an issue of ${this.target.owner}/${this.target.repo} (deleted or moved): give the number of the issue with the feedback.`);
    }
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

  /**
   * Whether `sha` is the one commit Plainbook made for `issue`, safe to replace on a rerun: one
   * parent, exactly our title for this issue (`#1` is not `#12`), and made by the token's own
   * account. GitHub links a commit to the account its author e-mail belongs to; the contents
   * API writes ours as the token's account. An author can be faked by whoever can push, but only
   * to have their own work replaced: this guards against losing a colleague's commit by mistake.
   */
  async isOwnFeedbackCommit(sha: string, issue: number): Promise<boolean> {
    const { data } = await githubStep(`reading commit ${sha.slice(0, 7)}`, () => this.octokit.rest.repos.getCommit({ ...this.repoParams, ref: sha, per_page: 1 }));
    const title = data.commit.message.split('\n', 1)[0];
    if (data.parents.length !== 1 || title !== feedbackCommitTitle(issue)) return false;
    const author = data.author && 'login' in data.author ? data.author : undefined;
    return isSelf(author, await this.self());
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
