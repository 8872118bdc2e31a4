import { observationSchema } from './observation.ts';

/** `data/alcohol-violence.csv`: Violence with injury carrying an alcohol marker, as a share of all violent crime. */
export const alcoholViolenceSchema = observationSchema(['percent'] as const);
