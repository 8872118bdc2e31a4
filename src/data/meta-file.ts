/**
 * Reading a dataset's `<id>.meta.json`: strict JSON (a byte-order mark at the start is tolerated, as in
 * a CSV), no duplicate keys, then the dataset contract (src/schemas/meta.ts) and the consistency rules
 * zod cannot see (period order, unique footnote ids). Every problem names the line and column in the
 * JSON file and says what was expected and what was found, in the same words as a CSV problem.
 * jsonc-parser (MIT) is used only for where each value is; JSON.parse decides what is valid JSON.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { z } from 'zod';
import { YEAR_MAX, YEAR_MIN } from '../schemas/columns.ts';
import { datasetMetaSchema, type DatasetMeta } from '../schemas/meta.ts';
import type { Problem } from './problems.ts';

/** Offsets to 1-based line and column. */
function locator(text: string): (offset: number) => { line: number; columnNumber: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, columnNumber: offset - starts[lo]! + 1 };
  };
}

function describeJson(node: Node | undefined): string {
  if (!node) return 'no such field';
  switch (node.type) {
    case 'string':
      return node.value === '' ? 'an empty string' : `the string ${JSON.stringify(node.value).slice(0, 80)}`;
    case 'number':
      return `the number ${node.value}`;
    case 'boolean':
      return `${node.value}`;
    case 'null':
      return 'null';
    case 'array':
      return node.children?.length ? `a list of ${node.children.length}` : 'an empty list';
    case 'object':
      return 'an object';
    default:
      return node.type;
  }
}

const TYPE_WORDS = new Map([
  ['string', 'text (a JSON string)'],
  ['number', 'a number'],
  ['boolean', 'true or false'],
  ['array', 'a list'],
  ['object', 'an object'],
]);

/** The site's expected/found wording for one zod issue. */
function expectedFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS.get(issue.expected) ?? issue.expected;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' ? `at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}` : issue.origin === 'string' ? 'non-empty text' : `a value of ${String(issue.minimum)} or more`;
    case 'invalid_format':
      return issue.format === 'date' ? 'an ISO date like 2018-03-31' : issue.message;
    default:
      return issue.message;
  }
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Read and check one metadata file's text. `file` is for messages. */
export function readMeta(file: string, source: string): { meta?: DatasetMeta; problems: Problem[] } {
  const problems: Problem[] = [];
  // The same rule as for a CSV: a byte-order mark at the very start is tolerated (editors add it).
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const bomShift = source.length - text.length;
  const at = locator(source);
  const where = (offset: number) => at(offset + bomShift);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    const near = text.slice(offset, offset + 12);
    problems.push({ file, ...where(offset), expected: 'valid JSON (strict: no comments, no trailing commas, keys in double quotes)', found: near ? `${JSON.stringify(near)} (${message.replace(/ in JSON at position.*$/s, '')})` : 'the end of the file' });
    return { problems };
  }

  const tree = parseTree(text);
  // JSON.parse keeps the last of two equal keys and says nothing; a silently ignored value is an error.
  const visit = (node: Node | undefined): void => {
    if (!node) return;
    if (node.type === 'object') {
      const seen = new Map<string, number>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (!key) continue;
        const name = String(key.value);
        const first = seen.get(name);
        if (first !== undefined) problems.push({ file, ...where(key.offset), column: name, expected: 'each key once in an object', found: `"${name}" again (first on line ${where(first).line}); JSON readers keep only the last` });
        else seen.set(name, key.offset);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);

  const nodeAt = (path: readonly PropertyKey[]) => (tree ? findNodeAtLocation(tree, path.filter((p): p is string | number => typeof p !== 'symbol')) : undefined);
  const locate = (path: readonly PropertyKey[]) => {
    // A missing field is reported where its object starts.
    for (let n = path.length; n >= 0; n--) {
      const node = nodeAt(path.slice(0, n));
      if (node) return where(node.offset);
    }
    return {};
  };

  const result = datasetMetaSchema.safeParse(json);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const node = nodeAt([...issue.path, key]);
          problems.push({ file, ...(node?.parent ? where(node.parent.offset) : locate(issue.path)), column: pathText([...issue.path, key]), expected: 'only the fields of the dataset contract (docs/validation.md)', found: `an unknown field "${key}"` });
        }
        continue;
      }
      problems.push({ file, ...locate(issue.path), column: pathText(issue.path), expected: expectedFor(issue), found: describeJson(nodeAt(issue.path)) });
    }
    return { problems };
  }

  const meta = result.data;
  const loc = (path: PropertyKey[]) => ({ file, ...locate(path), column: pathText(path) });
  for (const field of ['start', 'end'] as const) {
    const year = Number(meta.period[field].slice(0, 4));
    if (year < YEAR_MIN || year > YEAR_MAX) problems.push({ ...loc(['period', field]), expected: `a date in the years ${YEAR_MIN} to ${YEAR_MAX}`, found: JSON.stringify(meta.period[field]) });
  }
  if (meta.period.start > meta.period.end) problems.push({ ...loc(['period', 'start']), expected: `a start no later than the end (${meta.period.end})`, found: JSON.stringify(meta.period.start) });
  const footnotes = new Map<string, number>();
  meta.footnotes.forEach((note, i) => {
    const first = footnotes.get(note.id);
    if (first !== undefined) problems.push({ ...loc(['footnotes', i, 'id']), expected: 'a footnote id used once', found: `"${note.id}" again (footnote ${first + 1} has it)` });
    else footnotes.set(note.id, i);
  });
  const names = new Map<string, number>();
  meta.columns.forEach((col, i) => {
    if (names.has(col.name)) problems.push({ ...loc(['columns', i, 'name']), expected: 'a column name used once', found: `"${col.name}" again` });
    names.set(col.name, i);
  });
  return problems.length > 0 ? { problems } : { meta, problems };
}
