/**
 * Stated claims: the report's own derived figures (a % change, a difference, a direction, a rounded
 * restatement) recomputed from the base rows. A claim that disagrees beyond its stated rounding fails
 * the build; pages mark claims that pass as "checked".
 */
import type { ClaimRow } from '../schemas/claims.ts';
import { EDITION_COLUMN, hasKey, type Catalog, type LoadedDataset } from './catalog.ts';
import { describeCell, type Problem } from './problems.ts';

export interface ClaimResult {
  claim: ClaimRow;
  /** The recomputed figure (undefined when a row it needs is missing). */
  computed: number | undefined;
  /** The base values used: [baseline, subject], or [subject] for `equals`. */
  inputs: number[];
  ok: boolean;
}

/** The value of the row with a key, in the claim's own source (a claim compares rows of the edition that states it). */
function findValue(dataset: LoadedDataset, key: string, source: string | undefined): number | undefined {
  const row = dataset.rows.find((r) => hasKey(r.raw, dataset.meta.primaryKey, key) && (source === undefined || (r.raw[EDITION_COLUMN] ?? source) === source));
  return row ? (row.value as { value: number }).value : undefined;
}

/** Recompute a claim from its inputs. Exported for tests. */
export function recompute(kind: ClaimRow['kind'], subject: number, baseline: number | undefined): number {
  switch (kind) {
    case 'percent-change':
      return ((subject - (baseline ?? NaN)) / (baseline ?? NaN)) * 100;
    case 'difference':
    case 'direction':
      return subject - (baseline ?? NaN);
    case 'equals':
      return subject;
  }
}

/** Whether a stated figure agrees with the recomputed one, given the printed precision. */
export function agrees(claim: Pick<ClaimRow, 'kind' | 'stated_value' | 'stated_direction' | 'rounding'>, computed: number): boolean {
  const tolerance = (claim.rounding ?? 0) / 2 + 1e-9;
  const valueOk = claim.kind === 'direction' || (claim.stated_value !== undefined && Math.abs(computed - claim.stated_value) <= tolerance);
  const directionOk = claim.stated_direction === undefined || (claim.stated_direction === 'increase' ? computed > 0 : computed < 0) || claim.kind === 'equals';
  return valueOk && directionOk;
}

/**
 * Recompute every claim. A claim on a dataset in `incomplete` (one that lost rows to problems) is not
 * checked, and one note per such dataset says so: a missing row is the other problem's consequence.
 */
export function checkClaims(catalog: Catalog, incomplete: ReadonlySet<string> = new Set()): { results: ClaimResult[]; problems: Problem[] } {
  const claims = catalog.get('claims');
  const problems: Problem[] = [];
  const results: ClaimResult[] = [];
  if (!claims) return { results, problems };
  const skippedFor = new Set<string>();
  const names = claims.meta.columns.map((c) => c.name);
  for (const row of claims.rows) {
    const claim = row.value as unknown as ClaimRow;
    const at = (column: string) => ({ file: claims.path, line: row.line, column, columnNumber: names.indexOf(column) + 1 });
    if (incomplete.has(claim.dataset)) {
      if (!skippedFor.has(claim.dataset)) problems.push({ file: claims.path, expected: '', note: `claims on ${claim.dataset} not checked: ${claim.dataset} has problems listed above (fix those first)` });
      skippedFor.add(claim.dataset);
      results.push({ claim, computed: undefined, inputs: [], ok: false });
      continue;
    }
    const dataset = catalog.get(claim.dataset);
    if (!dataset) {
      problems.push({ ...at('dataset'), expected: 'the id of a loaded dataset', found: describeCell(claim.dataset) });
      continue;
    }
    const source = row.raw[EDITION_COLUMN];
    const subject = findValue(dataset, claim.subject, source);
    const baseline = claim.baseline === undefined ? undefined : findValue(dataset, claim.baseline, source);
    if (subject === undefined) problems.push({ ...at('subject'), expected: `the key of a row in ${claim.dataset} (${dataset.meta.primaryKey.filter((k) => k !== EDITION_COLUMN).join('|')}) from the claim's source`, found: describeCell(claim.subject) });
    if (claim.baseline !== undefined && baseline === undefined)
      problems.push({ ...at('baseline'), expected: `the key of a row in ${claim.dataset} (${dataset.meta.primaryKey.filter((k) => k !== EDITION_COLUMN).join('|')}) from the claim's source`, found: describeCell(claim.baseline) });
    if (subject === undefined || (claim.baseline !== undefined && baseline === undefined)) {
      results.push({ claim, computed: undefined, inputs: [], ok: false });
      continue;
    }
    const computed = recompute(claim.kind, subject, baseline);
    const ok = agrees(claim, computed);
    results.push({ claim, computed, inputs: baseline === undefined ? [subject] : [baseline, subject], ok });
    if (!ok) {
      const from = baseline === undefined ? `${subject}` : `${baseline} to ${subject}`;
      const stated = claim.kind === 'direction' ? (claim.stated_direction ?? '') : `${claim.stated_value}${claim.stated_direction ? ` (${claim.stated_direction})` : ''}`;
      problems.push({
        ...at(claim.kind === 'direction' ? 'stated_direction' : 'stated_value'),
        expected: `a figure that agrees with the recomputed ${claim.kind} ${Number(computed.toFixed(4))} (from ${from})${claim.rounding ? ` within ±${claim.rounding / 2}` : ''}`,
        found: JSON.stringify(stated),
      });
    }
  }
  return { results, problems };
}
