/**
 * Who publishes the site and under what terms, in one place: the site's name (also the publisher of
 * the datasets), the data licence, the default origin, the repository; plus the page-frame constants.
 */

export const SITE_NAME = 'Worcestershire Community Safety in Numbers';

/** The publisher named in citations, JSON-LD and the data package: the site itself. */
export const PUBLISHER = SITE_NAME;

/** The origin used when `SITE` is not set (the dev server's); astro.config.mjs uses it too. */
export const DEFAULT_SITE = 'http://localhost:4321';

export const OGL_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

/**
 * The data licence. The attribution its terms ask for names the source documents, so it is made from
 * data/sources.csv: `attribution()` in src/lib/source-credit.ts, given the documents by its caller.
 */
export const LICENCE = {
  id: 'OGL-UK-3.0',
  title: 'Open Government Licence v3.0',
  url: OGL_URL,
} as const;

/** Used in page titles when the full name would make them too long. */
export const SHORT_SITE_NAME = 'Worcestershire Community Safety';

/** Longest `<title>`: longer ones are cut off in tabs and search results (html-validate's long-title). */
export const TITLE_MAX = 70;

/**
 * A document title: the page first, then the site name, shortened to fit TITLE_MAX characters
 * ("page – full name", else "page – short name", else the page alone, else `tooLong(page)`).
 */
export function documentTitle(page: string, tooLong: (page: string) => string = (p) => p): string {
  if (page === SITE_NAME) return page;
  return (
    [`${page} – ${SITE_NAME}`, `${page} – ${SHORT_SITE_NAME}`, page].find((t) => t.length <= TITLE_MAX) ?? tooLong(page)
  );
}

/** localStorage key that remembers the reader's colour choice (`light` or `dark`; absent = follow the system). */
export const THEME_STORAGE_KEY = 'wcs-theme';

/**
 * The project's GitHub repository, for "report an error" links: `REPOSITORY_URL` if set, else built
 * from `GITHUB_REPOSITORY` (set by GitHub Actions during the deploy build). Undefined locally.
 */
export function repositoryUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  const explicit = env.REPOSITORY_URL?.trim();
  if (explicit && /^https:\/\/[^\s/]+\/\S+$/.test(explicit)) return explicit.replace(/\/+$/, '');
  const repo = env.GITHUB_REPOSITORY?.trim();
  return repo && /^[\w.-]+\/[\w.-]+$/.test(repo) ? `https://github.com/${repo}` : undefined;
}

/** Where "Report an error" leads: the issue tracker when the repository is known, else plain words. */
export type ErrorReport = { kind: 'tracker'; newIssue: string; issues: string } | { kind: 'text'; text: string };

/** What a reader should put in a report; also the body of a new issue. */
export const ERROR_REPORT_PROMPT =
  'Which page or dataset, what you expected, what you found, and where it is in the report if you know (the line numbers on the report page).';

/**
 * The "Report an error" destination. In a deploy build (GitHub Actions sets GITHUB_REPOSITORY) it is
 * the repository's issue tracker, with a new issue that names the page; otherwise a plain-text
 * fallback, never a link that goes nowhere.
 */
export function errorReport(
  page: { title?: string; url?: string } = {},
  env: Record<string, string | undefined> = process.env,
): ErrorReport {
  const repo = repositoryUrl(env);
  if (!repo) {
    return {
      kind: 'text',
      text: 'This copy of the site was built without the address of its source repository, so we cannot link you to its issue tracker. If you found the site on GitHub, open an issue on the repository it came from.',
    };
  }
  const title = page.title ? `Error on “${page.title}”` : 'Error on the site';
  const body = `${page.url ? `Page: ${page.url}\n\n` : ''}${ERROR_REPORT_PROMPT}\n`;
  return {
    kind: 'tracker',
    newIssue: `${repo}/issues/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`,
    issues: `${repo}/issues`,
  };
}
