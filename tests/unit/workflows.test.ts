/**
 * Least privilege in CI (issue #15): only the deploy job may write to Pages or mint an OIDC token; the
 * build job, which installs and runs hundreds of packages' code, can only read. Checkouts do not
 * leave the token in .git/config, and every action is pinned to a full commit SHA. And the deploy is
 * gated on a green suite without paying for it twice (issue #26): it runs after a successful CI run of
 * a push to main, on the commit CI tested, or runs `npm test` itself when started by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = resolve(import.meta.dirname, '../../.github/workflows');
const workflows = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => ({ file: f, doc: parse(readFileSync(join(DIR, f), 'utf8')) as Workflow }));

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  name?: string;
  on?: Record<string, { workflows?: string[]; types?: string[]; branches?: string[] } | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

/**
 * Why a deploy workflow could publish a commit the suite has not passed on: it must start only on
 * `workflow_run` of the CI workflow (completed, main) or by hand; the job that builds must require the
 * run's success on a push to main and check out the tested commit; a start by hand must run `npm test`.
 */
function deployGateProblems(deploy: Workflow, ci: Workflow): string[] {
  const problems: string[] = [];
  const triggers = Object.keys(deploy.on ?? {});
  for (const t of triggers)
    if (t !== 'workflow_run' && t !== 'workflow_dispatch') problems.push(`starts on "${t}" without a green suite`);
  const run = deploy.on?.workflow_run;
  if (!run) problems.push('does not wait for CI (no workflow_run trigger)');
  else {
    if (!run.workflows?.includes(ci.name ?? '')) problems.push(`workflow_run does not name CI ("${ci.name}")`);
    if (run.types?.join() !== 'completed') problems.push('workflow_run is not on "completed"');
  }
  const build = Object.entries(deploy.jobs).find(([name]) => name !== 'deploy')?.[1];
  const cond = (build?.if ?? '').replace(/\s+/g, ' ');
  for (const need of [
    "github.event.workflow_run.conclusion == 'success'",
    "github.event.workflow_run.event == 'push'",
    "github.event.workflow_run.head_branch == 'main'",
  ])
    if (!cond.includes(need)) problems.push(`the build job does not require ${need}`);
  const checkout = build?.steps?.find((s) => s.uses?.startsWith('actions/checkout@'));
  if (!String(checkout?.with?.['ref'] ?? '').includes('github.event.workflow_run.head_sha'))
    problems.push('does not check out the commit CI tested');
  const test = build?.steps?.find((s) => s.run?.trim() === 'npm test');
  if (triggers.includes('workflow_dispatch') && !test) problems.push('a deploy started by hand runs no tests');
  return problems;
}

const WRITE = (p: Record<string, string> | undefined) =>
  Object.entries(p ?? {})
    .filter(([, v]) => v === 'write')
    .map(([k]) => k);

describe.each(workflows)('$file', ({ doc }) => {
  it('grants nothing but read at the workflow level', () => {
    expect(WRITE(doc.permissions)).toEqual([]);
  });
  it('grants pages/id-token write only to a job that runs no npm code (only the deploy action)', () => {
    for (const [name, job] of Object.entries(doc.jobs)) {
      const writes = WRITE(job.permissions);
      if (writes.length === 0) continue;
      expect(name).toBe('deploy');
      expect(writes.sort()).toEqual(['id-token', 'pages']);
      expect(job.steps?.every((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    }
  });
  it('checks out without persisting credentials', () => {
    for (const job of Object.values(doc.jobs)) {
      for (const step of job.steps ?? [])
        if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
    }
  });
  it('pins every action to a full commit SHA', () => {
    for (const job of Object.values(doc.jobs))
      for (const step of job.steps ?? []) if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });
});

describe('the deploy', () => {
  const doc = (file: string) => workflows.find((w) => w.file === file)!.doc;
  it('waits for a green CI run of main and deploys the commit it tested (the suite runs once)', () => {
    expect(deployGateProblems(doc('deploy.yml'), doc('ci.yml'))).toEqual([]);
    expect(doc('ci.yml').on).toHaveProperty('push');
  });
  it('rejects a deploy that publishes on push without waiting for the suite', () => {
    const broken = parse(
      readFileSync(resolve(import.meta.dirname, '../fixtures/workflows/deploy-ungated.yml'), 'utf8'),
    ) as Workflow;
    expect(deployGateProblems(broken, doc('ci.yml'))).toEqual([
      'starts on "push" without a green suite',
      'does not wait for CI (no workflow_run trigger)',
      "the build job does not require github.event.workflow_run.conclusion == 'success'",
      "the build job does not require github.event.workflow_run.event == 'push'",
      "the build job does not require github.event.workflow_run.head_branch == 'main'",
      'does not check out the commit CI tested',
    ]);
  });
});
