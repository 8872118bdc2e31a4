import { citedObservationSchema } from './observation.ts';

/** `data/domestic-abuse.csv`: Domestic abuse incidents and crimes, MARAC cases, protection orders, safeguarding referrals and reviews. */
export const domesticAbuseSchema = citedObservationSchema(['count', 'percent', 'percent-change'] as const);
