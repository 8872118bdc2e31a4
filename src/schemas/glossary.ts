import { z } from 'zod';
import { id, idList, optional, text } from './columns.ts';

/** `data/glossary.csv`: plain-English explanations of the terms and abbreviations the site uses. */
const glossaryShape = {
  /** Stable id of the term; theme pages refer to it as `<Term id="…" />`. */
  id: id(),
  /** The term in full, shown at its first use on a page (e.g. "Multi-Agency Risk Assessment Conference"). */
  term: text(),
  /** Its abbreviation or short form (e.g. "MARAC"), if it has one. */
  abbreviation: optional(text()),
  /** What it means, in one to three plain sentences of the site's own words (not the report's). */
  definition: text(),
  /** Ids of the themes whose pages use it; each an id in `themes`. */
  themes: idList(),
};
export const glossarySchema = { kind: 'reference' as const, shape: glossaryShape, row: z.object(glossaryShape) };
export type GlossaryRow = z.infer<typeof glossarySchema.row>;
