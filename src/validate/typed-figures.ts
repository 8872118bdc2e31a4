/**
 * What counts as a figure typed by hand (docs/validation.md, "No figure typed by hand"): digits of any
 * script, number words, fractions in words, Roman numerals, `%` and currency signs, read as a reader
 * sees them; and, for a prop that names data, whether a digit in it resolves to a row, period, term or
 * dataset that exists. Used by the scan of each theme page (src/validate/scan-mdx.ts).
 */
import { hasKey, type Catalog } from '../data/catalog.ts';
import { escapeForMessage } from '../data/problems.ts';
import { parsePeriod } from '../lib/period.ts';
import { asReaderSees, romanNumeral, spelledFraction } from '../lib/reading-text.ts';

const NUMBER_WORDS =
  /\b(zero|(?:(?:a|one)[ -](?:third|quarter|fifth|sixth|eighth|tenth|score) of)|(?:by (?:a|one) (?:third|quarter|fifth|tenth))|thirds|halves|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|per ?cent|twice|double[ds]?|treble[ds]?|triple[ds]?|halved|half|quadrupled?)\b/i;
/** Any numeric character: ASCII and full-width digits (３３８), superscripts (²), fractions (⅓), numerals (Ⅻ). */
export const DIGIT = /\p{N}/u;
const SYMBOLS = /[%£€$‰]/;
/** Props whose value names data rather than describing it; a digit in them is fine if the reference resolves. */
export const REFERENCE_PROPS = new Set([
  'source_section',
  'also',
  'of',
  'row',
  'from',
  'to',
  'compare',
  'rows',
  'period',
  'id',
  'theme',
  'status',
  'area',
  'as',
  'words',
  'change',
  'for',
  'basis',
  'funder',
  'measure',
  'line',
]);

/** What a figure-looking piece of text contains (and where), as written, before it is normalised. */
function findFigureAsWritten(text: string): { what: string; index: number } | undefined {
  const digits = /[^\s]*\p{N}[^\s]*/u.exec(text);
  if (digits) return { what: `"${digits[0]}"`, index: digits.index };
  const word = NUMBER_WORDS.exec(text);
  if (word) return { what: `the number word "${word[0]}"`, index: word.index };
  const fraction = spelledFraction(text);
  if (fraction) return { what: `the fraction in words "${fraction.text}"`, index: fraction.index };
  const roman = romanNumeral(text);
  if (roman) return { what: `the Roman numeral "${roman.text}"`, index: roman.index };
  const symbol = SYMBOLS.exec(text);
  if (symbol) return { what: `"${symbol[0]}"`, index: symbol.index };
  return undefined;
}

/**
 * What a figure-looking piece of text contains (and where), or undefined if it is clean. The text is
 * read as a reader sees it (src/lib/reading-text.ts): a number word spelt with a Cyrillic letter, a
 * soft hyphen or a zero-width space is still a number word. Positions are those of the written text.
 */
export function findFigure(text: string): { what: string; index: number } | undefined {
  const written = findFigureAsWritten(text);
  if (written) return written;
  const read = asReaderSees(text);
  if (read === text) return undefined;
  const found = findFigureAsWritten(read);
  if (!found) return undefined;
  // Where it starts in the written text: the first word that reads differently from how it is written.
  const index = Math.max(
    0,
    text.search(
      /[^\s]*[\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f\ufeff\u0370-\u03ff\u0400-\u052f\uff00-\uffef]/u,
    ),
  );
  return {
    what: `${found.what} (as a reader sees it: ${escapeForMessage(text.slice(index).split(/\s/)[0] ?? '')} hides letters that look alike or invisible characters)`,
    index,
  };
}

export function figureIn(text: string): string | undefined {
  return findFigure(text)?.what;
}

/** Does a prop value that contains a digit resolve to data? */
export function resolves(
  prop: string,
  value: string,
  element: string,
  attrs: Map<string, string>,
  catalog: Catalog,
): boolean {
  const of = attrs.get('of');
  const keyExists = (key: string): boolean => {
    if (!of) return false;
    const d = catalog.get(of);
    return d !== undefined && d.rows.some((r) => hasKey(r.raw, d.meta.primaryKey, key));
  };
  switch (prop) {
    case 'row':
    case 'from':
    case 'to':
    case 'compare':
      return keyExists(value);
    case 'rows':
      return value.split(';').every((k) => keyExists(k.trim()));
    case 'period':
      return parsePeriod(value) !== undefined;
    case 'source_section':
      return (catalog.get('sections')?.rows ?? []).some((r) => r.raw.id === value);
    case 'also': {
      const ids = new Set((catalog.get('activities')?.rows ?? []).map((r) => r.raw.id));
      return value.split(';').every((id) => ids.has(id.trim()));
    }
    case 'of':
      return catalog.has(value);
    case 'id':
      if (element === 'Term') return catalog.get('glossary')?.rows.some((r) => r.raw.id === value) ?? false;
      if (element === 'Period') return parsePeriod(value) !== undefined;
      if (element === 'Figure') return /^[a-z]+(-[a-z0-9]+)*$/.test(value);
      return false;
    default:
      return false;
  }
}
