// @vitest-environment happy-dom
/**
 * Exploring a figure (docs/exploration.md): the area switch (North / South / both) combined with the
 * view switch hides the other area's parts, summary paragraphs and table rows, a live region says
 * what is shown, summary paragraphs follow their view, and the state round-trips through the URL.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { hateCrimeChange, hateCrimeCounts } from '../../../src/charts/hate-crime.ts';
import { enhanceFigure, getFigureState, readState, writeState } from '../../../src/client/enhance.ts';

const hate = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/charts/hate-crime.json'), 'utf8'));
const opts = { id: 'hate-crime-trend', title: 'Hate crime', description: 'Summary', layout: 'wide' as const };
const AREAS = ['north', 'south'];

/** The markup Figure.astro produces for a faceted figure, reduced to what the script uses. */
function figure(): HTMLElement {
  const part = (area: string, svg: string) =>
    `<div class="figure-part" data-area="${area}"><div class="chart-layout">${svg}</div></div>`;
  document.body.innerHTML = `<figure class="figure" id="hate-crime-trend">
    <div class="figure-controls" data-js-only hidden>
      <button type="button" data-set-show="chart" aria-pressed="true">Chart</button>
      <button type="button" data-set-show="table" aria-pressed="false">Table</button>
      <button type="button" data-set-view="count" data-says="counts">Counts</button>
      <button type="button" data-set-view="percent" data-says="% change">% change</button>
      <button type="button" data-set-area="both" data-says="both areas">Both areas</button>
      <button type="button" data-set-area="north" data-says="North only">North</button>
      <button type="button" data-set-area="south" data-says="South only">South</button>
      <p class="figure-status" aria-live="polite"></p>
    </div>
    <div class="figure-chart">
      <div class="figure-view" data-view="count">${AREAS.map((a) =>
        part(a, hateCrimeCounts(hate.counts, { ...opts, id: `h-${a}`, view: 'count', areas: [a] })),
      ).join('')}</div>
      <div class="figure-view" data-view="percent">${AREAS.map((a) =>
        part(a, hateCrimeChange(hate.change, { ...opts, id: `h-${a}`, view: 'percent', areas: [a] })),
      ).join('')}</div>
      <div class="chart-tip" role="tooltip" hidden></div>
    </div>
    <div class="figure-summary"><p data-area="north">North said.</p><p data-area="south">South said.</p>
      <p data-for-view="percent">Only with % change.</p></div>
    <div class="figure-table"><table><tbody>
      <tr data-area="north"><td>n</td></tr><tr data-area="south"><td>s</td></tr>
    </tbody></table></div>
  </figure>`;
  return document.getElementById('hate-crime-trend')!;
}

const visible = (fig: HTMLElement, selector: string) =>
  Array.from(fig.querySelectorAll<HTMLElement>(selector)).filter((e) => !e.closest('[hidden]'));
// Table rows (the table itself is hidden while the chart is shown).
const rows = (fig: HTMLElement) => Array.from(fig.querySelectorAll<HTMLElement>('tbody tr')).filter((r) => !r.hidden);
const keys = (fig: HTMLElement) => visible(fig, '.mark').map((m) => m.getAttribute('data-key'));
const click = (fig: HTMLElement, selector: string) => fig.querySelector<HTMLButtonElement>(selector)!.click();

beforeEach(() => {
  window.history.replaceState(null, '', 'http://localhost:3000/themes/hate-crime/');
});

describe('the area switch', () => {
  it('shows both areas by default, then one area in either view, recorded in the URL', () => {
    const fig = figure();
    enhanceFigure(fig, window);
    expect(fig.querySelector('.figure-status')!.textContent).toBe('Showing counts: both areas.');
    expect(keys(fig).some((k) => k?.startsWith('north|'))).toBe(true);
    expect(keys(fig).some((k) => k?.startsWith('south|'))).toBe(true);

    click(fig, '[data-set-area="south"]');
    click(fig, '[data-set-view="percent"]');
    expect(keys(fig)).toEqual(['south|offences|change', 'south|crimed|change']);
    expect(visible(fig, '.figure-summary p').map((p) => p.textContent)).toEqual(['South said.', 'Only with % change.']);
    expect(rows(fig).map((r) => r.textContent)).toEqual(['s']);
    expect(fig.querySelector('[data-set-area="south"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(fig.querySelector('[data-set-area="both"]')!.getAttribute('aria-pressed')).toBe('false');
    expect(fig.querySelector('.figure-status')!.textContent).toBe('Showing % change: South only.');
    expect(window.location.href).toBe(
      'http://localhost:3000/themes/hate-crime/?view=percent&area=south#hate-crime-trend',
    );

    click(fig, '[data-set-area="both"]');
    expect(window.location.href).toBe('http://localhost:3000/themes/hate-crime/?view=percent#hate-crime-trend');
    expect(rows(fig)).toHaveLength(2);
  });

  it('restores the state from the URL, and ignores an unknown area', () => {
    window.history.replaceState(null, '', '/themes/hate-crime/?area=north#hate-crime-trend');
    const fig = figure();
    enhanceFigure(fig, window);
    expect(getFigureState(fig)).toMatchObject({ view: 'count', area: 'north' });
    expect(keys(fig).every((k) => k?.startsWith('north|'))).toBe(true);
    expect(visible(fig, '.figure-summary p').map((p) => p.textContent)).toEqual(['North said.']);

    window.history.replaceState(null, '', '/themes/hate-crime/?area=east#hate-crime-trend');
    const other = figure();
    enhanceFigure(other, window);
    expect(getFigureState(other)).toMatchObject({ area: 'both' });
    expect(rows(other)).toHaveLength(2);
  });

  it('keeps `area` with the other keys of the figure named in the hash', () => {
    const url = writeState('http://localhost:3000/x/', 'hate-crime-trend', { view: 'percent', area: 'south' });
    expect(readState(url, 'hate-crime-trend')).toEqual({ view: 'percent', area: 'south' });
    expect(readState(url, 'spending-lines')).toEqual({});
  });
});
