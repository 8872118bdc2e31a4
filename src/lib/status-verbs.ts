/**
 * Status follows the report's verb (docs/data-rules.md, "Status follows the report's verb"): the
 * words of a bullet decide whether its work is done, under way or planned. The table is in the docs
 * and here, once; tests/unit/status-verbs.test.ts checks every activity of data/activities.csv
 * against the words of its cited lines.
 *
 * The first phrase of the table found in the bullet (earliest in the text; at the same place, the
 * longest) decides. A bullet with none of them takes its column: an item in the report's 2017/18
 * outcomes column is done, one in its 2018/19 current-activity column is under way.
 */

export type WorkStatus = 'done' | 'underway' | 'planned';

/**
 * The one label of each status, wherever work is labelled (lists, the governance directory, the
 * explorer, chart summaries). A label names every kind of phrase the table below gives its status:
 * "is being considered" gives planned, so planned reads "Planned or being considered", never
 * "Planned" alone. Lower-case in a sentence with `statusWords`.
 */
export const STATUS_LABELS: Readonly<Record<WorkStatus, string>> = {
  done: 'Done',
  underway: 'Under way',
  planned: 'Planned or being considered',
};

/** The status label inside a sentence: "planned or being considered". */
export function statusWords(status: WorkStatus): string {
  return STATUS_LABELS[status].toLowerCase();
}

export interface VerbRule {
  /** The report's words, as printed (matched case-insensitively, whole words, any spacing). */
  words: string;
  status: WorkStatus;
}

export const VERB_STATUS: readonly VerbRule[] = [
  // Finished: past or perfect tense, or "completed" / "delivered".
  { words: 'received', status: 'done' },
  { words: 'completed', status: 'done' },
  { words: 'reported back', status: 'done' },
  { words: 'has become a member', status: 'done' },
  { words: 'has been secured', status: 'done' },
  { words: 'supported', status: 'done' },
  { words: 'provided', status: 'done' },
  { words: 'was recommissioned', status: 'done' },
  { words: 'launched', status: 'done' },
  { words: 're-launched', status: 'done' },
  { words: 'successful bid', status: 'done' },
  { words: 're-formed', status: 'done' },
  { words: 'extended', status: 'done' },
  { words: 'was held', status: 'done' },
  { words: 'have convened', status: 'done' },
  { words: 'developed', status: 'done' },
  { words: 'have been delivered throughout the year', status: 'done' },
  // Under way: started and not finished, or going on now.
  { words: 'being monitored', status: 'underway' },
  { words: 'underway', status: 'underway' },
  { words: 'attending', status: 'underway' },
  { words: 'now attending', status: 'underway' },
  { words: 'contributing', status: 'underway' },
  { words: 'has commenced', status: 'underway' },
  { words: 'at present', status: 'underway' },
  { words: 'are developing', status: 'underway' },
  { words: 'is being reviewed', status: 'underway' },
  { words: 'are being', status: 'underway' },
  { words: 'now under consideration', status: 'underway' },
  // Planned or being considered: future or not yet decided.
  { words: 'to be', status: 'planned' },
  { words: 'to include', status: 'planned' },
  { words: 'scheduled', status: 'planned' },
  { words: 'planned to start', status: 'planned' },
  { words: 'utilise', status: 'planned' },
  { words: 'is being considered', status: 'planned' },
];

const pattern = (words: string) =>
  new RegExp(`(?<![\\w-])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\w-])`, 'gi');

/** Every phrase of the table in a text, in order of appearance (longest first at one place). */
export function verbsIn(text: string): { at: number; rule: VerbRule }[] {
  const found: { at: number; length: number; rule: VerbRule }[] = [];
  for (const rule of VERB_STATUS)
    for (const m of text.matchAll(pattern(rule.words))) found.push({ at: m.index, length: m[0].length, rule });
  found.sort((a, b) => a.at - b.at || b.length - a.length);
  // Drop a phrase inside a longer one ("being" of "is being considered").
  const kept: typeof found = [];
  for (const f of found) if (!kept.some((k) => f.at >= k.at && f.at + f.length <= k.at + k.length)) kept.push(f);
  return kept.map(({ at, rule }) => ({ at, rule }));
}

/** The status the report's words give a bullet; `column` is where the report lists it. */
export function statusFromWords(text: string, column: 'review' | 'current'): WorkStatus {
  return verbsIn(text)[0]?.rule.status ?? (column === 'review' ? 'done' : 'underway');
}

/**
 * Words that place work over a year without saying which ("delivered throughout the year", lines
 * 297-301): the site shows no year beside such work (`shownPeriod`), only the column of the report
 * that lists it where it groups rows by column.
 */
export const PERIOD_UNSTATED: readonly string[] = ['throughout the year'];

/** Whether a bullet's words place its work over a year they do not name. */
export function periodUnstated(text: string): boolean {
  return PERIOD_UNSTATED.some((w) => pattern(w).test(text));
}

/** The words shown instead of a year for such work. */
export const PERIOD_NOT_STATED = 'period not stated exactly';

/** The period shown beside one piece of work, given its column's label and the words of its bullet. */
export function shownPeriod(label: string, words: string): string {
  return periodUnstated(words) ? PERIOD_NOT_STATED : label;
}
