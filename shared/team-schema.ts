import { Type, type Static } from 'typebox';

const Role = Type.Union([Type.Literal('organiser'), Type.Literal('staff')]);
/** Long enough to resist guessing; any characters, spaces included (a passphrase). */
const Password = Type.String({ minLength: 12, maxLength: 200 });

export const InvitationBody = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }), role: Role }, { additionalProperties: false });
export type InvitationBody = Static<typeof InvitationBody>;

/** The one-time token is shown to the inviter, who passes the link on. */
export const InvitationCreated = Type.Object({ id: Type.Integer(), token: Type.String(), expiresAt: Type.String() });
export type InvitationCreated = Static<typeof InvitationCreated>;

export const AcceptInvitationBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 100 }), displayName: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }), password: Password },
  { additionalProperties: false },
);
export type AcceptInvitationBody = Static<typeof AcceptInvitationBody>;

export const PasswordChangeBody = Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password }, { additionalProperties: false });
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;

export const AccountPatch = Type.Object({ disabled: Type.Boolean() }, { additionalProperties: false });
export type AccountPatch = Static<typeof AccountPatch>;

export const TeamList = Type.Object({
  /** The account asking, which cannot disable itself. */
  you: Type.Integer(),
  accounts: Type.Array(Type.Object({ id: Type.Integer(), email: Type.String(), displayName: Type.String(), role: Type.String(), createdAt: Type.String(), disabled: Type.Boolean() })),
  invitations: Type.Array(Type.Object({ id: Type.Integer(), email: Type.String(), role: Type.String(), expiresAt: Type.String() })),
});
export type TeamList = Static<typeof TeamList>;
