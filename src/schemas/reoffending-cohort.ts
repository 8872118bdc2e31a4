import { citedObservationSchema } from './observation.ts';

/** `data/reoffending-cohort.csv`: Offenders on the reducing-reoffending cohort and the offences they committed, by quarter. */
export const reoffendingCohortSchema = citedObservationSchema(['count'] as const);
