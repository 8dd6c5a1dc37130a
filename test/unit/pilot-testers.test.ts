import { describe, expect, it } from 'vitest';
import { taskBody, trackingBody } from '../../src/pilot/bodies.ts';
import { namedTestersWarning } from '../../src/pilot/rounds.ts';
import { CODE_ALPHABET, newTesterCode, normalTesterCode, roundHelp, roundSchema, testerKey, type Round } from '../../src/schema/pilot.ts';
import { validateOrThrow } from '../../src/schema/friendly-error.ts';

const ROUND = {
  title: 'Spring pilot',
  policies: ['saying-no'],
  opens: '2026-03-02',
  closes: '2026-03-27',
  instructions: 'Read the page.',
};
const readRound = (testers: unknown[]) => validateOrThrow(roundSchema(['saying-no']), { ...ROUND, testers }, { kind: 'content', what: 'pilot round', file: 'content/pilots/spring.yml', help: roundHelp });
const CODE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

describe('tester codes', () => {
  it('are two groups of four from letters and digits nobody mistakes for another (no 0, O, 1, I)', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
    const codes = Array.from({ length: 2000 }, newTesterCode);
    for (const code of codes) expect(code).toMatch(CODE);
    expect(new Set(codes).size).toBe(codes.length);
    // Every letter turns up: the bytes are not folded onto part of the alphabet.
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
  });

  it('match however a tester typed them into a form', () => {
    for (const typed of ['K7Q2-M9P4', 'k7q2-m9p4', ' K7Q2 M9P4 ', 'k7q2m9p4']) expect(normalTesterCode(typed)).toBe('K7Q2-M9P4');
    expect(normalTesterCode(' not a code ')).toBe('NOT A CODE');
  });

  it('list a tester without a GitHub account in the round file, told apart by the code', () => {
    const round = readRound([{ login: 'ana-lee', group: 'staff' }, { code: 'K7Q2-M9P4', group: 'customer', via: 'ana-lee' }]);
    expect(round.testers.map(testerKey)).toEqual(['ana-lee', 'K7Q2-M9P4']);
  });

  it('refuse a code of the wrong shape, a name beside a code, and a tester who is neither login nor code, each saying what to write', () => {
    const problems = (testers: unknown[], field: 'problem' | 'fix' = 'problem') => {
      try {
        readRound(testers);
        return [];
      } catch (error) {
        return ((error as { problems: { problem: string; fix?: string }[] }).problems ?? []).map((problem) => problem[field]);
      }
    };
    const wrongShape = [{ code: 'K7Q2-M9P0', group: 'customer', via: 'ana-lee' }];
    expect(problems(wrongShape)).toEqual([
      'Unexpected `K7Q2-M9P0` in `testers.0.code`, expected a tester code: two groups of four letters or digits without 0, O, 1 or I, such as `K7Q2-M9P4`.',
    ]);
    // The fix is a fresh code, not the example everyone would copy.
    expect(problems(wrongShape, 'fix')).toEqual([expect.stringMatching(/^code: [2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)]);
    expect(problems([{ code: 'K7Q2-M9P4', name: 'Mrs. Jones', group: 'customer', via: 'ana-lee' }])).toEqual([
      'Unexpected `name` beside `code`, expected the code alone: names stay out of git and GitHub.',
    ]);
    expect(problems([{ group: 'customer', via: 'ana-lee' }])).toEqual([
      expect.stringMatching(/^Unexpected tester without `login` or `code`, expected a GitHub login, or for someone without an account a tester code and `via:` the staff member who invites them, such as `\{ code: [2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}, group: customer, via: ana-lee \}`\.$/),
    ]);
    expect(problems([{ code: 'K7Q2-M9P4', group: 'customer' }])).toEqual([
      'Unexpected tester without `login` or `via`, expected a GitHub login, or `via:` the staff member who invites them and files for them.',
    ]);
    expect(problems([{ login: 'ana-lee', code: 'K7Q2-M9P4', group: 'staff' }])).toEqual([
      'Unexpected `code` beside `login`, expected a `login` for a tester with a GitHub account, or `code` and `via` for one without.',
    ]);
    expect(problems([{ code: 'K7Q2-M9P4', group: 'customer', via: 'ana-lee' }, { code: 'K7Q2-M9P4', group: 'staff', via: 'ana-lee' }])).toEqual([
      'Unexpected tester `K7Q2-M9P4` listed twice, expected each tester once.',
    ]);
  });
});

describe('a round that lists testers by name', () => {
  it('still reads, and the warning gives the lines to write instead', () => {
    const round: Round = { ...readRound([{ login: 'ana-lee', name: 'Ana', group: 'staff' }, { name: 'Mrs. Jones', group: 'customer', via: 'ana-lee' }]), id: 'spring' };
    const warning = namedTestersWarning(round, 'content/pilots/spring.yml') ?? '';
    expect(warning.replace(/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/g, 'XXXX-XXXX')).toBe(
      [
        'Warning: content/pilots/spring.yml lists a tester by name (tester 2 in `testers`). The round file is in git and task issues are on GitHub, often in public: list a tester without a GitHub account by a code instead. Write in place of each:',
        '    - { code: XXXX-XXXX, group: customer, via: ana-lee }   # tester 2',
        'Then `npx plainbook pilot start spring` prints each code\'s personal link for the staff member in `via` to pass on. Feedback already filed under a name no longer counts for the coded tester, so switch before the round starts.',
      ].join('\n'),
    );
    // CI logs can be public: the warning names no one.
    expect(warning).not.toContain('Jones');
    expect(namedTestersWarning({ ...round, testers: [{ login: 'ana-lee', name: 'Ana', group: 'staff' }] }, 'x.yml')).toBeUndefined();
  });
});

describe('the task of a staff member who invites a tester by code', () => {
  const round: Round = { ...readRound([{ code: 'K7Q2-M9P4', group: 'customer', via: 'ana-lee' }]), id: 'spring', questions: ['What was missing?'] };
  const [tester] = round.testers;
  const policies = [{ id: 'saying-no', title: 'Saying no' }];
  const site = { siteUrl: 'https://acme.test/handbook/', repoUrl: 'https://github.com/acme/handbook', feedback: { form: 'https://forms.acme.test/f?p={policy}&r={round}&c={code}' } };

  it('names them by code only, with their personal links to the team’s form', () => {
    const body = taskBody(round, tester as NonNullable<typeof tester>, policies, site);
    expect(body).toContain('<!-- plainbook:pilot=spring tester=K7Q2-M9P4 -->');
    expect(body).toContain('Hi @ana-lee, thank you for inviting tester `K7Q2-M9P4` (a customer without a GitHub account)');
    expect(body).toContain('\n<https://forms.acme.test/f?p=&r=spring&c=K7Q2-M9P4>\n');
    expect(body).toContain('- [Saying no](https://acme.test/handbook/policies/saying-no/): [their feedback](https://forms.acme.test/f?p=Saying%20no%20%28saying-no%29&r=spring&c=K7Q2-M9P4)');
    expect(body).toContain('write `K7Q2-M9P4` as the tester code. Never write their name.');
    expect(trackingBody(round, policies, site, new Map([['K7Q2-M9P4', 7]]))).toContain('- [ ] Tester `K7Q2-M9P4` (customer, via @ana-lee) (#7)');
  });
});
