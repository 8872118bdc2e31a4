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
import { enhanceFigure, getFigureState, readState, writeState } from '../../../src/client/enhance.ts';
import { enhanceGovernance, searchBodies } from '../../../src/client/governance-diagram.ts';
import { governanceData, governanceSvg } from '../../../src/figures/governance-data.ts';
import { hateCrimeChange, hateCrimeCounts } from '../../../src/charts/hate-crime.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/charts', name), 'utf8'));
const hate = fixture('hate-crime.json');
const govData = fixture('governance-data.json');

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
    </div>
    <div class="figure-table"><table><tbody>
      <tr data-theme="governance" data-status="done"><td>a1</td></tr>
      <tr data-theme="hate-crime" data-status="done"><td>a3</td></tr>
    </tbody></table>
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
const key = (target: EventTarget, k: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));

beforeEach(() => {
  window.history.replaceState(null, '', 'http://localhost:3000/figures/');
});

describe('URL state', () => {
  it('round-trips a figure state through the URL', () => {
    const url = writeState('http://localhost:3000/themes/hate-crime/?lang=en', 'hate-crime-trend', {
      view: 'percent',
      show: 'table',
    });
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
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'North Worcestershire, hate offences, 2017/18: 338',
    );
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
  const data = governanceData(govData.bodies, govData.links, govData.activities);
  const entries = data.tiers
    .flatMap((t) => t.bodies)
    .map(
      (b) =>
        `<li data-body-entry="${b.id}"><p class="gov-name"><strong>${b.name}</strong>${b.shortName ? ` (${b.shortName})` : ''}</p><div class="gov-entry-body"><p class="gov-what">${b.tier} tier. ${b.remit}</p>${b.down.map((l) => `<a href="#g-body-${l.other}">${l.otherName}</a>`).join('')}</div></li>`,
    )
    .join('');
  function govFigure(): HTMLElement {
    document.body.innerHTML = `<figure class="figure" id="g"><div class="figure-chart">
      <input data-gov-search><p class="govmap-search-status"></p><ul data-gov-results hidden></ul>
      <details data-gov-box open><summary>Map</summary><div class="figure-view" data-view="chart">${governanceSvg(data, { id: 'g', title: 'Bodies', description: 'd' })}</div>
      <div data-gov-card hidden tabindex="-1"><p data-gov-card-title></p><button data-gov-close>Close</button><div data-gov-card-body></div></div></details>
      <div class="chart-tip" hidden></div></div><ul>${entries}</ul></figure>`;
    return document.getElementById('g')!;
  }

  it('selects a body on the map by keyboard: links highlighted, card shown and focused, state in the URL', () => {
    const fig = govFigure();
    enhanceGovernance(fig, window);
    const node = fig.querySelector<SVGElement>('.gov-node[data-key="safer-communities-board"]')!;
    expect(node.getAttribute('role')).toBe('button');
    key(node, 'Enter');
    expect(node.getAttribute('aria-pressed')).toBe('true');
    const linked = data.links.filter(
      (l) => l.from_body === 'safer-communities-board' || l.to_body === 'safer-communities-board',
    );
    expect(fig.querySelectorAll('.gov-edge.is-active')).toHaveLength(linked.length);
    expect(fig.querySelector('.gov-node[data-key="wcc-public-health"]')!.classList.contains('is-linked')).toBe(true);
    expect(fig.querySelector('.gov-node[data-key="home-office"]')!.classList.contains('is-dimmed')).toBe(true);
    const card = fig.querySelector<HTMLElement>('[data-gov-card]')!;
    expect(card.hidden).toBe(false);
    expect(card.textContent).toContain('Worcestershire Safer Communities Board');
    expect(card.querySelectorAll('[id]')).toHaveLength(0);
    expect(document.activeElement).toBe(card);
    expect(window.location.href).toBe('http://localhost:3000/figures/?body=safer-communities-board#g');
    // Escape closes the card, clears the selection and returns focus to the box.
    key(card, 'Escape');
    expect(card.hidden).toBe(true);
    expect(fig.querySelectorAll('.gov-edge.is-active')).toHaveLength(0);
    expect(window.location.search).toBe('');
    expect(document.activeElement).toBe(node);
  });

  it('opens a body from the list in place, and a link inside it selects the other body', () => {
    const fig = govFigure();
    enhanceGovernance(fig, window);
    const pick = fig.querySelector<HTMLButtonElement>('.gov-pick[data-pick="safer-communities-board"]')!;
    const body = fig.querySelector<HTMLElement>('#g-entry-safer-communities-board')!;
    expect(body.hidden).toBe(true);
    pick.click();
    expect(pick.getAttribute('aria-expanded')).toBe('true');
    expect(body.hidden).toBe(false);
    expect(document.activeElement).toBe(body);
    expect(fig.querySelector<HTMLElement>('[data-gov-card]')!.hidden).toBe(true);
    body.querySelector<HTMLAnchorElement>('a[href="#g-body-prevent-strategy-group"]')!.click();
    expect(window.location.search).toBe('?body=prevent-strategy-group');
    expect(body.hidden).toBe(true);
    expect(fig.querySelector<HTMLElement>('#g-entry-prevent-strategy-group')!.hidden).toBe(false);
  });

  it('searches names, initials and remit words, and Enter selects the best match', () => {
    const fig = govFigure();
    enhanceGovernance(fig, window);
    const all = Array.from(fig.querySelectorAll<HTMLElement>('[data-body-entry]'));
    expect(searchBodies(all, 'SCB').map((e) => e.dataset['bodyEntry'])).toEqual(['safer-communities-board']);
    expect(searchBodies(all, 'commissioner')[0]!.dataset['bodyEntry']).toBe('west-mercia-pcc');
    expect(searchBodies(all, 'no such words')).toHaveLength(0);
    const input = fig.querySelector<HTMLInputElement>('[data-gov-search]')!;
    input.value = 'police and crime';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(fig.querySelector<HTMLElement>('[data-gov-results]')!.hidden).toBe(false);
    expect(fig.querySelector('.govmap-search-status')!.textContent).toMatch(/^\d+ bodies match/);
    key(input, 'Enter');
    expect(window.location.search).toMatch(/^\?body=west-mercia-pc[cp]$/);
  });
});

describe('activity filters', () => {
  /** The explorer markup FigureActivities.astro produces, reduced to what the script uses. */
  function explorer(): HTMLElement {
    const item = (id: string, theme: string, period: string, status: string, body: string) =>
      `<li data-key="${id}" data-theme="${theme}" data-period="${period}" data-status="${status}" data-body="${body}">${id}</li>`;
    const select = (key: string, values: string[]) =>
      `<select data-act-filter="${key}"><option value=""></option>${values.map((v) => `<option value="${v}"></option>`).join('')}</select>`;
    document.body.innerHTML = figureHtml('a', [
      {
        id: 'chart',
        svg: '<svg><rect data-status="done" data-theme="governance" data-period="2017-18" data-body="scb"></rect><rect data-status="done" data-theme="hate-crime" data-period="2017-18" data-body="ph"></rect></svg>',
      },
    ]).replace(
      '</figure>',
      `<div data-act-explorer><div data-js-only hidden>${select('theme', ['governance', 'hate-crime'])}${select('period', ['2017-18', '2018-19'])}${select('status', ['done', 'underway'])}${select('body', ['scb', 'ph'])}<button type="button" data-act-reset>Show all</button></div>
      <p data-act-count>Showing all 4 pieces of work</p>
      <div data-act-group="governance"><span class="act-group-n">(2)</span><ul>${item('a1', 'governance', '2017-18', 'done', 'scb')}${item('a2', 'governance', '2018-19', 'underway', 'scb')}</ul></div>
      <div data-act-group="hate-crime"><span class="act-group-n">(2)</span><ul>${item('a3', 'hate-crime', '2017-18', 'done', 'ph')}${item('a4', 'hate-crime', '2018-19', 'underway', 'ph')}</ul></div></div></figure>`,
    );
    return document.getElementById('a')!;
  }
  const shown = (fig: HTMLElement) =>
    Array.from(fig.querySelectorAll<HTMLElement>('li[data-status]'))
      .filter((m) => !m.hidden)
      .map((m) => m.dataset['key']);
  const choose = (fig: HTMLElement, key: string, value: string) => {
    const s = fig.querySelector<HTMLSelectElement>(`select[data-act-filter="${key}"]`)!;
    s.value = value;
    s.dispatchEvent(new Event('change', { bubbles: true }));
  };

  it('applies theme, period, status and body from the URL, and ignores values the page does not offer', () => {
    window.history.replaceState(null, '', 'http://localhost:3000/x/?theme=hate-crime&period=2018-19&status=bogus#a');
    const fig = explorer();
    enhanceActivities(fig, window);
    expect(shown(fig)).toEqual(['a4']);
    expect(fig.querySelector('[data-act-count]')!.textContent).toBe('Showing 1 of 4 pieces of work');
    expect(fig.querySelector<HTMLSelectElement>('select[data-act-filter="status"]')!.value).toBe('');
    expect(fig.querySelector<HTMLElement>('[data-act-group="governance"]')!.hidden).toBe(true);
    expect(fig.querySelector('[data-act-group="hate-crime"] .act-group-n')!.textContent).toBe('(1 of 2)');
    // The overview's squares that do not match are dimmed.
    expect(Array.from(fig.querySelectorAll('rect')).map((r) => r.classList.contains('is-filtered'))).toEqual([
      true,
      true,
    ]);
    expect(fig.querySelector<HTMLElement>('[data-js-only]')!.hidden).toBe(false);
  });

  it('filters from the controls, writes the URL, and resets', () => {
    const fig = explorer();
    enhanceActivities(fig, window);
    expect(shown(fig)).toEqual(['a1', 'a2', 'a3', 'a4']);
    choose(fig, 'body', 'scb');
    expect(shown(fig)).toEqual(['a1', 'a2']);
    choose(fig, 'period', '2017-18');
    expect(shown(fig)).toEqual(['a1']);
    expect(window.location.href).toBe('http://localhost:3000/figures/?body=scb&period=2017-18#a');
    choose(fig, 'status', 'underway');
    expect(shown(fig)).toEqual([]);
    expect(fig.querySelector('[data-act-count]')!.textContent).toBe('No pieces of work match these filters (of 4)');
    fig.querySelector<HTMLButtonElement>('[data-act-reset]')!.click();
    expect(shown(fig)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(window.location.href).toBe('http://localhost:3000/figures/#a');
    expect(applyFilters(fig, { theme: 'governance' })).toBe(2);
  });
});
