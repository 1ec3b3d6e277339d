/** Why the server closed a live connection (4000–4999 are the application's own WebSocket close codes). */
export const liveCloseCodes = {
  /** The session ended: signed out, password changed, account disabled, delegate erased or cancelled. Reconnecting would not help. */
  sessionEnded: 4401,
  /** Nothing authenticated the socket in time. */
  authTimeout: 4408,
} as const;
