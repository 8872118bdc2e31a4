/**
 * The report's own names for the spending lines of its funding table (lines 399-419 of
 * `data/source/community-safety-overview.txt`): "Staffing", "Alcohol and Substance misuse contract",
 * "Domestic Abuse contract". Groups keep the report's names (docs/data-rules.md); places that name a
 * line inside a sentence lower-case it with `lineName(id, 'mid')`.
 */
export const REPORT_LINE_NAMES: Record<string, string> = {
  staffing: 'Staffing',
  'substance-misuse-contract': 'Alcohol and Substance misuse contract',
  'domestic-abuse-contract': 'Domestic Abuse contract',
};

/** The report's name of a spending line, as a label ("start") or inside a sentence ("mid"). */
export function lineName(id: string, at: 'start' | 'mid' = 'start'): string {
  const name = REPORT_LINE_NAMES[id] ?? id.replace(/-/g, ' ');
  return at === 'mid' ? name.toLowerCase() : name;
}
