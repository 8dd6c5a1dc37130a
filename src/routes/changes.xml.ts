import rss from '@astrojs/rss';
import settings from 'virtual:plainbook/settings';
import { policyChanges } from '../site/changes.ts';

/** RSS feed of policy changes, so staff can subscribe instead of checking the site. */
export async function GET() {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const changes = await policyChanges(50);
  return rss({
    title: `${settings.title}: policy changes`,
    description: 'Every change to the policies in the handbook, newest first.',
    site: settings.url,
    items: changes.map(({ id, title, commit, tookEffect, summary }) => ({
      title: `${title}: ${commit.subject}`,
      link: `${base}/${id}/`,
      pubDate: new Date(tookEffect),
      description: `${commit.author} changed ${title}.${summary ? ` ${summary}` : ''}${commit.pullRequest ? ` Pull request #${commit.pullRequest}.` : ''}`,
      customData: `<guid isPermaLink="false">${commit.hash}:${id}</guid>`,
    })),
  });
}
