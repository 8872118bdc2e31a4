/**
 * Validation problems: everything a data editor needs to find and fix a bad cell.
 * The message format is documented in docs/validation.md.
 */

export interface Problem {
  /** Path of the file, relative to the project root where possible. */
  file: string;
  /** 1-based physical line in the file (the line the record starts on), when the problem is in a row. */
  line?: number;
  /** Column name (or a metadata field path), when the problem is in one column or field. */
  column?: string;
  /** 1-based column position, when known. */
  columnNumber?: number;
  /** What was expected, phrased to follow "expected". */
  expected: string;
  /** What was found, already quoted or described ("an empty cell"). */
  found?: string;
  /**
   * A note that is not itself a fault (checks skipped because of a problem reported elsewhere); printed
   * instead of "expected …, found …".
   */
  note?: string;
}

/** Characters that could hide a problem or take over a terminal: C0/C1 controls, DEL, and the Unicode "format" characters (zero-width, BOM, bidi controls). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/gu;
/** Anything outside printable ASCII (used where only ASCII is valid: ids, numbers, periods, enums). */
const NON_ASCII = /[^\u0020-\u007e]/gu;

function escapeChar(ch: string): string {
  switch (ch) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default: {
      const code = ch.codePointAt(0)!;
      return code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    }
  }
}

/**
 * Make any text safe to print in a message: control characters, newlines and invisible formatting
 * characters become `\n`, `\u200B`… so a value can neither forge a CI annotation (`::error`), recolour
 * the terminal (ANSI escapes) nor hide why it is wrong. With `asciiOnly`, every non-ASCII character is
 * escaped too, so a Cyrillic `а` in an id shows as `\u0430`.
 */
export function escapeForMessage(text: string, asciiOnly = false): string {
  return text.replace(asciiOnly ? NON_ASCII : UNSAFE, escapeChar);
}

/** Name of a character for a message: `U+202E (RIGHT-TO-LEFT OVERRIDE)` where we know it. */
const NAMES = new Map<number, string>([
  [0x00, 'NUL'],
  [0x09, 'CHARACTER TABULATION'],
  [0x0a, 'LINE FEED'],
  [0x0d, 'CARRIAGE RETURN'],
  [0x1b, 'ESCAPE'],
  [0x7f, 'DELETE'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0xfeff, 'BYTE ORDER MARK'],
  [0x2010, 'HYPHEN'],
  [0x2011, 'NON-BREAKING HYPHEN'],
  [0x2012, 'FIGURE DASH'],
  [0x2013, 'EN DASH'],
  [0x2014, 'EM DASH'],
  [0x2015, 'HORIZONTAL BAR'],
  [0x2212, 'MINUS SIGN'],
  [0xff0d, 'FULLWIDTH HYPHEN-MINUS'],
]);

/** Dashes that look like the hyphen-minus `-` a range or a key needs. */
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/u;
export function nameChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES.get(code) ?? (code < 0x20 ? 'a control character' : undefined);
  return name ? `${hex} (${name})` : hex;
}

/** Describe a raw cell for a message: `"12a"`, or "an empty cell". Invisible characters are escaped. */
export function describeCell(raw: string | undefined, asciiOnly = false): string {
  if (raw === undefined || raw === '') return 'an empty cell';
  const quoted = `"${escapeForMessage(raw.replaceAll('\\', '\\\\').replaceAll('"', '\\"'), asciiOnly)}"`;
  // An en dash looks right when echoed: say which character it is.
  const dash = DASHES.exec(raw);
  return dash ? `${quoted} (it has ${nameChar(dash[0])} where a hyphen-minus "-" is expected)` : quoted;
}

/** One line per problem, `file:line:column: column "x": expected …, found …` (the form editors and terminals link). */
export function formatProblem(p: Problem): string {
  const where = [escapeForMessage(p.file), p.line, p.line !== undefined ? p.columnNumber : undefined].filter((x) => x !== undefined).join(':');
  // In a metadata (JSON) file the "column" is a field path such as `period.start`.
  const column = p.column ? ` ${p.file.endsWith('.json') ? 'field' : 'column'} "${escapeForMessage(p.column)}":` : '';
  if (p.note !== undefined) return `${where}:${column} ${escapeForMessage(p.note)}`;
  const found = p.found !== undefined ? `, found ${escapeForMessage(p.found)}` : '';
  return `${where}:${column} expected ${escapeForMessage(p.expected)}${found}`;
}

export class DataValidationError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const faults = problems.filter((p) => p.note === undefined);
    const files = new Set(faults.map((p) => p.file)).size;
    super(
      `Data validation failed: ${faults.length} problem${faults.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'DataValidationError';
    this.problems = problems;
  }
}
