/** Vocabularies shared by several dataset schemas: units and status markers. */
import { oneOf } from './columns.ts';

/**
 * Units a value can be in.
 * - `count`: a whole number of things (offences, referrals, cases).
 * - `percent`: a share of a whole, 0 to 100 (8.2 means 8.2%).
 * - `percent-change`: a signed change relative to an earlier value, in percent (11 means +11%).
 * - `gbp`: whole pounds sterling.
 * - `fte`: full-time-equivalent staff.
 */
export const UNITS = ['count', 'percent', 'percent-change', 'gbp', 'fte'] as const;
export type Unit = (typeof UNITS)[number];

/**
 * Status markers: what a reader should know about a value before using it.
 * - `reported`: as printed in the source, no special caveat.
 * - `under-reported`: the source says the true level is likely higher than recorded.
 * - `definition-changed`: the report notes a change in what is counted, which may affect the comparison.
 * - `snapshot`: a count at the time the report was written, not a total over a period.
 * - `period-unclear`: the source does not say exactly which period the figure covers.
 */
export const STATUSES = ['reported', 'under-reported', 'definition-changed', 'snapshot', 'period-unclear'] as const;
export type Status = (typeof STATUSES)[number];

/** Short labels for the markers, shown beside values in tables and charts. */
export const STATUS_LABELS: Record<Status, string> = {
  reported: 'As reported',
  'under-reported': 'Likely under-reported',
  'definition-changed': 'Definition may have changed',
  snapshot: 'Snapshot at time of report',
  'period-unclear': 'Period not stated exactly',
};

export const unit = () => oneOf(UNITS);
export const status = () => oneOf(STATUSES);
