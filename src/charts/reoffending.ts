/**
 * The reducing-reoffending cohort, first quarter of 2017 vs 2018: offenders and the offences they
 * committed on one shared count scale (so offences can be seen as about twice the offenders), then
 * offences per offender on its own scale. All bars start at zero.
 */
import { formatNumber, formatValue } from '../lib/format.ts';
import { barPanel, endRoom, type Segment } from './bars.ts';
import { periodRole } from './palette.ts';
import { LAYOUT, renderSvg, stackPanels, type ChartFunction } from './render.ts';

export interface ReoffendingRow {
  period: string;
  periodLabel: string;
  offenders: number;
  offences: number;
  /** Offences per offender (derived in src/data/derive.ts). */
  offencesPerOffender: number;
}

export const reoffendingCohort: ChartFunction<ReoffendingRow> = (rows, options) =>
  renderSvg(options, (svg, doc) => {
    const layout = options.layout;
    const colour = (i: number): Segment['colour'] => periodRole(i, rows.length);
    const bandLabels = Object.fromEntries(rows.map((r) => [r.period, r.periodLabel]));
    const bands = rows.map((r) => r.period);
    const countMax = Math.max(...rows.map((r) => Math.max(r.offenders, r.offences)));
    const countRoom = endRoom(
      rows.map((r) => ({ band: r.period, x: 0, text: formatValue(r.offences, 'count') })),
      LAYOUT[layout].fontSize,
    );
    const countPanel = (field: 'offenders' | 'offences', noun: string) =>
      barPanel(doc, {
        bands,
        bandLabels,
        segments: rows.map((r, i) => ({
          band: r.period,
          x1: 0,
          x2: r[field],
          colour: colour(i),
          key: `${r.period}|${field}`,
          tip: `${r.periodLabel}: ${formatValue(r[field], 'count')} ${noun}`,
        })),
        labels: rows.map((r) => ({ band: r.period, x: r[field], text: formatValue(r[field], 'count') })),
        domain: [0, countMax],
        room: countRoom,
        layout,
      });
    const ratioPanel = barPanel(doc, {
      bands,
      bandLabels,
      segments: rows.map((r, i) => ({
        band: r.period,
        x1: 0,
        x2: r.offencesPerOffender,
        colour: colour(i),
        key: `${r.period}|per-offender`,
        tip: `${r.periodLabel}: ${formatNumber(r.offencesPerOffender, 2)} offences per offender`,
      })),
      labels: rows.map((r) => ({
        band: r.period,
        x: r.offencesPerOffender,
        text: formatNumber(r.offencesPerOffender, 2),
      })),
      domain: [0, Math.max(...rows.map((r) => r.offencesPerOffender))],
      room: countRoom,
      layout,
    });
    return stackPanels(
      svg,
      doc,
      layout,
      [
        { heading: 'Offenders on the cohort', panel: countPanel('offenders', 'offenders on the cohort') },
        {
          heading: 'Offences committed by the cohort',
          panel: countPanel('offences', 'offences committed by the cohort'),
        },
        { heading: 'Offences per offender (a ratio, on its own scale)', panel: ratioPanel },
      ],
      16,
    );
  });
