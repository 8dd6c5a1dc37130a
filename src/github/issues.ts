/**
 * The issue-tracker calls pilot rounds and review reminders need, on top of the one Octokit factory. Reads are
 * always paginated (100 a page); every create goes through `findOrCreate`, so a rerun or a retry
 * after a lost answer never makes a duplicate; `dryRun` turns every write into a no-op.
 */
import { githubStep, hasStatus } from './errors.ts';
import { findOrCreate, NO_BLIND_RETRY } from './idempotent.ts';
import { RepoClient } from './repo-client.ts';

export interface Issue {
  number: number;
  title: string;
  body?: string | null | undefined;
  state: string;
  state_reason?: string | null | undefined;
  html_url: string;
  created_at: string;
  user: { login: string } | null;
  labels: (string | { name?: string | undefined })[];
  assignees?: ({ login: string } | null)[] | null | undefined;
  pull_request?: unknown;
}

export interface Comment {
  id: number;
  body?: string | undefined;
  user: { login: string } | null;
  created_at: string;
  html_url: string;
}

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

export class IssueTracker extends RepoClient {

  /** Labels that are missing get created; returns the names it created (or would create). */
  async ensureLabels(labels: readonly LabelSpec[]): Promise<string[]> {
    const existing = new Set(
      (await githubStep('reading labels', () => this.octokit.paginate(this.octokit.rest.issues.listLabelsForRepo, { ...this.repoParams, per_page: 100 }))).map((label) =>
        label.name.toLowerCase(),
      ),
    );
    const missing = labels.filter((label) => !existing.has(label.name.toLowerCase()));
    for (const label of missing) {
      if (this.dryRun) continue;
      await githubStep(`creating label ${label.name}`, async () => {
        try {
          await this.octokit.rest.issues.createLabel({ ...this.repoParams, ...label });
        } catch (error) {
          // Created by a run whose answer we lost: the label is there, which is all we wanted.
          if (!hasStatus(error, 422)) throw error;
        }
      });
    }
    return missing.map((label) => label.name);
  }

  async findMilestone(title: string): Promise<{ number: number; state: string; due_on: string | null } | undefined> {
    const all = await githubStep('reading milestones', () =>
      this.octokit.paginate(this.octokit.rest.issues.listMilestones, { ...this.repoParams, state: 'all', per_page: 100 }),
    );
    return all.find((milestone) => milestone.title === title);
  }

  async ensureMilestone(title: string, dueOn: string, description: string): Promise<{ number: number; action: 'created' | 'updated' | 'kept' }> {
    const existing = await this.findMilestone(title);
    if (existing) {
      if (existing.due_on?.slice(0, 10) === dueOn.slice(0, 10)) return { number: existing.number, action: 'kept' };
      if (!this.dryRun) {
        await githubStep(`updating milestone ${title}`, () =>
          this.octokit.rest.issues.updateMilestone({ ...this.repoParams, milestone_number: existing.number, due_on: dueOn }),
        );
      }
      return { number: existing.number, action: 'updated' };
    }
    if (this.dryRun) return { number: 0, action: 'created' };
    const { item } = await findOrCreate({
      step: `creating milestone ${title}`,
      knownAbsent: true,
      find: async () => this.findMilestone(title),
      create: async () => (await this.octokit.rest.issues.createMilestone({ ...this.repoParams, title, due_on: dueOn, description, ...NO_BLIND_RETRY })).data,
    });
    return { number: item.number, action: 'created' };
  }

  async closeMilestone(number: number): Promise<void> {
    if (this.dryRun) return;
    await githubStep(`closing milestone ${number}`, () => this.octokit.rest.issues.updateMilestone({ ...this.repoParams, milestone_number: number, state: 'closed' }));
  }

  /** Issues (not pull requests) with a label, open and closed, 100 a page. */
  async issuesWithLabel(label: string): Promise<Issue[]> {
    const all = await githubStep(`reading issues labelled ${label}`, () =>
      this.octokit.paginate(this.octokit.rest.issues.listForRepo, { ...this.repoParams, labels: label, state: 'all', per_page: 100 }),
    );
    return (all as Issue[]).filter((issue) => !issue.pull_request);
  }

  /**
   * Create an issue tagged with `tag` unless one exists. `known` is what the caller already
   * listed; after a failure that may hide a success, `relist` looks again.
   */
  async createIssueOnce(
    tag: string,
    fields: { title: string; body: string; labels: string[]; assignees?: string[]; milestone?: number },
    relist: () => Promise<Issue[]>,
  ): Promise<Issue> {
    const { item } = await findOrCreate({
      step: `creating issue "${fields.title}"`,
      knownAbsent: true,
      find: async () => this.findOwn(await relist(), tag),
      create: async () => (await this.octokit.rest.issues.create({ ...this.repoParams, ...fields, ...NO_BLIND_RETRY })).data as Issue,
    });
    return item;
  }

  async updateIssue(number: number, fields: { body?: string; state?: 'open' | 'closed'; state_reason?: 'completed' | 'not_planned' }): Promise<void> {
    if (this.dryRun) return;
    await githubStep(`updating issue #${number}`, () => this.octokit.rest.issues.update({ ...this.repoParams, issue_number: number, ...fields }));
  }

  async comments(number: number): Promise<Comment[]> {
    return (await githubStep(`reading the comments of #${number}`, () =>
      this.octokit.paginate(this.octokit.rest.issues.listComments, { ...this.repoParams, issue_number: number, per_page: 100 }),
    )) as Comment[];
  }

  /**
   * Comment once per tag: a comment of ours with the tag means it was already said. The body must
   * carry the tag, or a lost answer would make the next try say it twice.
   */
  async commentOnce(number: number, tag: string, body: string, known?: Comment[]): Promise<'created' | 'exists'> {
    if (!body.includes(tag)) throw new Error(`commentOnce: the body must contain its marker ${tag}, or the next run cannot find it.`);
    if (await this.findOwn(known ?? (await this.comments(number)), tag)) return 'exists';
    if (this.dryRun) return 'created';
    await findOrCreate({
      step: `commenting on #${number}`,
      knownAbsent: true,
      find: async () => this.findOwn(await this.comments(number), tag),
      create: async () => (await this.octokit.rest.issues.createComment({ ...this.repoParams, issue_number: number, body, ...NO_BLIND_RETRY })).data,
    });
    return 'created';
  }

  /** Pull requests whose head branch is `feedback/<n>`, by feedback issue number. */
  async feedbackPullRequests(): Promise<Map<number, { number: number; state: string; merged: boolean; html_url: string }>> {
    const pulls = await githubStep('reading pull requests', () =>
      this.octokit.paginate(this.octokit.rest.pulls.list, { ...this.repoParams, state: 'all', per_page: 100 }),
    );
    const byIssue = new Map<number, { number: number; state: string; merged: boolean; html_url: string }>();
    for (const pull of pulls) {
      const issue = /^feedback\/(\d+)$/.exec(pull.head.ref)?.[1];
      if (issue) byIssue.set(Number(issue), { number: pull.number, state: pull.state, merged: Boolean(pull.merged_at), html_url: pull.html_url });
    }
    return byIssue;
  }
}

export function labelNames(issue: Pick<Issue, 'labels'>): string[] {
  return issue.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? '')));
}
