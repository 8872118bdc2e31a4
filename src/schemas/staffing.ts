import { citedObservationSchema } from './observation.ts';

/** `data/staffing.csv`: Public-health staffing for community safety, in full-time equivalents. */
export const staffingSchema = citedObservationSchema(['fte'] as const);
