/**
 * Support contacts shown on the domestic abuse and child exploitation pages. These are UK contact
 * numbers, not figures from the report, so they live here (typed, reviewed) rather than in content/,
 * which must contain no typed numbers at all. Check them against each service's own website before
 * changing them.
 */

export interface Helpline {
  id: string;
  name: string;
  /** The number as it is usually written. */
  number: string;
  /** The number for a `tel:` link (E.164). */
  tel: string;
  /** Who it is for and what it costs, in one or two short sentences. */
  description: string;
}

export const HELPLINES: Record<string, Helpline> = {
  emergency: {
    id: 'emergency',
    name: 'Police, in an emergency',
    number: '999',
    tel: '999',
    description:
      'Call if you or someone else is in danger now. If you cannot speak, stay on the line and listen to the operator; on a mobile, press 55 when asked and your call will be put through to the police.',
  },
  'domestic-abuse-helpline': {
    id: 'domestic-abuse-helpline',
    name: 'National Domestic Abuse Helpline',
    number: '0808 2000 247',
    tel: '+448082000247',
    description:
      'Free and confidential, open 24 hours a day, every day. Run by Refuge. For anyone experiencing domestic abuse, and for friends, family and professionals.',
  },
  'police-non-emergency': {
    id: 'police-non-emergency',
    name: 'Police, when it is not an emergency',
    number: '101',
    tel: '101',
    description: 'To report a crime or get advice when no one is in immediate danger.',
  },
  nspcc: {
    id: 'nspcc',
    name: 'NSPCC helpline',
    number: '0808 800 5000',
    tel: '+448088005000',
    description: 'Free advice for adults who are worried about a child, including worries about exploitation.',
  },
  childline: {
    id: 'childline',
    name: 'Childline',
    number: '0800 1111',
    tel: '+448001111',
    description: 'Free and confidential help for children and young people, about anything that is worrying them.',
  },
};

/** Which contacts each sensitive theme shows, most urgent first. */
export const HELPLINE_SETS = {
  'domestic-abuse': ['emergency', 'domestic-abuse-helpline', 'police-non-emergency'],
  'child-exploitation': ['emergency', 'childline', 'nspcc', 'police-non-emergency'],
} as const satisfies Record<string, readonly (keyof typeof HELPLINES)[]>;

export type HelplineSet = keyof typeof HELPLINE_SETS;
