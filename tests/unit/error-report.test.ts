/** "Report an error" leads somewhere real: the issue tracker in a deploy build, plain words otherwise. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorReport, repositoryUrl } from '../../src/lib/site.ts';

describe('report an error', () => {
  it('links to a new issue naming the page when GitHub Actions gives the repository', () => {
    const r = errorReport(
      { title: 'Hate crime', url: 'https://example.org/themes/hate-crime/' },
      { GITHUB_REPOSITORY: 'someone/worcestershire-community-safety' },
    );
    expect(r.kind).toBe('tracker');
    if (r.kind !== 'tracker') return;
    expect(r.issues).toBe('https://github.com/someone/worcestershire-community-safety/issues');
    const url = new URL(r.newIssue);
    expect(url.origin + url.pathname).toBe('https://github.com/someone/worcestershire-community-safety/issues/new');
    expect(url.searchParams.get('title')).toBe('Error on “Hate crime”');
    expect(url.searchParams.get('body')).toMatch(
      /^Page: https:\/\/example\.org\/themes\/hate-crime\/\n\nWhich page or dataset/,
    );
  });

  it('prefers an explicit REPOSITORY_URL and ignores malformed values', () => {
    expect(repositoryUrl({ REPOSITORY_URL: 'https://git.example.org/team/site/', GITHUB_REPOSITORY: 'a/b' })).toBe(
      'https://git.example.org/team/site',
    );
    expect(repositoryUrl({ GITHUB_REPOSITORY: 'not a repo' })).toBeUndefined();
    expect(repositoryUrl({ REPOSITORY_URL: 'javascript:alert(1)' })).toBeUndefined();
  });

  it('falls back to plain text, with no link, when the repository is unknown', () => {
    const r = errorReport({ title: 'Hate crime' }, {});
    expect(r).toEqual({
      kind: 'text',
      text: expect.stringMatching(/built without the address of its source repository/),
    });
  });

  it('the deploy workflow passes the repository to the build', () => {
    const workflow = readFileSync(resolve(import.meta.dirname, '../../.github/workflows/deploy.yml'), 'utf8');
    expect(workflow).toMatch(/^\s+GITHUB_REPOSITORY: \$\{\{ github\.repository \}\}$/m);
  });
});
