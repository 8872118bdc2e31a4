/**
 * Least privilege in CI (issue #15): only the deploy job may write to Pages or mint an OIDC token; the
 * build job, which installs and runs hundreds of packages' code, can only read. Checkouts do not
 * leave the token in .git/config, and every action is pinned to a full commit SHA.
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
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
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
