/**
 * zod schemas of the schema.org types the site's JSON-LD uses, limited to the properties we write,
 * with the rules of Google's structured-data guidelines for Dataset and Article where they are
 * stricter than schema.org (required name and description, description 50-5000 characters,
 * temporalCoverage as an ISO 8601 interval, absolute URLs, headline within 110 characters).
 *
 * Objects are strict: a property that the type does not have (a misspelling such as `licence`, or a
 * property of another type) fails, which is what validating "against the type" means here. Each
 * property below exists on the type in schema.org (the type or one of its parents: Thing,
 * CreativeWork, MediaObject).
 */
import { z } from 'zod';

const url = z.url({ protocol: /^https?$/ });
const isoDate = z.iso.date();
/** An ISO 8601 interval of dates, `start/end` (Google: "temporalCoverage ... ISO 8601 format"). */
const isoInterval = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/, 'an ISO 8601 interval YYYY-MM-DD/YYYY-MM-DD');
const mime = z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'a MIME type');

/** schema.org/Organization (Thing: name, url). */
export const organizationSchema = z.strictObject({
  '@type': z.literal('Organization'),
  name: z.string().min(1),
  url: url.optional(),
});

/** schema.org/Place (Thing: name). */
export const placeSchema = z.strictObject({
  '@type': z.literal('Place'),
  name: z.string().min(1),
});

/** schema.org/DataDownload (MediaObject: contentUrl, encodingFormat; Thing: name). */
export const dataDownloadSchema = z.strictObject({
  '@type': z.literal('DataDownload'),
  name: z.string().min(1).optional(),
  encodingFormat: mime,
  contentUrl: url,
});

/** schema.org/DataCatalog (Thing: name, url). */
export const dataCatalogSchema = z.strictObject({
  '@type': z.literal('DataCatalog'),
  name: z.string().min(1),
  url,
});

/** schema.org/PropertyValue (Thing: name, description; PropertyValue: unitText). */
export const propertyValueSchema = z.strictObject({
  '@type': z.literal('PropertyValue'),
  name: z.string().min(1),
  description: z.string().min(1).optional(),
  unitText: z.string().min(1).optional(),
});

/** schema.org/Report, a CreativeWork (name, author). */
export const reportSchema = z.strictObject({
  '@type': z.literal('Report'),
  name: z.string().min(1),
  author: organizationSchema,
});

/** schema.org/Dataset, as Google's Dataset guidelines describe it. */
export const datasetSchema = z.strictObject({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('Dataset'),
  '@id': url.optional(),
  // Required by Google.
  name: z.string().min(1),
  description: z.string().min(50).max(5000),
  // Recommended by Google.
  url,
  identifier: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  license: url,
  isAccessibleForFree: z.boolean(),
  creator: organizationSchema,
  publisher: organizationSchema,
  temporalCoverage: isoInterval,
  spatialCoverage: placeSchema,
  keywords: z.array(z.string().min(1)).min(1),
  variableMeasured: z.array(propertyValueSchema).min(1),
  distribution: z.array(dataDownloadSchema).min(1),
  includedInDataCatalog: dataCatalogSchema,
  // Other CreativeWork / Dataset properties.
  datePublished: isoDate,
  dateModified: isoDate,
  inLanguage: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  // One source document, or (with several editions) the list of them.
  isBasedOn: z.union([reportSchema, z.array(reportSchema).min(2)]),
  size: z.string().min(1),
});

/** A reference to a Dataset described on another page. */
export const datasetRefSchema = z.strictObject({
  '@type': z.literal('Dataset'),
  '@id': url,
  name: z.string().min(1),
  url,
});

/** schema.org/WebPage, as the Article's mainEntityOfPage. */
export const webPageRefSchema = z.strictObject({
  '@type': z.literal('WebPage'),
  '@id': url,
});

/** schema.org/Article, as Google's Article guidelines describe it. */
export const articleSchema = z.strictObject({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('Article'),
  headline: z.string().min(1).max(110),
  description: z.string().min(1),
  url,
  mainEntityOfPage: webPageRefSchema,
  image: z.array(url).min(1),
  inLanguage: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  datePublished: isoDate,
  dateModified: isoDate,
  author: organizationSchema,
  publisher: organizationSchema,
  isBasedOn: z.array(z.union([reportSchema, datasetRefSchema])).min(1),
});

/** Any JSON-LD block the site writes, picked by its `@type`. */
export const jsonLdSchema = z.discriminatedUnion('@type', [datasetSchema, articleSchema]);
