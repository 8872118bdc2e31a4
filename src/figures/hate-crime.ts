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
  isStated,
  keyOf,
  render,
  shownChanges,
  type Obs,
} from './helpers.ts';
import type { ChartOptions } from '../charts/render.ts';
import type { FigureEntry, FigureParts, FigureView } from './types.ts';

// eslint-disable-next-line max-lines-per-function -- issue #28: 185 lines, to be split into named steps
export function hateCrime(): FigureParts {
  const id = 'hate-crime-trend';
  const data = obs('hate-crime', () => true);
  // Bars grouped by area, years in order within each area.
  const byArea = [...data].sort((a, b) => a.area.localeCompare(b.area) || comparePeriods(a.period, b.period));
  const counts: HateCrimeCountRow[] = byArea.map((r) => ({
    area: r.area,
    areaLabel: areaName(r.area),
    measure: r.measure,
    measureLabel: measureLabel(r.measure),
    period: r.period.label,
    value: r.value,
  }));
  const groups = [...new Set(data.map((r) => `${r.measure}|${r.area}`))];
  const periods = [...new Map(data.map((r) => [r.period.id, r.period])).values()].sort(comparePeriods);
  // Every period in the table and CSV; the change (and the % change view) from the first to the last.
  const changes: (HateCrimeChangeRow & { before: Obs; after: Obs; points: Obs[] })[] = groups.map((g) => {
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
  const measures = [...new Set(changes.map((c) => c.measure))];
  const first = must(periods[0], 'first period');
  const last = must(periods[periods.length - 1], 'last period');
  const several = periods.length > 1;
  const span = `${first.label} to ${last.label}`;
  // The finding, from the data: each measure's direction across the areas (src/lib/direction.ts).
  const findings = measures.map((m) => {
    const own = changes.filter((c) => c.measure === m);
    return {
      measure: m,
      label: measureLabel(m),
      own,
      says: acrossGroups(own.map((c) => ({ name: c.areaLabel, values: c.points.map((p) => p.value) }))),
    };
  });
  const measureTitle = 'Hate crime in North and South Worcestershire';
  const title = several
    ? `${findings.map((f, i) => `${i === 0 ? f.label : inSentence(f.label)} ${f.says}`).join('; ')}`
    : `${measureTitle}, ${first.label}`;
  // A percentage the report prints for exactly the pair shown is plain; any other says "our calculation".
  const stated = (c: (typeof changes)[number]) =>
    isStated(
      'hate-crime',
      { baseline: keyOf('hate-crime', c.before), subject: keyOf('hate-crime', c.after) },
      'percent-change',
    );
  const summary = hateCrimeSummary(counts, (area, measure) => {
    const c = changes.find((x) => x.area === area && x.measure === measure);
    return c !== undefined && stated(c);
  });
  // Every percentage with its absolute change; small counts flagged (src/lib/comparison.ts).
  const both = (c: (typeof changes)[number]) =>
    `${c.areaLabel.split(' ')[0]} ${formatChange(c.difference ?? 0, 'count')}, ${formatChange(c.change, 'percent', 1)}`;
  const smallCounts = changes.some((c) => isSmallCount('count', c.before.value, c.after.value));
  const recorded = (label: string, i: number) => {
    const words = /recorded/i.test(label) ? inSentence(label) : `recorded ${inSentence(label)}`;
    return i === 0 ? words.charAt(0).toUpperCase() + words.slice(1) : words;
  };
  const takeaway = several
    ? `${findings
        .map(
          (f, i) =>
            `${recorded(f.label, i)} ${f.says} (${periods.length > 2 ? `${span}: ` : ''}${f.own.map(both).join('; ')}${f.own.every(stated) ? '' : '; our calculation'})`,
        )
        .join(', while ')}${smallCounts ? ': small numbers, so a few cases move the percentage a lot' : ''}.`
    : `In ${first.label}: ${findings.map((f, i) => `${recorded(f.label, i)}, ${f.own.map((c) => `${c.areaLabel.split(' ')[0]} ${formatValue(c.after.value, 'count')}`).join('; ')}`).join('; ')}.`;
  const shown = shownChanges(
    'hate-crime',
    changes.map((c) => c.points),
  );
  const base = { id, title: measureTitle, description: summary.join(' ') };
  const hateChecked = checkedClaims('hate-crime', (_, stated) => stated, 'exact', shown);
  // The area switch: North / South / both. Each view is drawn as one small SVG per area on shared
  // scales (the page toggles them); the whole view, both areas in one SVG, is the download.
  const areas = [...new Set(data.map((r) => r.area))];
  const facetOf = (area: string) => area.replace(/-worcestershire$/, '');
  const areaParts = (
    view: string,
    draw: (o: ChartOptions & { areas: string[] }) => string,
  ): NonNullable<FigureView['parts']> =>
    areas.map((area, i) => {
      const o = {
        id: `${id}-${facetOf(area)}`,
        title: `${measureTitle}: ${areaName(area)}`,
        description: summary[i] ?? summary.join(' '),
        view,
        areas: [area],
      };
      return {
        facet: facetOf(area),
        svg: { wide: draw({ ...o, layout: 'wide' }), narrow: draw({ ...o, layout: 'narrow' }) },
      };
    });
  const note = smallCounts ? { annotation: SMALL_NUMBERS_NOTE } : {};
  return observationFigure('hate-crime', data, {
    id,
    theme: 'hate-crime',
    title,
    subtitle: `${measureTitle}${several ? `, ${span}` : ''}`,
    takeaway,
    summary,
    summaryFor: areas.map((a) => ({ area: facetOf(a) })),
    facet: {
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
    },
    views: [
      {
        id: 'count',
        label: 'Counts',
        svg: render(hateCrimeCounts, counts, { ...base, view: 'count' }),
        parts: areaParts('count', (o) => hateCrimeCounts(counts, o)),
      },
      {
        id: 'percent',
        label: '% change',
        svg: render(hateCrimeChange, changes, { ...base, view: 'percent', ...note }),
        parts: areaParts('percent', (o) => hateCrimeChange(changes, o)),
        ...(smallCounts ? { note: SMALL_NUMBERS_NOTE } : {}),
      },
    ],
    table: {
      caption: `${measureTitle}: recorded counts${several ? ' and percentage change' : ''}`,
      columns: [
        { key: 'area', label: 'Area' },
        { key: 'measure', label: 'Measure' },
        ...periods.map((p) => ({ key: `p:${p.id}`, label: p.label, numeric: true })),
        ...(several
          ? [
              { key: 'difference', label: periods.length > 2 ? `Change, ${span}` : 'Change', numeric: true },
              { key: 'change', label: periods.length > 2 ? `% change, ${span}` : '% change', numeric: true },
            ]
          : []),
      ],
      rows: changes.map((c) => ({
        area: c.areaLabel,
        measure: c.measureLabel,
        ...Object.fromEntries(
          periods.map((p) => {
            const at = c.points.find((x) => x.period.id === p.id);
            return [`p:${p.id}`, at ? formatValue(at.value, 'count') : '–'];
          }),
        ),
        ...(several
          ? { difference: formatChange(c.difference ?? 0, 'count'), change: formatChange(c.change, 'percent', 1) }
          : {}),
      })),
      rowSources: changes.map((c) => cite(...c.points)),
      rowData: changes.map((c) => ({ area: facetOf(c.area) })),
    },
    // One row per area, measure and period, every period the data holds; the change from the
    // area's first period on each later row (empty on the first).
    csv: {
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
    },
    checked: hateChecked.length
      ? [
          `${hateChecked.length === changes.length ? 'The' : `${plural(hateChecked.length, '', '', { as: 'words' })} of the`} ${plural(changes.length, 'percentage change', 'percentage changes', { as: 'words' })} ${agree(hateChecked.length, 'agrees', 'agree')} with ${agree(hateChecked.length, 'the one', 'the ones')} printed in the report (${hateChecked.join(', ')})${hateChecked.length === changes.length ? '' : '; the others are our calculation'}.`,
        ]
      : [],
  });
}

/** The figures this file draws (found by src/figures/index.ts). */
export const FIGURES: readonly FigureEntry[] = [{ id: 'hate-crime-trend', order: 10, build: hateCrime }];
