/** Validation problems: everything a data editor needs to find and fix a bad cell. */

export interface Problem {
  /** Path of the file, relative to the project root where possible. */
  file: string;
  /** 1-based physical line in the file (the line the record starts on), when the problem is in a row. */
  line?: number;
  /** Column name, when the problem is in one column. */
  column?: string;
  /** 1-based column position, when known. */
  columnNumber?: number;
  /** What was expected, phrased to follow "expected". */
  expected: string;
  /** What was found, already quoted or described ("an empty cell"). */
  found?: string;
}

/** Describe a raw cell for a message: `"12a"`, or "an empty cell". */
export function describeCell(raw: string | undefined): string {
  return raw === undefined || raw === '' ? 'an empty cell' : JSON.stringify(raw);
}

/** One line per problem, `file:line:column: column "x": expected …, found …` (the form editors and terminals link). */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.line !== undefined ? p.columnNumber : undefined].filter((x) => x !== undefined).join(':');
  const column = p.column ? ` column "${p.column}":` : '';
  const found = p.found !== undefined ? `, found ${p.found}` : '';
  return `${where}:${column} expected ${p.expected}${found}`;
}

export class DataValidationError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const files = new Set(problems.map((p) => p.file)).size;
    super(
      `Data validation failed: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'DataValidationError';
    this.problems = problems;
  }
}
