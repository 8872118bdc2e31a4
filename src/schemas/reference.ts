import { z } from 'zod';
import { columns, id, idList, integer, oneOf, optional, text } from './columns.ts';
import { unit } from './common.ts';

/** `data/sections.csv`: the sections of the source report, so every row can be traced to one. */
const sectionsShape = {
  /** Stable id of the section. */
  id: id(),
  /** The section's heading (or a short name for an untitled part). */
  title: text(),
  /** The enclosing section's id, if any. */
  parent: optional(id()),
  /** Page of the source document where the section starts. */
  page: integer({ min: 1 }),
  /** What the section covers, in plain English. */
  description: text(),
  /** The source document the section belongs to; an id in `sources` (its parent's too). */
  source: id(),
};
export const sectionsSchema = { kind: 'reference' as const, shape: sectionsShape, row: z.object(sectionsShape) };

/** `data/areas.csv`: the places figures describe. */
const areasShape = {
  /** Stable id of the area. */
  id: id(),
  /** The area's name. */
  name: text(),
  /** What kind of area it is. */
  type: oneOf(['county', 'csp-area', 'police-force-area']),
  /** The larger area it belongs to, if any. */
  parent: optional(id()),
  /** What the area covers. */
  description: text(),
  /** The area's official ONS GSS code (`E10000034` form), only where it was checked against an ONS source. */
  gss_code: optional(text()),
  /** The ONS source the code was checked against (its address), or why the code is empty. */
  gss_code_note: text(),
};

/** A GSS code: a country letter and eight digits. */
export const GSS_CODE = /^[EWSNK]\d{8}$/;
/** An ONS source a code may be checked against: the Open Geography Portal or the ONS website. */
export const ONS_SOURCE = /https:\/\/(geoportal\.statistics\.gov\.uk|www\.ons\.gov\.uk)\//;

/** A filled code must look like a GSS code and its note must cite the ONS source it was checked against. */
function gssRule(r: { gss_code?: string | undefined; gss_code_note: string }, ctx: z.RefinementCtx): void {
  if (r.gss_code === undefined) return;
  if (!GSS_CODE.test(r.gss_code))
    ctx.addIssue({
      code: 'custom',
      path: ['gss_code'],
      message: 'a GSS code: E, W, S, N or K and eight digits, like E10000034',
    });
  if (!ONS_SOURCE.test(r.gss_code_note))
    ctx.addIssue({
      code: 'custom',
      path: ['gss_code_note'],
      message:
        'the address of the ONS source the code was checked against (https://geoportal.statistics.gov.uk/… or https://www.ons.gov.uk/…)',
    });
}
export const areasSchema = {
  kind: 'reference' as const,
  shape: areasShape,
  row: z.object(areasShape).superRefine(gssRule),
};

/** `data/measures.csv`: every measure, its label, unit and definition, defined once. */
const measuresShape = {
  /** Stable id of the measure. */
  id: id(),
  /** Short label for charts and tables. */
  label: text(),
  /** The unit every value of this measure is in. */
  unit: unit(),
  /** What exactly is counted, in plain English. */
  definition: text(),
  /** The dataset whose rows use this measure. */
  dataset: id(),
};
export const measuresSchema = { kind: 'reference' as const, shape: measuresShape, row: z.object(measuresShape) };

/** `data/themes.csv`: the site's themes, one explainer page each. */
const themesShape = {
  /** Stable id of the theme; also its page's URL slug. */
  id: id(),
  /** The theme's title. */
  title: text(),
  /** One-sentence summary for cards and search. */
  summary: text(),
  /** Position in navigation (1 first). */
  sort_order: integer({ min: 1 }),
  /** Ids of the datasets belonging to the theme. */
  datasets: idList(),
};
export const themesSchema = { kind: 'reference' as const, shape: themesShape, row: z.object(themesShape) };

export type SectionRow = z.infer<typeof sectionsSchema.row>;
export type AreaRow = z.infer<typeof areasSchema.row>;
export type MeasureRow = z.infer<typeof measuresSchema.row>;
export type ThemeRow = z.infer<typeof themesSchema.row>;

/** `published`: a year (`2018`), a month (`2018-07`) or a day (`2018-07-12`), as precisely as it is known. */
function published() {
  const e = 'a year (2018), a month (2018-07) or a date (2018-07-12), as precisely as it is known';
  return text()
    .refine((s) => /^(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(s), { error: e })
    .register(columns, { type: 'string', required: true });
}

/** A file in `data/source/`: lower-case letters, digits, dots and hyphens, ending `.txt` or `.csv`. */
function sourceFile(ext: 'txt' | 'csv') {
  const e = `a file name in data/source/ like community-safety-overview.${ext} (lower-case letters, digits, hyphens)`;
  return text()
    .refine((s) => new RegExp(`^[a-z0-9]+([.-][a-z0-9]+)*\\.${ext}$`).test(s), { error: e })
    .register(columns, { type: 'string', required: true });
}

/** `covers`: the financial years a source reports on, `;`-separated (`2017/18;2018/19`). */
function coveredYears() {
  const e = 'financial years separated by ";", like 2017/18;2018/19';
  return text()
    .refine((s) => s.split(';').every((p) => /^(19|20)\d\d\/\d\d$/.test(p)), { error: e })
    .register(columns, { type: 'string', required: true });
}

/**
 * `data/sources.csv`: the documents the site is built from, one row per edition of the report (or a
 * correction). Every report-drawn row names one in its `source` column; `src/data/sources.ts` checks
 * each text against its `sha256` so a text never changes silently.
 */
const sourcesShape = {
  /** Stable id of the source, e.g. `community-safety-overview-2018`. */
  id: id(),
  /** The document's title as printed. */
  title: text(),
  /** Who published it. */
  publisher: text(),
  /** When it was published, as precisely as known: the later edition is the current one. */
  published: published(),
  /** The financial years it reports on. */
  covers: coveredYears(),
  /** Licence of the text (e.g. OGL-UK-3.0). */
  licence: text(),
  /** Its text, a file in `data/source/`. */
  file: sourceFile('txt'),
  /** SHA-256 of the text file, 64 lower-case hex digits. */
  sha256: text()
    .refine((s) => /^[0-9a-f]{64}$/.test(s), { error: 'a SHA-256 digest: 64 lower-case hexadecimal digits' })
    .register(columns, { type: 'string', required: true }),
  /** Its reading order, a file in `data/source/`; empty until someone writes one (the text's own order serves). */
  reading_order: optional(sourceFile('csv')),
  /**
   * Whether the document prints its own date: `stated`, or `inferred` when `published` is our reading
   * (an undated report, dated from the events it mentions). Empty means stated. Pages that give the
   * date say which.
   */
  published_basis: optional(oneOf(['stated', 'inferred'])),
};
export const sourcesSchema = { kind: 'reference' as const, shape: sourcesShape, row: z.object(sourcesShape) };
export type SourceRow = z.infer<typeof sourcesSchema.row>;
