import { citedObservationSchema } from './observation.ts';

/** `data/alcohol-violence.csv`: Violence with injury carrying an alcohol marker, as a share of all violent crime. */
export const alcoholViolenceSchema = citedObservationSchema(['percent'] as const);
