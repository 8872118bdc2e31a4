import { z } from 'zod';
import { date, id, idList, oneOf, optional, period, text } from './columns.ts';
import { lineRangeText } from './source-lines.ts';

export const BODY_TYPES = [
  'board',
  'partnership',
  'panel',
  'forum',
  'group',
  'commissioner',
  'council',
  'council-team',
  'role',
  'service',
  'provider',
  'national-body',
  'inspectorate',
  'meeting',
] as const;
/** How a link or attribution is known: `stated` (the report says so, at its `source_lines`) or `inferred` (our reading, explained in `basis_note`). */
export const BASES = ['stated', 'inferred'] as const;
export type Basis = (typeof BASES)[number];

/** The basis rule shared by relationships and activities: an inferred row says why in `basis_note`. */
function basisRule(r: { basis: Basis; basis_note?: string | undefined }, ctx: z.RefinementCtx): void {
  if (r.basis === 'inferred' && !r.basis_note)
    ctx.addIssue({
      code: 'custom',
      path: ['basis_note'],
      message: 'a note saying why we read it this way (required when basis is inferred)',
    });
  if (r.basis === 'stated' && r.basis_note)
    ctx.addIssue({
      code: 'custom',
      path: ['basis_note'],
      message: 'an empty cell (a stated row cites its source_lines; notes are for inferred rows)',
    });
}

export const RELATIONSHIP_TYPES = [
  'oversees',
  'reports-to',
  'chairs',
  'leads',
  'attends',
  'member-of',
  'funds',
  'commissions',
  'supports',
  'scrutinises',
  'inspects',
  'presents-to',
] as const;

/** `data/bodies.csv`: every body named in the source report. */
const bodiesShape = {
  /** Stable id of the body. */
  id: id(),
  /** Full name. */
  name: text(),
  /** Abbreviation or short name used in the report. */
  short_name: optional(text()),
  /** What kind of body it is. */
  type: oneOf(BODY_TYPES),
  /** The level it works at. */
  level: oneOf(['national', 'west-mercia', 'county', 'local', 'other']),
  /** Who chairs or leads it, where the source says. */
  chair: optional(text()),
  /** `yes` where the source says it is statutory; `no` where it says it is not; empty when not stated. */
  statutory: optional(oneOf(['yes', 'no'])),
  /** What it does, in one sentence of the site's own words. */
  remit: text(),
  /** Theme ids it belongs to. */
  themes: idList(),
  /** Section of the source report where it is named. */
  source_section: id(),
  /** Lines of the report's text that name or describe it. */
  source_lines: lineRangeText(),
  /** The source document (an id in `sources`) whose text `source_lines` counts: the edition the row is from. */
  source: id(),
  /** Other names the report prints for it, `;`-separated; a stated relationship's lines must print one of its names. */
  aliases: optional(text()),
};
export const bodiesSchema = { kind: 'bodies' as const, shape: bodiesShape, row: z.object(bodiesShape) };

/** `data/relationships.csv`: directed links between bodies (the governance graph's edges). */
const relationshipsShape = {
  /** The body the relationship starts from; an id in `bodies`. */
  from_body: id(),
  /** The body it points to; an id in `bodies`. */
  to_body: id(),
  /** The kind of link, read "from_body TYPE to_body" (e.g. "safer-communities-board oversees prevent-strategy-group"). */
  type: oneOf(RELATIONSHIP_TYPES),
  /** `stated` (the report says so) or `inferred` (our reading). */
  basis: oneOf(BASES),
  /** Why we read the link this way; required when `basis` is `inferred`, empty when `stated`. */
  basis_note: optional(text()),
  /** The link in a sentence of the site's own words. */
  description: text(),
  /** Section of the source report that states it. */
  source_section: id(),
  /** Lines of the report's text that state it (stated) or that our reading rests on (inferred). */
  source_lines: lineRangeText(),
  /** The source document (an id in `sources`) whose text `source_lines` counts: the edition the row is from. */
  source: id(),
};
export const relationshipsSchema = {
  kind: 'relationships' as const,
  shape: relationshipsShape,
  row: z
    .object(relationshipsShape)
    .refine((r) => r.from_body !== r.to_body, { path: ['to_body'], message: 'a different body from "from_body"' })
    .superRefine(basisRule),
};

/** `data/activities.csv`: every 2017/18 outcome and 2018/19 activity in the report. */
const activitiesShape = {
  /** Stable id of the activity. */
  id: id(),
  /** The theme it belongs to; an id in `themes`. */
  theme: id(),
  /** The body doing it; an id in `bodies`. */
  body: id(),
  /** Whether the report names `body` as doing it (`stated`) or the attribution is our reading (`inferred`). */
  basis: oneOf(BASES),
  /** Why we attribute it to `body`; required when `basis` is `inferred`, empty when `stated`. */
  basis_note: optional(text()),
  /** The financial year it is reported under (2017/18 outcomes, 2018/19 current activity). */
  period: period(),
  /** `done`, `underway` or `planned`, as the report describes it. */
  status: oneOf(['done', 'underway', 'planned']),
  /** Month or year the report gives for it, if any. */
  date: optional(date()),
  /** One sentence in the site's own words. */
  description: text(),
  /** Section of the source report. */
  source_section: id(),
  /** Lines of the report's text that list it (a bullet split into several rows shares its lines). */
  source_lines: lineRangeText(),
  /** The source document (an id in `sources`) whose text `source_lines` counts: the edition the row is from. */
  source: id(),
};
export const activitiesSchema = {
  kind: 'activities' as const,
  shape: activitiesShape,
  row: z.object(activitiesShape).superRefine(basisRule),
};

export type BodyRow = z.infer<typeof bodiesSchema.row>;
export type RelationshipRow = z.infer<typeof relationshipsSchema.row>;
export type ActivityRow = z.infer<typeof activitiesSchema.row>;
