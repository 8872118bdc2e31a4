import { citedObservationSchema } from './observation.ts';

/** `data/prevent-channel.csv`: Channel referrals under the Prevent duty, and the share involving autism, learning difficulty or mental health. */
export const preventChannelSchema = citedObservationSchema(['count', 'percent'] as const);
