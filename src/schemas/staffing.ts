import { observationSchema } from './observation.ts';

/** `data/staffing.csv`: Public-health staffing for community safety, in full-time equivalents. */
export const staffingSchema = observationSchema(['fte'] as const);
