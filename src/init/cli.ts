/**
 * `plainbook init [folder]`: a new handbook repository holding only what is the team's: settings,
 * a starter content/ folder, workflows and the few lines that load Plainbook.
 */
import { ask, canAsk, type AskingIo } from '../command/ask.ts';
import { commandLine, printUsage } from '../command/options.ts';
import { userPath } from '../command/project.ts';
import { EXIT } from '../command/exit-codes.ts';
import { PACKAGE_ROOT, packageVersion } from '../files/package-root.ts';
import { todayIso } from '../policies/review-dates.ts';
import { checkAnswers, defaultAnswers, packageName, QUESTIONS, type InitAnswers } from './answers.ts';
import { dependencySpec } from './dependency.ts';
import { scaffold } from './scaffold.ts';
import { writeHandbook } from './write.ts';
import { DEFAULT_HOST, isHost, TO_PUBLISH, WHO_CAN_READ } from './hosts.ts';
import type { Host } from '../schema/settings.ts';

const USAGE = `Usage: plainbook init [folder] [options]

Starts a handbook in <folder> (default: the current folder).

  --title <text>     the handbook's title
  --repo <o/name>    its GitHub repository
  --host <host>      where it is deployed: github-pages (default), cloudflare-pages, netlify,
                     gitlab-pages or folder; init writes that host's deploy
  --url <address>    where it will be served (default: the host's address for the repository)
  --owner <@team>    who owns the starter policies (a GitHub team or user)
  --yes, -y          ask nothing: use the options given and defaults for the rest
  --force            write into a folder that is not empty (files init writes are replaced)
  --debug            print stack traces`;

export type InitIo = AskingIo;

export async function initCli(argv: string[], io: InitIo): Promise<number> {
  const { values, positionals } = commandLine(argv, USAGE, {
    title: { type: 'string' },
    repo: { type: 'string' },
    host: { type: 'string' },
    url: { type: 'string' },
    owner: { type: 'string' },
    yes: { type: 'boolean', short: 'y', default: false },
    force: { type: 'boolean', default: false },
  }, { positionals: true });
  if (values.help) return printUsage(io, USAGE);
  const folder = userPath(io.cwd ?? io.root, positionals[0] ?? '.');
  const given: Partial<InitAnswers> = Object.fromEntries(QUESTIONS.flatMap(({ key }) => (values[key] === undefined ? [] : [[key, values[key]]])));
  let answers = defaultAnswers(folder, given);
  const interactive = canAsk(io) && !values.yes;
  if (interactive) answers = await askFor(answers, given, io);
  const checked = checkAnswers(answers);
  const files = scaffold({ answers: checked, name: packageName(folder), dependency: dependencySpec(PACKAGE_ROOT, packageVersion()), today: todayIso() });
  const written = await writeHandbook(folder, files, { force: values.force, env: io.env });
  io.stdout(nextSteps(folder, written, io.cwd ?? io.root, isHost(checked.host) ? checked.host : DEFAULT_HOST));
  return EXIT.ok;
}

async function askFor(defaults: InitAnswers, given: Partial<InitAnswers>, io: InitIo): Promise<InitAnswers> {
  const answers = { ...defaults };
  for (const { key, ask: question } of QUESTIONS) {
    if (given[key] !== undefined) continue;
    answers[key] = (await ask(io, question, answers[key])).trim() || answers[key];
    // Later defaults follow earlier answers: the address comes from the repository and host, the owner from the repository.
    if (key === 'repo' || key === 'host') Object.assign(answers, defaultAnswers('', { ...given, title: answers.title, repo: answers.repo, host: answers.host }), { title: answers.title });
  }
  return answers;
}

function nextSteps(folder: string, written: readonly string[], cwd: string, host: Host): string {
  const relativeFolder = folder === cwd ? '.' : folder.startsWith(`${cwd}/`) ? folder.slice(cwd.length + 1) : folder;
  return `Wrote ${written.length} files to ${folder}.

Next:
  cd ${relativeFolder}
  npm install && npm start     # build the handbook and serve it
  npm test                     # the checks CI runs

Then check plainbook.config.yml (title, address, repository), and put your team in the
policies' \`owner:\` and run \`npx plainbook owners\`.
To publish, ${TO_PUBLISH[host]}

${WHO_CAN_READ[host]}
`;
}
