import { citedObservationSchema } from './observation.ts';

/** `data/hate-crime.csv`: Hate crime offences and crimed hate incidents by community safety partnership area and financial year. */
export const hateCrimeSchema = citedObservationSchema(['count'] as const);
