/** Hate crime: recorded counts by area and year, and the percentage change (two views). */
import {
  hateCrimeChange,
  hateCrimeCounts,
  type HateCrimeChangeRow,
  type HateCrimeCountRow,
} from '../charts/hate-crime.ts';
import { hateCrimeSummary } from '../charts/summaries.ts';
import { difference, percentChange } from '../data/derive.ts';
import { isSmallCount, SMALL_NUMBERS_NOTE } from '../lib/comparison.ts';
import { formatChange, formatValue } from '../lib/format.ts';
import { comparePeriods } from '../lib/period.ts';
import {
  areaName,
  checkedClaims,
  cite,
  measureLabel,
  must,
  obs,
  observationFigure,
  render,
  type Obs,
} from './helpers.ts';
import type { ChartOptions } from '../charts/render.ts';
import type { FigureParts, FigureView } from './types.ts';

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
  const changes: (HateCrimeChangeRow & { before: Obs; after: Obs })[] = groups.map((g) => {
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
    };
  });
  const title = 'Hate crime in North and South Worcestershire';
  const summary = hateCrimeSummary(counts);
  const offences = changes.filter((c) => c.measure === 'hate-offences');
  const crimed = changes.filter((c) => c.measure === 'hate-incidents-crimed');
  // Every percentage with its absolute change; small counts flagged (src/lib/comparison.ts).
  const both = (c: (typeof changes)[number]) =>
    `${c.areaLabel.split(' ')[0]} ${formatChange(c.difference ?? 0, 'count')}, ${formatChange(c.change, 'percent', 1)}`;
  const smallCounts = changes.some((c) => isSmallCount('count', c.before.value, c.after.value));
  const takeaway = `Recorded hate offences rose in both areas (${offences.map(both).join('; ')}), while hate incidents recorded as crimes fell (${crimed.map(both).join('; ')})${smallCounts ? ': small numbers, so a few cases move the percentage a lot' : ''}.`;
  const base = { id, title, description: summary.join(' ') };
  const hateChecked = checkedClaims('hate-crime', (_, stated) => stated);
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
        title: `${title}: ${areaName(area)}`,
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
      caption: `${title}: recorded counts and percentage change`,
      columns: [
        { key: 'area', label: 'Area' },
        { key: 'measure', label: 'Measure' },
        { key: 'before', label: must(changes[0], 'change').before.period.label, numeric: true },
        { key: 'after', label: must(changes[0], 'change').after.period.label, numeric: true },
        { key: 'difference', label: 'Change', numeric: true },
        { key: 'change', label: '% change', numeric: true },
      ],
      rows: changes.map((c) => ({
        area: c.areaLabel,
        measure: c.measureLabel,
        before: formatValue(c.before.value, 'count'),
        after: formatValue(c.after.value, 'count'),
        difference: formatChange(c.difference ?? 0, 'count'),
        change: formatChange(c.change, 'percent', 1),
      })),
      rowSources: changes.map((c) => cite(c.before, c.after)),
      rowData: changes.map((c) => ({ area: facetOf(c.area) })),
    },
    csv: {
      columns: [
        'area',
        'measure',
        'period_before',
        'value_before',
        'period_after',
        'value_after',
        'percent_change',
        'status',
      ],
      rows: changes.map((c) => [
        c.area,
        c.measure,
        c.before.period.id,
        c.before.value,
        c.after.period.id,
        c.after.value,
        Number(c.change.toFixed(4)),
        c.after.status,
      ]),
    },
    checked: hateChecked.length
      ? [`The four percentage changes agree with the ones printed in the report (${hateChecked.join(', ')}).`]
      : [],
  });
}
