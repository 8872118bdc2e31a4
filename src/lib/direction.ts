/**
 * Direction words, in ONE place (issue #23): every generated sentence, title, table cell and mark that
 * says which way a figure moved gets its words from here, computed from the numbers, so no sentence
 * can say "rose" when the data fell. A test reads every figure's sentences back against the numbers
 * (tests/unit/figure-periods.test.ts), and another fails when a direction word is typed in
 * TypeScript anywhere else under src/ (tests/unit/direction-words.test.ts).
 *
 * The rules (docs/adding-a-figure.md, "Direction words"):
 *  - Two values: `rose` / `fell` / `did not change` (past tense by default; `perfect` gives
 *    "has risen"; `present` "rises").
 *  - A series of any length is read step by step (equal steps are ignored): one way all along is
 *    `rose` or `fell`; one turn is `rose then fell` or `fell then rose`; more turns are `rose and fell
 *    by turns`, and the sentence then says where it ended. One value has no direction.
 *  - Several series (e.g. one per area): `rose in both areas`, `fell in all three areas`, or each
 *    named ("rose in the north and fell in the south").
 *  - Sizes go with the words: "rose by 526, or 5.0%", "up 20 (+6.3%)", "a fall of 154".
 */

export type Step = 'up' | 'down' | 'same';
/** The shape of a series: no direction (fewer than two values), one way, one turn, or more. */
export type Shape = 'none' | 'up' | 'down' | 'same' | 'up-down' | 'down-up' | 'mixed';
export type Tense = 'past' | 'perfect' | 'present';

/** The direction from one value to the next. */
export function stepOf(before: number, after: number): Step {
  return after > before ? 'up' : after < before ? 'down' : 'same';
}

/** The runs of a series: consecutive steps the same way, equal steps dropped. Each run is [from index, to index, way]. */
export function runsOf(values: readonly number[]): { from: number; to: number; step: 'up' | 'down' }[] {
  const runs: { from: number; to: number; step: 'up' | 'down' }[] = [];
  for (let i = 1; i < values.length; i++) {
    const s = stepOf(values[i - 1]!, values[i]!);
    if (s === 'same') continue;
    const last = runs[runs.length - 1];
    if (last && last.step === s) last.to = i;
    else runs.push({ from: last ? last.to : i - 1, to: i, step: s });
  }
  return runs;
}

export function shapeOf(values: readonly number[]): Shape {
  if (values.length < 2) return 'none';
  const runs = runsOf(values);
  if (runs.length === 0) return 'same';
  if (runs.length === 1) return runs[0]!.step;
  if (runs.length === 2) return runs[0]!.step === 'up' ? 'up-down' : 'down-up';
  return 'mixed';
}

const VERBS: Record<Step, Record<Tense, string>> = {
  up: { past: 'rose', perfect: 'has risen', present: 'rises' },
  down: { past: 'fell', perfect: 'has fallen', present: 'falls' },
  same: { past: 'did not change', perfect: 'has not changed', present: 'does not change' },
};

/** "rose", "fell", "did not change" (or another tense). */
export function verb(step: Step, tense: Tense = 'past'): string {
  return VERBS[step][tense];
}

/** The verb for a whole series: "rose", "rose then fell", "rose and fell by turns"; '' for one value. */
export function seriesVerb(values: readonly number[], tense: Tense = 'past'): string {
  const shape = shapeOf(values);
  switch (shape) {
    case 'none':
      return '';
    case 'up':
    case 'down':
    case 'same':
      return verb(shape, tense);
    case 'up-down':
    case 'down-up': {
      const [a, b] = shape.split('-') as [Step, Step];
      return `${verb(a, tense)} then ${verb(b, 'past')}`;
    }
    case 'mixed':
      return `${verb('up', tense)} and ${verb('down', 'past')} by turns`;
  }
}

/** "a rise", "a fall", "no change" */
export function noun(step: Step): string {
  return step === 'up' ? 'a rise' : step === 'down' ? 'a fall' : 'no change';
}

/** "rise", "fall", "change" (after "the size of the"). */
export function bareNoun(step: Step): string {
  return step === 'up' ? 'rise' : step === 'down' ? 'fall' : 'change';
}

/** "rose to 10,947", "fell to 555", "rose then fell to 12", "stayed at 17": where a series ended. */
export function endedAt(values: readonly number[], end: string, tense: Tense = 'past'): string {
  const shape = shapeOf(values);
  if (shape === 'none') return `was ${end}`;
  if (shape === 'same') return `stayed at ${end}`;
  return `${seriesVerb(values, tense)} to ${end}`;
}

/** "up", "down", "unchanged"; `capital` for the start of a line ("Up 20 on 2016/17"). */
export function updown(step: Step, capital = false): string {
  const w = step === 'up' ? 'up' : step === 'down' ? 'down' : 'unchanged';
  return capital ? w.charAt(0).toUpperCase() + w.slice(1) : w;
}

/** "more" / "fewer" (counts) or "higher" / "lower" (amounts), "the same" when equal. */
export function comparative(step: Step, kind: 'count' | 'amount' = 'amount'): string {
  if (step === 'same') return 'the same';
  if (kind === 'count') return step === 'up' ? 'more' : 'fewer';
  return step === 'up' ? 'higher' : 'lower';
}

/** "increase" / "decrease" as data/claims.csv states a direction, read as a step. */
export function statedStep(stated: 'increase' | 'decrease'): Step {
  return stated === 'increase' ? 'up' : 'down';
}

/** A change with its size: "rose by 526", "rose by 20, or 6.3%", "did not change". */
export function changedBy(before: number, after: number, size: string, tense: Tense = 'past'): string {
  const step = stepOf(before, after);
  return step === 'same' ? verb('same', tense) : `${verb(step, tense)} by ${size}`;
}

/** A point of a series as a sentence names it. */
export interface Point {
  value: number;
  /** The period ("2017/18"); optional for a sentence that names periods elsewhere. */
  label?: string;
}

export interface MovementOptions {
  /** Formats a value ("10,947", "£3,780,100", "1.87"). */
  format: (value: number) => string;
  /** Adds "(+6.3%)", the percentage change from the first to the last value, when given. */
  percent?: (before: number, after: number) => string;
  /** Words after the percentage, inside its brackets: "our calculation" where the report does not print it. */
  percentNote?: string;
  tense?: Tense;
}

function at(p: Point, o: MovementOptions): string {
  return p.label ? `${o.format(p.value)} in ${p.label}` : o.format(p.value);
}

/**
 * How a series moved, with its values, for any number of periods:
 *  - one: "was 17 in 2016/17" (no direction);
 *  - flat: "stayed at 17 in 2016/17 and 2017/18", "stayed at 17 from 2014/15 to 2019/20";
 *  - one way: "rose from 318 in 2016/17 to 338 in 2017/18 (+6.3%)";
 *  - turns: "rose from 10 in 2015/16 to 15 in 2016/17, then fell to 12 in 2017/18 (+20.0% from first to last)".
 */
export function movement(points: readonly Point[], o: MovementOptions): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return '';
  const tense = o.tense ?? 'past';
  if (points.length === 1) return `was ${at(first, o)}`;
  const runs = runsOf(points.map((p) => p.value));
  if (runs.length === 0) {
    const when = points.length === 2 ? `in ${first.label} and ${last.label}` : `from ${first.label} to ${last.label}`;
    return first.label ? `stayed at ${o.format(first.value)} ${when}` : `stayed at ${o.format(first.value)}`;
  }
  const pct = o.percent && first.value !== last.value ? o.percent(first.value, last.value) : '';
  const note = o.percentNote ? `, ${o.percentNote}` : '';
  if (runs.length === 1) {
    const r = runs[0]!;
    // Flat steps before or after the one run: the sentence names the first and last period all the same.
    return `${verb(r.step, tense)} from ${at(first, o)} to ${at(last, o)}${pct ? ` (${pct}${note})` : ''}`;
  }
  const legs = runs.map((r, i) => {
    const to = points[i === runs.length - 1 ? points.length - 1 : r.to]!;
    return i === 0
      ? `${verb(r.step, tense)} from ${at(first, o)} to ${at(points[r.to]!, o)}`
      : `${verb(r.step, 'past')} to ${at(to, o)}`;
  });
  const overall = pct ? ` (${pct} from first to last${note})` : '';
  return `${legs[0]}, then ${legs.slice(1).join(', then ')}${overall}`;
}

/**
 * Several series said together, one verb each: "rose in both areas", "fell in all three areas",
 * "rose in the north and fell in the south", "did not change in either area".
 */
export function acrossGroups(groups: readonly { name: string; values: readonly number[] }[], noun = 'area'): string {
  const verbs = groups.map((g) => seriesVerb(g.values));
  const same = verbs.every((v) => v === verbs[0]);
  if (groups.length === 1) return `${verbs[0]} in ${groups[0]!.name}`;
  if (same && verbs[0]) {
    const every =
      groups.length === 2
        ? shapeOf(groups[0]!.values) === 'same'
          ? `either ${noun}`
          : `both ${noun}s`
        : `all ${groups.length} ${noun}s`;
    return shapeOf(groups[0]!.values) === 'same' ? `did not change in ${every}` : `${verbs[0]} in ${every}`;
  }
  const parts = groups.map((g, i) => `${verbs[i] || 'has one value'} in ${g.name}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Reads a direction back from one generated phrase about one series: the direction words it holds, in
 * order ("rose from 10 to 15, then fell to 12" is `up-down`). The tests use it to check every sentence
 * against the numbers; it understands exactly the words this module writes.
 */
export function readDirection(text: string): Shape | undefined {
  if (/\brose and fell by turns\b/.test(text)) return 'mixed';
  const words = [...text.matchAll(/\b(rose|has risen|rises|a rise|up|fell|has fallen|falls|a fall|down)\b/g)].map(
    (m) => (/^(rose|has risen|rises|a rise|up)$/.test(m[1]!) ? 'up' : 'down'),
  );
  const runs = words.filter((w, i) => w !== words[i - 1]);
  if (runs.length === 0)
    return /\b(did not change|has not changed|does not change|stayed at|no change|unchanged)\b/.test(text)
      ? 'same'
      : undefined;
  if (runs.length === 1) return runs[0];
  if (runs.length === 2) return `${runs[0]}-${runs[1]}` as Shape;
  return 'mixed';
}
