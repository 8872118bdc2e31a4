/**
 * Characters no cell may hold: C0 and C1 control characters (NUL, escape, line feed…), DEL, and the
 * invisible formatting characters that make text read differently from what it is: zero-width
 * characters, the byte-order mark, and bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069; the "Trojan Source" characters). See docs/validation.md, "Text".
 */
import { nameChar } from './problems.ts';

const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

/** The first forbidden character in a cell, named for a message, or undefined. */
export function forbiddenCharacter(cell: string): string | undefined {
  const m = FORBIDDEN.exec(cell);
  return m ? `${nameChar(m[0])} at character ${[...cell.slice(0, m.index)].length + 1}` : undefined;
}
