/**
 * Link check with linkinator: crawl the served site from the base URL (and from every known page, so
 * pages nothing links to are checked too), recursing through every page under the base path, checking
 * every link, image, stylesheet, script, download and `#fragment`. Anything outside the base path is
 * a 404 on our server, so a link that forgot `withBase` is reported as broken.
 *
 * Links to other sites are not fetched (CI has no network beyond package registries); they are
 * listed, and must use https.
 */
import { LinkChecker, LinkState } from 'linkinator';

export interface LinkReport {
  broken: string[];
  checked: number;
  external: string[];
}

/**
 * `rewrite`: the site's own absolute URL prefix as built (SITE + base) and the local base URL it is
 * served at; links that start with the first are checked at the second. Needed when the build's SITE
 * is not the local server (the shared test build uses https://example.org).
 */
export async function checkLinks(
  startUrls: string[],
  origin: string,
  rewrite?: { from: string; to: string },
): Promise<LinkReport> {
  const external = new Set<string>();
  const checker = new LinkChecker();
  const result = await checker.check({
    path: startUrls,
    ...(rewrite !== undefined && rewrite.from !== rewrite.to
      ? {
          urlRewriteExpressions: [
            { pattern: new RegExp(`^${rewrite.from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), replacement: rewrite.to },
          ],
        }
      : {}),
    recurse: true,
    checkFragments: true,
    checkCss: true,
    concurrency: 8,
    timeout: 10_000,
    redirects: 'error',
    retry: false,
    // linkinator asks this before it rewrites, so the rewrite is applied here too.
    linksToSkip: (raw: string) => {
      const link =
        rewrite !== undefined && raw.startsWith(rewrite.from) ? `${rewrite.to}${raw.slice(rewrite.from.length)}` : raw;
      if (link.startsWith(`${origin}/`) || link === origin) return Promise.resolve(false);
      external.add(link);
      return Promise.resolve(true);
    },
  });
  const broken = result.links
    .filter((link) => link.state === LinkState.BROKEN)
    .map(
      (link) =>
        `${link.status ?? 'error'} ${link.url}${link.parent === undefined ? '' : ` (linked from ${link.parent})`}`,
    );
  for (const link of external) {
    if (!/^(https:|mailto:)/.test(link)) broken.push(`insecure or unknown scheme: ${link}`);
  }
  return {
    broken: [...new Set(broken)].sort(),
    checked: result.links.filter((l) => l.state === LinkState.OK).length,
    external: [...external].sort(),
  };
}
