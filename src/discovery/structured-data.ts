/**
 * schema.org structured data (JSON-LD) for dataset search engines and search results:
 *
 * - `Dataset` on every dataset page, with what Google's Dataset guidelines ask for (name,
 *   description) and recommend (url, identifier, version, license, isAccessibleForFree, creator,
 *   publisher, temporalCoverage as an ISO 8601 interval, spatialCoverage as a Place, keywords,
 *   variableMeasured, the CSV and JSON downloads as DataDownload, the catalogue it belongs to, and
 *   the report it is based on);
 * - `Article` on every theme page (headline, description, image, dates, author, publisher, the
 *   datasets it is based on).
 *
 * The objects are written into the page by the Base layout with `serializeJsonLd` (src/lib/seo.ts),
 * which escapes `<`, `>` and `&` so no text in the data can close the script element. The tests
 * validate these objects, and the JSON-LD in the built pages, against zod schemas of the schema.org
 * types used (tests/support/schema-org.ts).
 */
import { dataDir, getDataset } from '../data/index.ts';
import { documentParts } from '../data/editions.ts';
import { sourceCredits } from '../data/source-files.ts';
import { getRelease } from '../data/release.ts';
import { LICENCE, PUBLISHER } from '../lib/site.ts';
import { absoluteUrl } from '../lib/url.ts';
import { themesUsing } from '../components/data/dataset-info.ts';

const CONTEXT = 'https://schema.org';

/** A source document (a row of data/sources.csv) as a schema.org `Report`. */
function reportOf(d: { title: string; publisher: string }) {
  return { '@type': 'Report', name: d.title, author: { '@type': 'Organization', name: d.publisher } } as const;
}

/**
 * The documents a dataset is based on: those its rows name (src/data/editions.ts), or every document
 * for a reference table; edition order.
 */
function reportsOf(datasetIds: readonly string[]) {
  const all = sourceCredits(dataDir());
  const used = new Set<string>();
  for (const id of datasetIds) {
    const parts = documentParts(getDataset(id).meta);
    for (const d of all) if (!parts || parts.some((p) => p.source === d.id)) used.add(d.id);
  }
  return all.filter((d) => used.has(d.id) || datasetIds.length === 0).map(reportOf);
}

/** The site as an organisation: creator and publisher of the datasets and articles. */
export function siteOrganization(site: URL | string | undefined) {
  return { '@type': 'Organization', name: PUBLISHER, url: absoluteUrl('/', site) } as const;
}

/** `Dataset` JSON-LD for the dataset page `/data/<id>/`. */
export function datasetJsonLd(id: string, site: URL | string | undefined) {
  const { meta, rows } = getDataset(id);
  const release = getRelease();
  const url = absoluteUrl(`/data/${id}/`, site);
  const org = siteOrganization(site);
  const themes = themesUsing(id).map((t) => t.title);
  return {
    '@context': CONTEXT,
    '@type': 'Dataset',
    '@id': `${url}#dataset`,
    name: meta.title,
    description: meta.caveats.length > 0 ? `${meta.description} ${meta.caveats.join(' ')}` : meta.description,
    url,
    identifier: meta.id,
    version: release.version,
    datePublished: release.date,
    dateModified: meta.lastChecked,
    inLanguage: 'en-GB',
    license: LICENCE.url,
    isAccessibleForFree: true,
    creator: org,
    publisher: org,
    // One document as an object, as before editions; several as a list.
    isBasedOn: ((reports) => (reports.length === 1 ? reports[0]! : reports))(reportsOf([id])),
    temporalCoverage: `${meta.period.start}/${meta.period.end}`,
    spatialCoverage: { '@type': 'Place', name: meta.geography },
    keywords: ['Worcestershire', 'community safety', ...themes],
    variableMeasured: meta.columns.map((c) => ({
      '@type': 'PropertyValue',
      name: c.name,
      description: c.description,
      ...(c.unit ? { unitText: c.unit } : {}),
    })),
    size: `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`,
    distribution: [
      {
        '@type': 'DataDownload',
        name: `${meta.title} (CSV)`,
        encodingFormat: 'text/csv',
        contentUrl: absoluteUrl(`/data/${id}.csv`, site),
      },
      {
        '@type': 'DataDownload',
        name: `${meta.title} (JSON)`,
        encodingFormat: 'application/json',
        contentUrl: absoluteUrl(`/data/${id}.json`, site),
      },
    ],
    includedInDataCatalog: { '@type': 'DataCatalog', name: `${PUBLISHER}: data`, url: absoluteUrl('/data/', site) },
  };
}

export interface ArticleInput {
  theme: string;
  title: string;
  summary: string;
  /** When the page was last checked against the data. */
  lastReviewed: Date;
  /** Dataset ids the page reads. */
  datasets: string[];
  /** Absolute URL of the page's social card. */
  image: string;
}

/** `Article` JSON-LD for a theme page. */
export function articleJsonLd(input: ArticleInput, site: URL | string | undefined) {
  const url = absoluteUrl(`/themes/${input.theme}/`, site);
  const org = siteOrganization(site);
  const date = input.lastReviewed.toISOString().slice(0, 10);
  return {
    '@context': CONTEXT,
    '@type': 'Article',
    headline: input.title,
    description: input.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    image: [input.image],
    inLanguage: 'en-GB',
    datePublished: date,
    dateModified: date,
    author: org,
    publisher: org,
    isBasedOn: [
      ...reportsOf(input.datasets),
      ...input.datasets.map((id) => {
        const u = absoluteUrl(`/data/${id}/`, site);
        return { '@type': 'Dataset', '@id': `${u}#dataset`, name: getDataset(id).meta.title, url: u };
      }),
    ],
  };
}
