/**
 * The shape of src/, as docs/architecture.md ("Dependencies point one way") writes it: the layer
 * order is read from that guide's diagram, so the rules live there once. A broken fixture tree
 * (tests/fixtures/imports/src) shows each check fails when it should.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LAYER_ORDER,
  LAYERS,
  importCycles,
  importEdges,
  layerOrder,
  layerRanks,
  layerViolations,
  longModules,
  looseModules,
} from '../support/imports.ts';
import { ROOT } from '../support/build-site.ts';

describe('the layer diagram in docs/architecture.md', () => {
  it('is read, and ranks every folder of src/ but client/ (browser code has its own rule) and styles/ (CSS)', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'client' && e.name !== 'styles')
      .map((e) => e.name);
    expect(folders.filter((f) => LAYERS[f] === undefined)).toEqual([]);
  });

  it('puts charts below data, so a chart never reads a dataset', () => {
    expect(LAYERS.charts).toBeLessThan(LAYERS.data!);
    expect(LAYERS.universal).toBeLessThan(LAYERS.schemas!);
  });

  it('reads a diagram into ranks, and refuses a guide without one', () => {
    expect(layerRanks('pages -> components, data/ -> lib')).toEqual({ pages: 2, components: 1, data: 1, lib: 0 });
    expect(() => layerOrder('# Architecture\n\nNo diagram here.\n')).toThrow(/no layer diagram/);
  });
});

describe('src/ imports', () => {
  const edges = importEdges(join(ROOT, 'src'));

  it('finds the imports (the walker is looking at the real tree)', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.some((e) => e.inScript && e.to.startsWith('client/'))).toBe(true);
  });

  it('point one way, with browser code imported only from <script> blocks', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('form no loops, not even through type-only imports', () => {
    expect(importCycles(edges)).toEqual([]);
    expect(importCycles(edges, true)).toEqual([]);
  });

  it('no module is over 400 lines', () => {
    expect(longModules(join(ROOT, 'src'), 400)).toEqual([]);
  });

  it('no module sits in the src/ root but config and type declarations', () => {
    expect(looseModules(join(ROOT, 'src'))).toEqual([]);
  });
});

describe('the checks fail on a broken tree (tests/fixtures/imports/src)', () => {
  const dir = join(ROOT, 'tests/fixtures/imports/src');
  const edges = importEdges(dir);
  const against = `against the direction ${LAYER_ORDER} (docs/architecture.md)`;

  it('reports each wrong direction and misuse of client/', () => {
    expect(layerViolations(edges).sort()).toEqual(
      [
        'browser code client/widget.ts imports data/rows.ts (client/ may import only client/, universal/, lib/)',
        'components/Widget.astro imports browser code client/widget.ts outside a <script> block',
        `charts/reads-data.ts (charts) imports data/rows.ts (data), ${against}`,
        `lib/upward.ts (lib) imports pages/helper.ts (pages), ${against}`,
        `universal/leaky.ts (universal) imports data/rows.ts (data), ${against}`,
      ].sort(),
    );
  });

  it('reports the loop once, and the type-only loop only when asked', () => {
    expect(importCycles(edges)).toEqual(['figures/a.ts -> figures/b.ts -> figures/a.ts']);
    expect(importCycles(edges, true)).toEqual([
      'figures/a.ts -> figures/b.ts -> figures/a.ts',
      'schemas/x.ts -> schemas/y.ts -> schemas/x.ts',
    ]);
  });

  it('reports a long module', () => {
    expect(longModules(dir, 3)).toContain('figures/b.ts: 5 lines');
    expect(longModules(dir, 400)).toEqual([]);
  });

  it('reports a module in the src/ root, and lets config and type declarations be', () => {
    expect(looseModules(dir)).toEqual([
      'src/loose.ts sits in the src/ root: only config and type declaration files may (docs/architecture.md)',
    ]);
  });
});
