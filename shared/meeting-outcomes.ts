/** What an export-consultation meeting can lead to, in order of how far it went. */
export const meetingOutcomes = ['none', 'follow-up', 'in-progress', 'signed'] as const;
export type MeetingOutcome = (typeof meetingOutcomes)[number];
