// @vitest-environment happy-dom
/**
 * The client enhancement on a server-rendered figure: tooltip on focus, Escape and tapping elsewhere
 * close it, arrow keys move between marks, toggles switch views and the chart/table, and the state
 * round-trips through the URL.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyFilters, enhanceActivities } from '../../../src/client/activities-board.ts';
import { activitiesBoard } from '../../../src/charts/activities.ts';
import { enhanceFigure, getFigureState, readState, writeState } from '../../../src/client/enhance.ts';
import { governanceDiagram } from '../../../src/charts/governance.ts';
import { enhanceGovernance } from '../../../src/client/governance-diagram.ts';
import { hateCrimeChange, hateCrimeCounts } from '../../../src/charts/hate-crime.ts';

const fixture = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/charts', name), 'utf8'));
const hate = fixture('hate-crime.json');
const gov = fixture('governance.json');

/** The markup Figure.astro produces, reduced to what the script uses (wide layout only). */
function figureHtml(id: string, views: { id: string; svg: string }[], extra = ''): string {
  return `<figure class="figure" id="${id}">
    <div class="figure-controls" data-js-only hidden>
      <button type="button" data-set-show="chart" aria-pressed="true">Chart</button>
      <button type="button" data-set-show="table" aria-pressed="false">Table</button>
      ${views.length > 1 ? views.map((v) => `<button type="button" data-set-view="${v.id}">${v.id}</button>`).join('') : ''}
      ${extra}
    </div>
    <div class="figure-chart">
      ${views.map((v) => `<div class="figure-view" data-view="${v.id}"><div class="chart-layout">${v.svg}</div></div>`).join('')}
      <div class="chart-tip" role="tooltip" hidden></div>
      <div class="gov-detail" hidden></div>
    </div>
    <div class="figure-table"><table><tbody>
      <tr data-theme="governance" data-status="done"><td>a1</td></tr>
      <tr data-theme="hate-crime" data-status="done"><td>a3</td></tr>
    </tbody></table>
    <ul><li data-body-entry="safer-communities-board"><strong>Worcestershire Safer Communities Board</strong> <a href="#g-body-public-health">PH</a></li></ul>
    </div>
  </figure>`;
}

function hateFigure(): HTMLElement {
  const opts = { id: 'hate-crime-trend', title: 'Hate crime', description: 'Summary', layout: 'wide' as const };
  document.body.innerHTML = `<p id="outside">Outside</p>${figureHtml('hate-crime-trend', [
    { id: 'count', svg: hateCrimeCounts(hate.counts, { ...opts, view: 'count' }) },
    { id: 'percent', svg: hateCrimeChange(hate.change, { ...opts, view: 'percent' }) },
  ])}`;
  return document.getElementById('hate-crime-trend')!;
}

const tip = (fig: HTMLElement) => fig.querySelector<HTMLElement>('.chart-tip')!;
const key = (target: EventTarget, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));

beforeEach(() => {
  window.history.replaceState(null, '', 'http://localhost:3000/figures/');
});

describe('URL state', () => {
  it('round-trips a figure state through the URL', () => {
    const url = writeState('http://localhost:3000/themes/hate-crime/?lang=en', 'hate-crime-trend', { view: 'percent', show: 'table' });
    expect(url).toBe('http://localhost:3000/themes/hate-crime/?lang=en&view=percent&show=table#hate-crime-trend');
    expect(readState(url, 'hate-crime-trend')).toEqual({ view: 'percent', show: 'table' });
  });
  it('ignores parameters when the hash names another figure, and drops them when another figure writes', () => {
    const url = 'http://localhost:3000/x/?view=percent#hate-crime-trend';
    expect(readState(url, 'marac-cases')).toEqual({});
    expect(writeState(url, 'marac-cases', {})).toBe('http://localhost:3000/x/#marac-cases');
  });
});

describe('tooltips and keyboard', () => {
  it('makes exactly one mark tabbable and shows its value on focus', () => {
    const fig = hateFigure();
    enhanceFigure(fig, window);
    const tabbable = fig.querySelectorAll('.mark[tabindex="0"]');
    expect(tabbable).toHaveLength(1);
    const first = tabbable[0] as SVGElement;
    first.focus();
    expect(tip(fig).hidden).toBe(false);
    expect(tip(fig).textContent).toBe('North Worcestershire, hate offences, 2016/17: 318');
    expect(tip(fig).getAttribute('role')).toBe('tooltip');
  });

  it('moves between marks with the arrow keys and closes the tooltip with Escape', () => {
    const fig = hateFigure();
    enhanceFigure(fig, window);
    const first = fig.querySelector<SVGElement>('.mark[tabindex="0"]')!;
    first.focus();
    key(first, 'ArrowDown');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('North Worcestershire, hate offences, 2017/18: 338');
    expect(tip(fig).textContent).toBe('North Worcestershire, hate offences, 2017/18: 338');
    expect(fig.querySelectorAll('.mark[tabindex="0"]')).toHaveLength(1);
    key(document.activeElement!, 'End');
    expect(document.activeElement?.getAttribute('data-key')).toBe('south|crimed|2017/18');
    key(document.activeElement!, 'Escape');
    expect(tip(fig).hidden).toBe(true);
  });

  it('uses up an Escape that closes a tooltip (so the quick-exit shortcut ignores it), and only that one', () => {
    const fig = hateFigure();
    enhanceFigure(fig, window);
    const first = fig.querySelector<SVGElement>('.mark[tabindex="0"]')!;
    first.focus();
    expect(tip(fig).hidden).toBe(false);
    const escape = () => new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    const closing = escape();
    first.dispatchEvent(closing);
    expect(tip(fig).hidden).toBe(true);
    expect(closing.defaultPrevented).toBe(true);
    const another = escape();
    first.dispatchEvent(another);
    expect(another.defaultPrevented).toBe(false);
  });

  it('shows the tooltip on tap and hides it on a tap elsewhere', () => {
    const fig = hateFigure();
    enhanceFigure(fig, window);
    const mark = fig.querySelectorAll<SVGElement>('.mark')[2]!;
    mark.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(tip(fig).hidden).toBe(false);
    expect(tip(fig).textContent).toBe(mark.getAttribute('aria-label'));
    document.getElementById('outside')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(tip(fig).hidden).toBe(true);
  });
});

describe('toggles', () => {
  it('switches view and chart/table, records them in the URL, and restores them from it', () => {
    const fig = hateFigure();
    enhanceFigure(fig, window);
    expect(fig.querySelector<HTMLElement>('.figure-controls')!.hidden).toBe(false);
    const views = () => Array.from(fig.querySelectorAll<HTMLElement>('.figure-view')).map((v) => v.hidden);
    expect(views()).toEqual([false, true]);
    fig.querySelector<HTMLButtonElement>('[data-set-view="percent"]')!.click();
    expect(views()).toEqual([true, false]);
    expect(window.location.href).toBe('http://localhost:3000/figures/?view=percent#hate-crime-trend');
    fig.querySelector<HTMLButtonElement>('[data-set-show="table"]')!.click();
    expect(fig.querySelector<HTMLElement>('.figure-chart')!.hidden).toBe(true);
    expect(fig.querySelector<HTMLElement>('.figure-table')!.hidden).toBe(false);
    expect(fig.querySelector('[data-set-show="table"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(window.location.search).toBe('?view=percent&show=table');

    // A fresh page load with that URL restores the same state.
    const again = hateFigure();
    enhanceFigure(again, window);
    expect(getFigureState(again)).toMatchObject({ view: 'percent', show: 'table' });
    expect(Array.from(again.querySelectorAll<HTMLElement>('.figure-view')).map((v) => v.hidden)).toEqual([true, false]);
  });

  it('ignores an unknown view in the URL', () => {
    window.history.replaceState(null, '', 'http://localhost:3000/figures/?view=nonsense#hate-crime-trend');
    const fig = hateFigure();
    enhanceFigure(fig, window);
    expect(getFigureState(fig)?.view).toBe('count');
  });
});

describe('governance selection', () => {
  it('selects a body, shows its links and entry, and keeps it in the URL', () => {
    const svg = governanceDiagram(gov.nodes, { id: 'g', layout: 'wide', title: 'Bodies', description: 'd' });
    document.body.innerHTML = figureHtml('g', [{ id: 'chart', svg }]);
    const fig = document.getElementById('g')!;
    enhanceGovernance(fig, window);
    const node = fig.querySelector<SVGElement>('.gov-node[data-key="safer-communities-board"]')!;
    expect(node.getAttribute('role')).toBe('button');
    key(node, 'Enter');
    expect(node.getAttribute('aria-pressed')).toBe('true');
    expect(fig.querySelectorAll('.gov-edge.is-active')).toHaveLength(3);
    expect(fig.querySelector('.gov-node[data-key="public-health"]')!.classList.contains('is-linked')).toBe(true);
    expect(fig.querySelector('.gov-node[data-key="home-office"]')!.classList.contains('is-dimmed')).toBe(true);
    expect(fig.querySelector<HTMLElement>('.gov-detail')!.hidden).toBe(false);
    expect(fig.querySelector('.gov-detail')!.textContent).toContain('Worcestershire Safer Communities Board');
    expect(window.location.href).toBe('http://localhost:3000/figures/?body=safer-communities-board#g');
    // Selecting it again clears the selection.
    node.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(fig.querySelectorAll('.gov-edge.is-active')).toHaveLength(0);
    expect(window.location.search).toBe('');
  });
});

describe('activity filters', () => {
  it('filters squares and table rows by theme and status, from the URL and from the controls', () => {
    window.history.replaceState(null, '', 'http://localhost:3000/figures/?theme=hate-crime#a');
    const svg = activitiesBoard(gov.activities, { id: 'a', layout: 'wide', title: 'Work', description: 'd' }).replace('chart--wide', 'chart--wide');
    document.body.innerHTML = figureHtml('a', [{ id: 'chart', svg }], '<select data-filter="theme"><option value=""></option><option value="hate-crime"></option><option value="governance"></option></select><select data-filter="status"><option value=""></option><option value="done"></option></select><p class="filter-count"></p>');
    const fig = document.getElementById('a')!;
    enhanceActivities(fig, window);
    const shown = () => Array.from(fig.querySelectorAll('.act-item')).filter((m) => !m.classList.contains('is-filtered')).map((m) => m.getAttribute('data-key'));
    expect(shown()).toEqual(['a3', 'a4']);
    expect(fig.querySelector('.filter-count')!.textContent).toBe('Showing 2 of 7');
    expect(Array.from(fig.querySelectorAll<HTMLElement>('tr[data-theme]')).map((r) => r.hidden)).toEqual([true, false]);
    const status = fig.querySelector<HTMLSelectElement>('select[data-filter="status"]')!;
    status.value = 'done';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    expect(shown()).toEqual(['a3']);
    expect(window.location.href).toBe('http://localhost:3000/figures/?theme=hate-crime&status=done#a');
    expect(applyFilters(fig, '', '')).toBe(7);
  });
});
