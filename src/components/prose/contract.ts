/**
 * What a theme page may write, tag by tag: the prose components' props, which are required, and what
 * each must name. `npm run validate` and the build's content loader check every tag of every page
 * against this (src/validate/scan-mdx.ts), so a tag the build could not render (a missing row, an unknown
 * term, a prop the component does not take, an undefined component) is refused before Astro runs,
 * with the page's file:line:column. Keep it in step with the components' `Props` and index.ts.
 */
import { factKey, hasKey, type Catalog, type LoadedDataset } from '../../data/catalog.ts';
import { findByKey } from '../../data/editions.ts';
import { isFigureId } from '../../figures/index.ts';
import { stepOf, verb } from '../../lib/direction.ts';
import { parsePeriod } from '../../lib/period.ts';
import { HELPLINE_SETS } from './helplines.ts';

type PropKind =
  | 'dataset' // a dataset id (`of`)
  | 'figure-dataset' // a dataset whose rows have a value and a unit
  | 'row' // a primary key in the `of` dataset
  | 'rows' // `;`-separated primary keys in the `of` dataset
  | 'term' // an id in data/glossary.csv
  | 'theme' // an id in data/themes.csv
  | 'figure' // a figure id (src/figures/index.ts)
  | 'period' // a period id
  | 'area' // an id in data/areas.csv
  | 'activities' // `;`-separated ids in data/activities.csv
  | 'helplines' // a set in helplines.ts
  | 'boolean' // bare (`short`) or `{true}` / `{false}`
  | 'level' // a heading level, `{1}` to `{4}`
  | 'text' // words a reader sees (checked like prose)
  | 'name' // an HTML id for a heading (kebab-case)
  | readonly string[]; // one of these words

interface PropSpec {
  kind: PropKind;
  required?: boolean;
}
interface ComponentSpec {
  props: Record<string, PropSpec>;
  /** Any other prop is a filter on a column of the `of` dataset (<Count>, <KeyCount>). */
  filters?: boolean;
}

const req = (kind: PropKind): PropSpec => ({ kind, required: true });
const opt = (kind: PropKind): PropSpec => ({ kind });

/** Every tag a theme page may use (the exports of ./index.ts), with its props. */
export const PROSE_COMPONENTS: Readonly<Record<string, ComponentSpec>> = {
  Activities: { props: { theme: req('theme'), also: opt('activities') } },
  Change: {
    props: {
      of: req('figure-dataset'),
      from: req('row'),
      to: req('row'),
      as: opt(['percent', 'difference', 'points']),
      words: opt(['signed', 'verb', 'updown', 'noun', 'by', 'size']),
      expect: opt(['up', 'down']),
      check: opt('boolean'),
    },
  },
  Count: { props: { of: req('dataset'), as: opt(['digits', 'words']) }, filters: true },
  Figure: {
    props: {
      id: req('figure'),
      level: opt('level'),
      embed: opt('boolean'),
      lead: opt('boolean'),
      compact: opt('boolean'),
    },
  },
  Helplines: { props: { for: req('helplines') } },
  KeyCount: { props: { of: req('dataset'), label: req('text'), singular: opt('text') }, filters: true },
  KeyFigure: {
    props: {
      of: req('figure-dataset'),
      row: req('row'),
      compare: opt('row'),
      change: opt(['both', 'percent', 'difference', 'points']),
      label: opt('text'),
      note: opt('text'),
    },
  },
  KeyFigures: { props: { title: opt('text'), id: opt('name') } },
  Period: { props: { id: req('period'), short: opt('boolean'), during: opt('boolean'), report: opt('boolean') } },
  Ratio: { props: { of: req(['reoffending-cohort']), period: req('period'), area: opt('area') } },
  Sum: { props: { of: req('figure-dataset'), rows: req('rows') } },
  Term: { props: { id: req('term'), short: opt('boolean') } },
  ThemeLink: { props: { theme: req('theme') } },
  Value: { props: { of: req('figure-dataset'), row: req('row'), marker: opt('boolean'), words: opt(['verb']) } },
};

/** A prop as written: a string, a bare attribute (`null`), or the source of a `{…}` expression. */
export type WrittenProp = { kind: 'string'; value: string } | { kind: 'bare' } | { kind: 'expression'; source: string };

/** The props whose values are words a reader sees (checked for typed figures like prose). */
export function isTextProp(component: string, prop: string): boolean {
  return PROSE_COMPONENTS[component]?.props[prop]?.kind === 'text';
}

function preview(list: Iterable<string>): string {
  const all = [...list];
  return all.length <= 8 ? all.join(', ') : `${all.slice(0, 8).join(', ')}, … (${all.length} in all)`;
}

function ids(dataset: LoadedDataset | undefined): string[] {
  return (dataset?.rows ?? []).map((r) => r.raw.id ?? '');
}

/**
 * Check one tag against the contract and the data. Returns messages (empty when the tag is fine);
 * `props` keeps the order written. Unknown tags are reported by the caller.
 */
export function checkComponent(
  name: string,
  props: ReadonlyMap<string, WrittenProp>,
  catalog: Catalog,
): { prop?: string; message: string }[] {
  const spec = PROSE_COMPONENTS[name];
  if (!spec) return [];
  const out: { prop?: string; message: string }[] = [];
  const tag = `<${name}>`;
  const of = props.get('of');
  const dataset = of?.kind === 'string' ? catalog.get(of.value) : undefined;
  for (const [prop, p] of Object.entries(spec.props))
    if (p.required && !props.has(prop)) out.push({ message: `${tag} needs the prop ${prop}="…"` });

  for (const [prop, written] of props) {
    const p = spec.props[prop];
    const where = `<${name} ${prop}${written.kind === 'string' ? `="${written.value}"` : written.kind === 'expression' ? `={${written.source}}` : ''}>`;
    if (!p) {
      if (spec.filters && written.kind === 'string') {
        if (dataset && !dataset.meta.columns.some((c) => c.name === prop))
          out.push({
            prop,
            message: `${where}: dataset "${dataset.meta.id}" has no column "${prop}" to filter on (columns: ${dataset.meta.columns.map((c) => c.name).join(', ')})`,
          });
        continue;
      }
      out.push({
        prop,
        message: `${where}: ${tag} takes no prop "${prop}" (it takes ${Object.keys(spec.props).join(', ')}${spec.filters ? ', and column filters' : ''})`,
      });
      continue;
    }
    if (p.kind === 'boolean') {
      if (written.kind === 'bare' || (written.kind === 'expression' && /^\s*(true|false)\s*$/.test(written.source)))
        continue;
      out.push({ prop, message: `${where}: expected ${prop} on its own, ${prop}={true} or ${prop}={false}` });
      continue;
    }
    if (p.kind === 'level') {
      if (written.kind === 'expression' && /^\s*[1-4]\s*$/.test(written.source)) continue;
      out.push({ prop, message: `${where}: expected a heading level ${prop}={1} to ${prop}={4}` });
      continue;
    }
    if (written.kind !== 'string') {
      out.push({ prop, message: `${where}: expected a quoted value, ${prop}="…"` });
      continue;
    }
    const problem = checkValue(
      p.kind,
      written.value,
      dataset,
      of?.kind === 'string' ? of.value : undefined,
      props,
      catalog,
    );
    if (problem) out.push({ prop, message: `${where}: ${problem}` });
  }
  if (out.length === 0 && dataset)
    for (const message of checkRows(name, props, dataset, catalog)) out.push({ message: `${tag}: ${message}` });
  return out;
}

/** The rules a component enforces on the rows it names (units, direction), once every reference resolves. */
function checkRows(
  name: string,
  props: ReadonlyMap<string, WrittenProp>,
  dataset: LoadedDataset,
  catalog: Catalog,
): string[] {
  const text = (prop: string) => {
    const p = props.get(prop);
    return p?.kind === 'string' ? p.value : undefined;
  };
  const row = (key: string | undefined) => {
    const found = key === undefined ? undefined : findByKey(dataset, key, catalog);
    return found ? (found.value as { value: number; unit: string }) : undefined;
  };
  const out: string[] = [];
  if (name === 'Change') {
    const [before, after] = [row(text('from')), row(text('to'))];
    if (!before || !after) return out;
    const as = text('as') ?? 'percent';
    const words = text('words') ?? 'signed';
    const expect = text('expect');
    if (before.unit !== after.unit) out.push(`the two rows are in different units (${before.unit}, ${after.unit})`);
    else if (as === 'points' && before.unit !== 'percent')
      out.push(`as="points" needs two shares (unit percent), not ${before.unit}`);
    const moved = Math.sign(after.value - before.value);
    if (expect && (moved === 0 || (expect === 'up') !== moved > 0))
      out.push(`expect="${expect}", but the data ${verb(stepOf(before.value, after.value))}`);
    if ((words === 'by' || words === 'size') && !expect)
      out.push(`words="${words}" leaves the direction to the sentence, so give expect="up" or expect="down"`);
  }
  if (name === 'Sum') {
    const units = new Set((text('rows') ?? '').split(';').map((k) => row(k.trim())?.unit));
    if (units.size > 1 || units.has('percent') || units.has('percent-change'))
      out.push('only counts, money or staff time in one unit can be added up');
  }
  if (name === 'Value' && text('words') === 'verb') {
    const r = row(text('row'));
    if (r && r.unit !== 'percent-change')
      out.push(`only a percent-change row can be written as a verb (this one is ${r.unit})`);
  }
  return out;
}

/** Why a string prop does not name what it must, or undefined. */
function checkValue(
  kind: PropKind,
  value: string,
  dataset: LoadedDataset | undefined,
  of: string | undefined,
  props: ReadonlyMap<string, WrittenProp>,
  catalog: Catalog,
): string | undefined {
  if (Array.isArray(kind)) return kind.includes(value) ? undefined : `expected one of ${kind.join(', ')}`;
  const keyIn = (key: string): string | undefined => {
    if (!dataset) return undefined; // the dataset itself is reported on `of`
    // A key may leave out the edition (`source`): it then names the current row (src/data/editions.ts).
    const keys = dataset.rows.map((r) => factKey(r.raw, dataset.meta.primaryKey));
    return dataset.rows.some((r) => hasKey(r.raw, dataset.meta.primaryKey, key))
      ? undefined
      : `dataset "${of}" has no row "${key}" (key columns ${dataset.meta.primaryKey.join('|')}; rows: ${preview(keys)})`;
  };
  switch (kind) {
    case 'dataset':
    case 'figure-dataset': {
      const d = catalog.get(value);
      if (!d) return `there is no dataset "${value}" in data/ (known: ${preview([...catalog.keys()].sort())})`;
      if (
        kind === 'figure-dataset' &&
        !(['value', 'unit'] as const).every((c) => d.meta.columns.some((col) => col.name === c))
      )
        return `dataset "${value}" is not a figure dataset (its rows have no value and unit)`;
      return undefined;
    }
    case 'row':
      return keyIn(value);
    case 'rows': {
      const keys = value.split(';').map((k) => k.trim());
      if (keys.length < 2) return 'name at least two rows to add up, separated by ";"';
      return keys.map(keyIn).find((x) => x !== undefined);
    }
    case 'term':
      return ids(catalog.get('glossary')).includes(value)
        ? undefined
        : `no term "${value}" in data/glossary.csv (known: ${preview(ids(catalog.get('glossary')).sort())})`;
    case 'theme':
      return ids(catalog.get('themes')).includes(value)
        ? undefined
        : `no theme "${value}" in data/themes.csv (known: ${preview(ids(catalog.get('themes')).sort())})`;
    case 'area':
      return ids(catalog.get('areas')).includes(value) ? undefined : `no area "${value}" in data/areas.csv`;
    case 'figure':
      return isFigureId(value)
        ? undefined
        : `no figure "${value}" (a figure is an id in the FIGURES a file in src/figures/ exports)`;
    case 'period': {
      if (!parsePeriod(value))
        return `"${value}" is not a period (a financial year like 2017/18, a quarter like 2017-Q1 or a month span like 2014-02/2015-02)`;
      const ratioOf = props.get('of');
      if (ratioOf?.kind === 'string' && ratioOf.value === 'reoffending-cohort') {
        const area = props.get('area');
        const a = area?.kind === 'string' ? area.value : 'worcestershire';
        return keyIn(`${a}|${value}|cohort-offences`) ?? keyIn(`${a}|${value}|cohort-offenders`);
      }
      return undefined;
    }
    case 'activities': {
      const known = ids(catalog.get('activities'));
      const missing = value
        .split(';')
        .map((x) => x.trim())
        .find((id) => !known.includes(id));
      return missing === undefined ? undefined : `no activity "${missing}" in data/activities.csv`;
    }
    case 'helplines':
      return Object.hasOwn(HELPLINE_SETS, value)
        ? undefined
        : `no such set of helplines (known: ${Object.keys(HELPLINE_SETS).join(', ')})`;
    case 'name':
      return /^[a-z][a-z0-9-]*$/.test(value) ? undefined : 'a kebab-case id';
    default:
      return undefined;
  }
}
