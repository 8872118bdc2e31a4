import { observationSchema } from './observation.ts';

/** `data/reoffending-cohort.csv`: Offenders on the reducing-reoffending cohort and the offences they committed, by quarter. */
export const reoffendingCohortSchema = observationSchema(['count'] as const);
