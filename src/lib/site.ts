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

/** The data licence, with the attribution its terms ask for. */
export const LICENCE = {
  id: 'OGL-UK-3.0',
  title: 'Open Government Licence v3.0',
  url: OGL_URL,
  attribution:
    'Contains public sector information licensed under the Open Government Licence v3.0. Source: Worcestershire County Council, Community Safety overview (Appendix 1).',
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
  return [`${page} – ${SITE_NAME}`, `${page} – ${SHORT_SITE_NAME}`, page].find((t) => t.length <= TITLE_MAX) ?? tooLong(page);
}

/** localStorage key that remembers the reader's colour choice (`light` or `dark`; absent = follow the system). */
export const THEME_STORAGE_KEY = 'wcs-theme';

/**
 * The project's GitHub repository, for "report an error" links: `REPOSITORY_URL` if set, else built
 * from `GITHUB_REPOSITORY` (set by GitHub Actions during the deploy build). Undefined locally.
 */
export function repositoryUrl(): string | undefined {
  const explicit = process.env.REPOSITORY_URL;
  if (explicit) return explicit.replace(/\/+$/, '');
  const repo = process.env.GITHUB_REPOSITORY;
  return repo ? `https://github.com/${repo}` : undefined;
}
