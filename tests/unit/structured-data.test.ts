import { describe, expect, it } from 'vitest';
import { articleJsonLd, datasetJsonLd } from '../../src/discovery/structured-data.ts';
import { getCatalog, getDataset } from '../../src/data/index.ts';
import type { ThemeRow } from '../../src/schemas/reference.ts';
import { serializeJsonLd } from '../../src/lib/seo.ts';
import { articleSchema, datasetSchema, jsonLdSchema } from '../support/schema-org.ts';

const SITE = 'https://example.org';
const ids = [...getCatalog().keys()];
const problems = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('Dataset JSON-LD', () => {
  it.each(ids)('%s validates as a schema.org Dataset (Google guidelines)', (id) => {
    const ld = datasetJsonLd(id, SITE);
    expect(problems(datasetSchema.safeParse(ld))).toEqual([]);
    const { meta, rows } = getDataset(id);
    expect(ld.name).toBe(meta.title);
    expect(ld.description.startsWith(meta.description)).toBe(true);
    expect(ld.temporalCoverage).toBe(`${meta.period.start}/${meta.period.end}`);
    expect(ld.variableMeasured.map((v) => v.name)).toEqual(meta.columns.map((c) => c.name));
    expect(ld.distribution.map((d) => d.contentUrl)).toEqual([`${SITE}/data/${id}.csv`, `${SITE}/data/${id}.json`]);
    expect(ld.size).toContain(String(rows.length));
  });

  it('survives JSON serialisation unchanged (what the page holds is what was built)', () => {
    const ld = datasetJsonLd('hate-crime', SITE);
    expect(jsonLdSchema.parse(JSON.parse(serializeJsonLd(ld)))).toEqual(ld);
  });

  it('the schemas reject what schema.org or Google would (so the validation can fail)', () => {
    const good = datasetJsonLd('hate-crime', SITE);
    const { license, ...noLicense } = good;
    expect(datasetSchema.safeParse({ ...noLicense, licence: license }).success).toBe(false); // not a schema.org property
    expect(datasetSchema.safeParse({ ...good, description: 'Too short.' }).success).toBe(false);
    expect(datasetSchema.safeParse({ ...good, temporalCoverage: '2016/17 and 2017/18' }).success).toBe(false);
    expect(
      datasetSchema.safeParse({
        ...good,
        distribution: [{ '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: '/data/x.csv' }],
      }).success,
    ).toBe(false);
    expect(datasetSchema.safeParse({ ...good, spatialCoverage: { '@type': 'Place' } }).success).toBe(false);
    const { name: _name, ...noName } = good;
    expect(datasetSchema.safeParse(noName).success).toBe(false);
  });
});

describe('Article JSON-LD', () => {
  const themes = getDataset<ThemeRow>('themes').rows.map((r) => r.value);

  it.each(themes.map((t) => [t.id, t] as const))('%s validates as a schema.org Article', (_id, t) => {
    const ld = articleJsonLd(
      {
        theme: t.id,
        title: t.title,
        summary: t.summary,
        lastReviewed: new Date('2026-11-26'),
        datasets: t.datasets,
        image: `${SITE}/cards/themes--${t.id}.png`,
      },
      SITE,
    );
    expect(problems(articleSchema.safeParse(ld))).toEqual([]);
    expect(ld.url).toBe(`${SITE}/themes/${t.id}/`);
    // Every dataset the page reads is named, pointing at its Dataset description.
    expect(ld.isBasedOn.flatMap((b) => ('url' in b ? [b.url] : []))).toEqual(
      t.datasets.map((d) => `${SITE}/data/${d}/`),
    );
  });
});
