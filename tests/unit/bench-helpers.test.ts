/** The benchmark's pure helpers: build-log parsing, route grouping, growth slope, synthetic names. */
import { describe, expect, test } from 'vitest';
import { pagePath } from '../../scripts/bench/analyse.ts';
import { parseBuildLog, parseTimeStat, routeGroup } from '../../scripts/bench/build.ts';
import { median } from '../../scripts/bench/charts.ts';
import { letters, slope } from '../../scripts/bench/scale.ts';

describe('benchmark helpers', () => {
  test('groups routes by pattern', () => {
    expect(routeGroup('/data/hate-crime/index.html')).toBe('/data/*/index.html');
    expect(routeGroup('/data/index.html')).toBe('/data/index.html');
    expect(routeGroup('/data/hate-crime.csv')).toBe('/data/*.csv');
    expect(routeGroup('/figures/a/b.png')).toBe('/figures/*.png');
    expect(routeGroup('/index.html')).toBe('/index.html');
    expect(routeGroup('/datapackage.json')).toBe('/datapackage.json');
  });

  test("reads phases and per-route times from Astro's output", () => {
    const log = [
      '09:10:53 [types] Generated 12.69s',
      '09:10:56 [vite] ✓ built in 2.93s',
      '09:10:56 [vite] ✓ built in 57ms',
      ' generating static routes ',
      '09:11:05   ├─ /data/a.csv (+5ms) ',
      '09:11:05   ├─ /data/b.csv (+3ms) ',
      '09:11:05   └─ /themes/x/index.html (+40ms) ',
      '09:11:05 ✓ Completed in 8.81s.',
    ].join('\n');
    expect(parseBuildLog(log)).toEqual({
      phases: [
        { name: 'setup: config, content sync, types', ms: 12690 },
        { name: 'bundling (vite)', ms: 2987 },
        { name: 'page generation', ms: 8810 },
      ],
      routes: [
        { group: '/themes/*/index.html', count: 1, ms: 40 },
        { group: '/data/*.csv', count: 2, ms: 8 },
      ],
    });
  });

  test("reads Astro's three time formats", () => {
    expect(parseTimeStat('523ms')).toBe(523);
    expect(parseTimeStat('12.69s')).toBe(12690);
    expect(parseTimeStat('1m 23s')).toBe(83000);
    expect(parseBuildLog('generating static routes\n09:11:05 ✓ Completed in 2m 5s.').phases).toEqual([
      { name: 'page generation', ms: 125000 },
    ]);
  });

  test('maps built files to the paths they are served at', () => {
    expect(pagePath('/repo/', 'index.html')).toBe('/repo/');
    expect(pagePath('/repo', 'themes/x/index.html')).toBe('/repo/themes/x/');
    expect(pagePath('/', '404.html')).toBe('/404.html');
  });

  test('measures growth as a log-log slope', () => {
    expect(slope(10, 100, 100, 1000)).toBeCloseTo(1);
    expect(slope(10, 100, 100, 10000)).toBeCloseTo(2);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('names synthetic themes with letters only (the prose checks reject digits)', () => {
    expect(letters(0)).toBe('aaaa');
    expect(letters(1)).toBe('aaab');
    expect(letters(26)).toBe('aaba');
    expect(new Set(Array.from({ length: 1000 }, (_, i) => letters(i + 1))).size).toBe(1000);
    expect(letters(999)).toMatch(/^[a-z]{4}$/);
  });
});
