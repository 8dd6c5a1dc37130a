import { stringify } from 'yaml';
import { createTempProject, SETTINGS } from './temp-project.ts';

export interface PilotProjectOptions {
  policies: number;
  staff: number;
  /** Customers listed by name, as rounds before tester codes did, each filed for by the first staff tester. */
  customers?: number;
  /** Testers without GitHub accounts listed by code (`CODES`), each invited by the first staff tester. */
  coded?: number;
  opens?: string;
  closes?: string;
  /** Lines added to plainbook.config.yml, e.g. a `feedback:` group. */
  settings?: string;
}

export const policyId = (n: number) => `policy-${String(n).padStart(2, '0')}`;
export const staffLogin = (n: number) => `tester-${String(n).padStart(2, '0')}`;
/** Tester codes in the round file's shape, for `coded` testers. */
export const testerCode = (n: number) => `CUST-${Array.from(String(n).padStart(4, '0'), (digit) => 'ABCDEFGHJK'[Number(digit)]).join('')}`;

/** A project with `policies` policies and a round `spring` of `staff` testers (and customers). */
export function createPilotProject(options: PilotProjectOptions) {
  const files: Record<string, string> = {};
  for (let n = 1; n <= options.policies; n++) {
    files[`content/policies/${policyId(n)}.mdx`] = `---\ntitle: Policy ${n}\nowner: "@acme/leads"\nstatus: pilot\neffective: 2026-01-05\ngoals: [warm-welcome]\n---\n\nSay hello.\n`;
  }
  const testers = [
    ...Array.from({ length: options.staff }, (_, i) => ({ login: staffLogin(i + 1), group: 'staff' })),
    ...Array.from({ length: options.customers ?? 0 }, (_, i) => ({ name: `Customer ${i + 1}`, group: 'customer', via: staffLogin(1) })),
    ...Array.from({ length: options.coded ?? 0 }, (_, i) => ({ code: testerCode(i + 1), group: 'customer', via: staffLogin(1) })),
  ];
  files['content/pilots/spring.yml'] = stringify({
    title: 'Spring pilot',
    policies: Array.from({ length: options.policies }, (_, i) => policyId(i + 1)),
    testers,
    opens: options.opens ?? '2026-03-02',
    closes: options.closes ?? '2026-03-27',
    instructions: 'Read each page. Tell us what is unclear.',
    questions: ['What was missing?'],
  });
  return createTempProject(files, `${SETTINGS}${options.settings ?? ''}`);
}

export interface FeedbackFields {
  policy: number;
  round?: string;
  section?: string;
  current?: string;
  suggested?: string;
  problem?: string;
  clarity?: string;
  from?: 'staff' | 'customer';
  code?: string;
  /** A body from the form before tester codes, which asked for the customer's name instead. */
  customer?: string;
}

/** An issue body as GitHub writes it from the feedback form. */
export function feedbackBody(fields: FeedbackFields): string {
  const answer = (value: string | undefined) => value ?? '_No response_';
  const sections: [string, string | undefined][] = [
    ['Policy', `Policy ${fields.policy} (${policyId(fields.policy)})`],
    ['Pilot round', fields.round],
    ['Section heading', fields.section],
    ['Current wording', fields.current ?? 'Say hello.'],
    ['Suggested wording', fields.suggested],
    ['What is wrong?', fields.problem ?? 'Unclear'],
    ['How clear is this policy? (1 = very unclear, 5 = very clear)', fields.clarity ?? '3'],
    ['Who is this feedback from?', fields.from === 'customer' ? 'A customer (I am filing it for them)' : 'Me (staff)'],
    fields.customer === undefined ? ['Tester code', fields.code] : ["Customer's name", fields.customer],
  ];
  return sections.map(([label, value]) => `### ${label}\n\n${answer(value)}`).join('\n\n');
}
