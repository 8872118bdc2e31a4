/** Hate crime: recorded counts by area and year, and the percentage change (two views). */
import {
  hateCrimeChange,
  hateCrimeCounts,
  type HateCrimeChangeRow,
  type HateCrimeCountRow,
} from '../charts/hate-crime.ts';
import { hateCrimeSummary, inSentence } from '../charts/summaries.ts';
import { difference, percentChange } from '../data/derive.ts';
import { isSmallCount, SMALL_NUMBERS_NOTE } from '../lib/comparison.ts';
import { formatChange, formatValue } from '../lib/format.ts';
import { acrossGroups } from '../lib/direction.ts';
import { comparePeriods } from '../lib/period.ts';
import { agree, plural } from '../lib/words.ts';
import {
  areaName,
  checkedClaims,
  cite,
  measureLabel,
  must,
  obs,
  observationFigure,
  oursNote,
  isStated,
  keyOf,
  render,
  shownChanges,
  type Obs,
} from './helpers.ts';
import type { ChartOptions } from '../charts/render.ts';
import type { FigureEntry, FigureFacet, FigureParts, FigureView } from './types.ts';

const ID = 'hate-crime-trend';
const MEASURE_TITLE = 'Hate crime in North and South Worcestershire';

/** One area's measure from its first period to its last, with every point between. */
type Change = HateCrimeChangeRow & { before: Obs; after: Obs; points: Obs[] };

/** The periods the data holds, in order, and the span from the first to the last. */
interface Periods {
  periods: Obs['period'][];
  first: Obs['period'];
  several: boolean;
  span: string;
}

/** A measure's direction across the areas, from the data (src/lib/direction.ts). */
interface Finding {
  label: string;
  own: Change[];
  says: string;
}

/** Bars grouped by area, years in order within each area. */
function countRows(data: readonly Obs[]): HateCrimeCountRow[] {
  const byArea = [...data].sort((a, b) => a.area.localeCompare(b.area) || comparePeriods(a.period, b.period));
  return byArea.map((r) => ({
    area: r.area,
    areaLabel: areaName(r.area),
    measure: r.measure,
    measureLabel: measureLabel(r.measure),
    period: r.period.label,
    value: r.value,
  }));
}

/** Every period in the table and CSV; the change (and the % change view) from the first to the last. */
function changeRows(data: readonly Obs[]): Change[] {
  const groups = [...new Set(data.map((r) => `${r.measure}|${r.area}`))];
  return groups.map((g) => {
    const own = data.filter((r) => `${r.measure}|${r.area}` === g);
    const before = must(own[0], g);
    const after = must(own[own.length - 1], g);
    return {
      area: before.area,
      areaLabel: areaName(before.area),
      measure: before.measure,
      measureLabel: measureLabel(before.measure),
      change: percentChange(before.value, after.value),
      difference: difference(before.value, after.value),
      span: `${before.period.label} to ${after.period.label}`,
      before,
      after,
      points: own,
    };
  });
}

function periodsOf(data: readonly Obs[]): Periods {
  const periods = [...new Map(data.map((r) => [r.period.id, r.period])).values()].sort(comparePeriods);
  const first = must(periods[0], 'first period');
  const last = must(periods[periods.length - 1], 'last period');
  return { periods, first, several: periods.length > 1, span: `${first.label} to ${last.label}` };
}

function findingsOf(changes: readonly Change[]): Finding[] {
  const measures = [...new Set(changes.map((c) => c.measure))];
  return measures.map((m) => {
    const own = changes.filter((c) => c.measure === m);
    return {
      label: measureLabel(m),
      own,
      says: acrossGroups(own.map((c) => ({ name: c.areaLabel, values: c.points.map((p) => p.value) }))),
    };
  });
}

/** A percentage the report prints for exactly the pair shown is plain; any other says "our calculation". */
function isStatedChange(c: Change): boolean {
  return isStated(
    'hate-crime',
    { baseline: keyOf('hate-crime', c.before), subject: keyOf('hate-crime', c.after) },
    'percent-change',
  );
}

/** The report prints counts and percentages, never the differences: a difference is ours unless a claim states it. */
function isStatedDifference(c: Change): boolean {
  return isStated(
    'hate-crime',
    { baseline: keyOf('hate-crime', c.before), subject: keyOf('hate-crime', c.after) },
    'difference',
  );
}

/**
 * The takeaway: each measure's direction with every percentage and its absolute change, small counts
 * flagged (src/lib/comparison.ts); with one period, the counts.
 */
function hateTakeaway(findings: readonly Finding[], p: Periods, smallCounts: boolean): string {
  const both = (c: Change) =>
    `${c.areaLabel.split(' ')[0]} ${formatChange(c.difference ?? 0, 'count')}, ${formatChange(c.change, 'percent', 1)}`;
  const recorded = (label: string, i: number) => {
    const words = /recorded/i.test(label) ? inSentence(label) : `recorded ${inSentence(label)}`;
    return i === 0 ? words.charAt(0).toUpperCase() + words.slice(1) : words;
  };
  return p.several
    ? `${findings
        .map(
          (f, i) =>
            `${recorded(f.label, i)} ${f.says} (${p.periods.length > 2 ? `${p.span}: ` : ''}${f.own.map(both).join('; ')}${f.own.every(isStatedChange) ? '' : '; our calculation'})`,
        )
        .join(', while ')}${smallCounts ? ': small numbers, so a few cases move the percentage a lot' : ''}.${
        findings.every((f) => f.own.every(isStatedChange)) && !findings.every((f) => f.own.every(isStatedDifference))
          ? ' The differences in counts are our calculation.'
          : ''
      }`
    : `In ${p.first.label}: ${findings.map((f, i) => `${recorded(f.label, i)}, ${f.own.map((c) => `${c.areaLabel.split(' ')[0]} ${formatValue(c.after.value, 'count')}`).join('; ')}`).join('; ')}.`;
}

const facetOf = (area: string) => area.replace(/-worcestershire$/, '');

/**
 * The area switch: North / South / both. Each view is drawn as one small SVG per area on shared
 * scales (the page toggles them); the whole view, both areas in one SVG, is the download.
 */
function areaParts(
  areas: readonly string[],
  summary: readonly string[],
  view: string,
  draw: (o: ChartOptions & { areas: string[] }) => string,
): NonNullable<FigureView['parts']> {
  return areas.map((area, i) => {
    const o = {
      id: `${ID}-${facetOf(area)}`,
      title: `${MEASURE_TITLE}: ${areaName(area)}`,
      description: summary[i] ?? summary.join(' '),
      view,
      areas: [area],
    };
    return {
      facet: facetOf(area),
      svg: { wide: draw({ ...o, layout: 'wide' }), narrow: draw({ ...o, layout: 'narrow' }) },
    };
  });
}

function areaFacet(areas: readonly string[]): FigureFacet {
  return {
    key: 'area',
    label: 'Area',
    options: [
      { value: 'both', label: 'Both areas', says: 'North and South Worcestershire' },
      ...areas.map((a) => ({
        value: facetOf(a),
        label: areaName(a).split(' ')[0] ?? a,
        says: `${areaName(a)} only`,
      })),
    ],
  };
}

/** The table: a row per area and measure, a column per period, then the change when there are several. */
function hateTable(changes: readonly Change[], p: Periods): FigureParts['table'] {
  const { periods, several, span } = p;
  return {
    caption: `${MEASURE_TITLE}: recorded counts${several ? ' and percentage change' : ''}`,
    columns: [
      { key: 'area', label: 'Area' },
      { key: 'measure', label: 'Measure' },
      ...periods.map((q) => ({ key: `p:${q.id}`, label: q.label, numeric: true })),
      ...(several
        ? [
            {
              key: 'difference',
              label: `${periods.length > 2 ? `Change, ${span}` : 'Change'}${changes.every(isStatedDifference) ? '' : ' (our calculation)'}`,
              numeric: true,
            },
            {
              key: 'change',
              label: `${periods.length > 2 ? `% change, ${span}` : '% change'}${changes.every(isStatedChange) ? '' : ' (our calculation)'}`,
              numeric: true,
            },
          ]
        : []),
    ],
    rows: changes.map((c) => ({
      area: c.areaLabel,
      measure: c.measureLabel,
      ...Object.fromEntries(
        periods.map((q) => {
          const at = c.points.find((x) => x.period.id === q.id);
          return [`p:${q.id}`, at ? formatValue(at.value, 'count') : '–'];
        }),
      ),
      ...(several
        ? { difference: formatChange(c.difference ?? 0, 'count'), change: formatChange(c.change, 'percent', 1) }
        : {}),
    })),
    rowSources: changes.map((c) => cite(...c.points)),
    rowData: changes.map((c) => ({ area: facetOf(c.area) })),
  };
}

/**
 * One row per area, measure and period, every period the data holds; the change from the area's
 * first period on each later row (empty on the first).
 */
function hateCsv(changes: readonly Change[]): FigureParts['csv'] {
  return {
    columns: ['area', 'measure', 'period', 'value', 'change_from_first', 'percent_change_from_first', 'status'],
    rows: changes.flatMap((c) =>
      c.points.map((p, i) => [
        c.area,
        c.measure,
        p.period.id,
        p.value,
        i === 0 ? '' : difference(c.before.value, p.value),
        i === 0 ? '' : Number(percentChange(c.before.value, p.value).toFixed(4)),
        p.status,
      ]),
    ),
  };
}

/** Which percentage changes agree with ones printed in the report. */
function checkedSentences(checked: readonly string[], all: number): string[] {
  return checked.length
    ? [
        `${checked.length === all ? 'The' : `${plural(checked.length, '', '', { as: 'words' })} of the`} ${plural(all, 'percentage change', 'percentage changes', { as: 'words' })} ${agree(checked.length, 'agrees', 'agree')} with ${agree(checked.length, 'the one', 'the ones')} printed in the report (${checked.join(', ')})${checked.length === all ? '' : '; the others are our calculation'}.`,
      ]
    : [];
}

export function hateCrime(): FigureParts {
  const data = obs('hate-crime', () => true);
  const counts = countRows(data);
  const changes = changeRows(data);
  const p = periodsOf(data);
  const findings = findingsOf(changes);
  const title = p.several
    ? `${findings.map((f, i) => `${i === 0 ? f.label : inSentence(f.label)} ${f.says}`).join('; ')}`
    : `${MEASURE_TITLE}, ${p.first.label}`;
  const summary = hateCrimeSummary(counts, (area, measure) => {
    const c = changes.find((x) => x.area === area && x.measure === measure);
    return c !== undefined && isStatedChange(c);
  });
  const smallCounts = changes.some((c) => isSmallCount('count', c.before.value, c.after.value));
  const shown = shownChanges(
    'hate-crime',
    changes.map((c) => c.points),
  );
  const base = { id: ID, title: MEASURE_TITLE, description: summary.join(' ') };
  const areas = [...new Set(data.map((r) => r.area))];
  const note = smallCounts ? { annotation: SMALL_NUMBERS_NOTE } : {};
  // The % change view prints each difference in brackets beside its percentage: say which part is ours.
  const ours = oursNote(
    p.periods.length,
    changes.every(isStatedDifference),
    changes.every(isStatedChange),
    changes.length > 1,
  );
  const percentNote = [smallCounts ? SMALL_NUMBERS_NOTE : undefined, ours].filter(Boolean).join(' ');
  return observationFigure('hate-crime', data, {
    id: ID,
    theme: 'hate-crime',
    title,
    subtitle: `${MEASURE_TITLE}${p.several ? `, ${p.span}` : ''}`,
    takeaway: hateTakeaway(findings, p, smallCounts),
    summary,
    summaryFor: areas.map((a) => ({ area: facetOf(a) })),
    facet: areaFacet(areas),
    views: [
      {
        id: 'count',
        label: 'Counts',
        svg: render(hateCrimeCounts, counts, { ...base, view: 'count' }),
        parts: areaParts(areas, summary, 'count', (o) => hateCrimeCounts(counts, o)),
      },
      {
        id: 'percent',
        label: '% change',
        svg: render(hateCrimeChange, changes, { ...base, view: 'percent', ...note }),
        parts: areaParts(areas, summary, 'percent', (o) => hateCrimeChange(changes, o)),
        ...(percentNote ? { note: percentNote } : {}),
      },
    ],
    table: hateTable(changes, p),
    csv: hateCsv(changes),
    checked: checkedSentences(
      checkedClaims('hate-crime', (_, stated) => stated, 'exact', shown),
      changes.length,
    ),
  });
}

/** The figures this file draws (found by src/figures/index.ts). */
export const FIGURES: readonly FigureEntry[] = [{ id: 'hate-crime-trend', order: 10, build: hateCrime }];
