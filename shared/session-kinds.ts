/** What a programme session is: a keynote, a plenary, a parallel paper session, the business programme, a side event. */
export const sessionKinds = ['keynote', 'plenary', 'parallel', 'business', 'side-event'] as const;
export type SessionKind = (typeof sessionKinds)[number];
