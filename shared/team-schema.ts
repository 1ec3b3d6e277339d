import { Type, type Static } from 'typebox';
import { LocalizedText } from './localized-text.ts';

/** A role in one congress; the same list as the database's, spelled out here for the web client. */
export const CongressRole = Type.Union([Type.Literal('owner'), Type.Literal('organiser'), Type.Literal('desk'), Type.Literal('floor')]);
export type CongressRole = Static<typeof CongressRole>;
const Role = CongressRole;
/** Long enough to resist guessing; any characters, spaces included (a passphrase). */
export const minPasswordLength = 12;
const Password = Type.String({ minLength: minPasswordLength, maxLength: 200 });

/** `cookie`: the browser keeps the session in an HttpOnly cookie and gets a CSRF token; `bearer` (the default): the answer holds the token. */
export const SessionHoldingField = Type.Optional(Type.Union([Type.Literal('cookie'), Type.Literal('bearer')]));

export const InvitationBody = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }), role: Role }, { additionalProperties: false });
export type InvitationBody = Static<typeof InvitationBody>;

/** The one-time token is shown to the inviter, who passes the link on. */
/** The invitation made: its one-time token, until when it works, and whether it went out by mail (not without an SMTP server). */
export const InvitationCreated = Type.Object({ id: Type.Integer(), token: Type.String(), expiresAt: Type.String(), mailed: Type.Boolean() });
export type InvitationCreated = Static<typeof InvitationCreated>;

/**
 * A newcomer gives a name and a new password; a person who already has an account (of another congress) gives the
 * password they sign in with, and keeps their name.
 */
export const AcceptInvitationBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 100 }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    session: SessionHoldingField,
  },
  { additionalProperties: false },
);
export type AcceptInvitationBody = Static<typeof AcceptInvitationBody>;

/** "Forgot my password": the address the account signs in with. */
export const PasswordResetRequestBody = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) }, { additionalProperties: false });
export type PasswordResetRequestBody = Static<typeof PasswordResetRequestBody>;

/** The one-time link's token and the new password. */
export const PasswordResetBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }), password: Password }, { additionalProperties: false });
export type PasswordResetBody = Static<typeof PasswordResetBody>;

export const PasswordChangeBody = Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password }, { additionalProperties: false });
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;

/** A member's role in this congress, or whether they may act in it at all. */
export const AccountPatch = Type.Object({ disabled: Type.Optional(Type.Boolean()), role: Type.Optional(Role) }, { additionalProperties: false, minProperties: 1 });
export type AccountPatch = Static<typeof AccountPatch>;

export const TeamList = Type.Object({
  /** The account asking, which cannot disable itself. */
  you: Type.Integer(),
  /** The members of this congress, with their role here. */
  accounts: Type.Array(Type.Object({ id: Type.Integer(), email: Type.String(), displayName: Type.String(), role: Role, createdAt: Type.String(), disabled: Type.Boolean() })),
  invitations: Type.Array(Type.Object({ id: Type.Integer(), email: Type.String(), role: Role, expiresAt: Type.String() })),
});
export type TeamList = Static<typeof TeamList>;

export const SignedInAccount = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  displayName: Type.String(),
  role: Type.Union([Role, Type.Null()]),
  /** For a page signed in by cookie: the token its state-changing requests send in `x-csrf-token`. */
  csrfToken: Type.Optional(Type.String()),
});
export type SignedInAccount = Static<typeof SignedInAccount>;

/** What the one-time link is for, so the join page asks for a new password or for the one the person already has. */
export const InvitationLookupBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export type InvitationLookupBody = Static<typeof InvitationLookupBody>;
export const InvitationDetails = Type.Object({ email: Type.String(), role: Role, congress: LocalizedText, accountExists: Type.Boolean() });
export type InvitationDetails = Static<typeof InvitationDetails>;
