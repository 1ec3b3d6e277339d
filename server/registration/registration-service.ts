import { and, desc, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { auditLog, delegateCategories, delegates, outboxMessages } from '../../db/schema/index.ts';
import type { DelegateStatus } from '../../shared/delegate-status.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import type { Registration, RegistrationBody, RegistrationCreated, RegistrationUpdateBody } from '../../shared/registration-schema.ts';
import type { CategoryPatch } from '../../shared/category-schema.ts';
import type { AuditEntry } from '../database/audit.ts';
import { nowIso, withTransaction, type Transaction } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { checkCountryAndLanguages, checkOneLineTexts } from '../http/reference-checks.ts';
import { delegateToken, hashToken, newSecret } from '../auth/tokens.ts';
import type { CategoryRow, DelegateRow, NewDelegate, RegistrationStatements, RegistrationStore } from './registration-store.ts';
import { personalFeedPath } from '../calendar/feed-address.ts';
import { queueRegistrationMessage } from './registration-messages.ts';
import { withdrawVisaLetter } from '../visa-letters/visa-letter-service.ts';
import { settlePlaces, type PlacesGiven } from '../programme/side-event-places.ts';
import { fillFreeSeatsFor } from '../tours/tour-seats.ts';
import { spendChallenge, type SolvedChallenge } from '../abuse/registration-challenge.ts';
import { openAnswer, sealAnswer, storedIdempotencyKey } from './idempotent-answer.ts';

/** A delegate whose status a call changed; announced on the live channel once the change is committed. */
export interface StatusChange {
  delegateId: number;
  status: DelegateStatus;
  /** Places at sessions the change handed to delegates waiting (an approval's, or one freed). */
  placesGiven?: PlacesGiven[];
  /** Delegates the change seated on a tour from its waiting list. */
  seatsGiven?: number[];
}

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

/** recordAudit through a prepared statement (registration is the hot path), inside the caller's transaction. */
function audit(store: RegistrationStore, actor: Actor, action: string, entity: 'delegate' | 'category', entityId: number, data: AuditEntry['data'] = null) {
  store.statements.insertAudit.run({ at: nowIso(), congressId: store.congressId, actorId: null, ...actor, action, entity, entityId, data });
}

const trimmed = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

/** Free-text fields as stored: trimmed, and empty text stored as "not given". Scripts and accents are kept as typed. */
function normaliseFields(input: RegistrationUpdateBody) {
  checkOneLineTexts(input, ['givenName', 'familyName', 'latinName', 'organisation', 'jobTitle']);
  const fields: Partial<typeof delegates.$inferInsert> = {};
  if (input.givenName !== undefined) fields.givenName = input.givenName.trim();
  if (input.familyName !== undefined) fields.familyName = input.familyName.trim();
  if (input.email !== undefined) {
    fields.email = input.email.trim();
    fields.emailKey = fields.email.toLowerCase();
  }
  if (input.country !== undefined) fields.country = input.country;
  if (input.languages !== undefined) fields.languages = input.languages;
  for (const key of ['latinName', 'organisation', 'jobTitle', 'phone', 'dietary', 'accessibility'] as const) {
    if (input[key] !== undefined) fields[key] = trimmed(input[key]);
  }
  return fields;
}

function statusOnArrival(store: RegistrationStore, category: CategoryRow): DelegateStatus {
  if (category.capacity !== null) {
    const { held } = store.statements.placesHeld.get({ categoryId: category.id })!;
    if (held >= category.capacity) return 'waitlisted';
  }
  return category.requiresApproval ? 'pending' : 'confirmed';
}

function assertEmailFree(store: RegistrationStore, emailKey: string, exceptDelegateId?: number) {
  const holder = store.statements.delegateIdByEmail.get({ congressId: store.congressId, emailKey });
  if (holder && holder.id !== exceptDelegateId) throw new ApiFailure(409, 'email', 'emailTaken');
}

/** Retries come within minutes; after a day the stored answer (which holds the personal token) is deleted. */
export const idempotencyLifetimeMs = 24 * 60 * 60 * 1000;

export function forgetOldIdempotencyKeys(statements: RegistrationStatements, now = Date.now()): number {
  return statements.deleteIdempotencyBefore.run({ before: new Date(now - idempotencyLifetimeMs).toISOString() }).changes;
}

/** Where a public registration came from: the client's address, and the proof of work it solved when asked. */
export interface RegistrationSource {
  address: string | null;
  challenge?: SolvedChallenge | undefined;
}

export interface RegistrationOutcome {
  statusCode: number;
  body: RegistrationCreated;
  changes: StatusChange[];
}

/**
 * Registers a delegate. The place check and the insert share one IMMEDIATE transaction, so the last place
 * of a category goes to exactly one registration even when several server processes share the database.
 */
export function register(
  store: RegistrationStore,
  { challenge: _proofOfWork, ...input }: RegistrationBody,
  uiLanguage: UiLanguage,
  source: RegistrationSource = { address: null },
  /** The request's `Idempotency-Key`: a retry with it gets the first answer. */
  idempotencyKey?: string,
): RegistrationOutcome {
  checkCountryAndLanguages(input);
  // The congress is part of what the key stands for: the same key sent to another edition is another request.
  // A retry solves a new proof of work, so the proof is not part of it.
  const requestHash = idempotencyKey !== undefined ? createHash('sha256').update(JSON.stringify([store.congressId, input])).digest('base64url') : '';
  const secret = newSecret();
  return withTransaction(store.db, () => {
    if (idempotencyKey !== undefined) {
      const earlier = store.statements.idempotencyByKey.get({ key: storedIdempotencyKey(idempotencyKey) });
      if (earlier) {
        if (earlier.requestHash !== requestHash) throw new ApiFailure(422, 'Idempotency-Key', 'idempotencyMismatch');
        return { statusCode: earlier.statusCode, body: openAnswer(idempotencyKey, earlier.response as RegistrationCreated), changes: [] };
      }
    }
    const congress = store.statements.registrationOpen.get({ congressId: store.congressId });
    if (!congress?.open || congress.archivedAt) throw new ApiFailure(409, 'congress', 'registrationNotOpen');
    if (source.challenge) spendChallenge(store.db, source.challenge);
    const category = store.statements.categoryByCode.get({ congressId: store.congressId, code: input.category });
    if (!category) throw new ApiFailure(400, 'category', 'unknownCategory');
    const fields = normaliseFields(input);
    assertEmailFree(store, fields.emailKey!);
    const status = statusOnArrival(store, category);
    const at = nowIso();
    const row: NewDelegate = {
      givenName: fields.givenName!,
      familyName: fields.familyName!,
      latinName: fields.latinName ?? null,
      email: fields.email!,
      emailKey: fields.emailKey!,
      country: fields.country!,
      languages: fields.languages!,
      organisation: fields.organisation ?? null,
      jobTitle: fields.jobTitle ?? null,
      phone: fields.phone ?? null,
      dietary: fields.dietary ?? null,
      accessibility: fields.accessibility ?? null,
      congressId: store.congressId,
      categoryId: category.id,
      status,
      uiLanguage,
      tokenHash: hashToken(secret),
      createdAt: at,
      updatedAt: at,
      registeredFrom: source.address,
    };
    const { id } = store.statements.insertDelegate.get(row)!;
    audit(store, { actorType: 'delegate', actorId: id }, 'delegate.register', 'delegate', id, { category: category.code, status });
    const body: RegistrationCreated = { id, token: delegateToken(id, secret), status, calendarUrl: personalFeedPath(congress.slug, id, row.tokenHash) };
    queueRegistrationMessage(store, { id, ...row, erasedAt: null }, status, { token: body.token });
    if (idempotencyKey !== undefined) {
      store.statements.insertIdempotency.run({
        key: storedIdempotencyKey(idempotencyKey),
        requestHash,
        statusCode: 201,
        response: sealAnswer(idempotencyKey, body),
        createdAt: at,
      });
    }
    return { statusCode: 201, body, changes: [{ delegateId: id, status }] };
  });
}

function delegateOrFail(store: RegistrationStore, delegateId: number): DelegateRow {
  const delegate = store.statements.delegateById.get({ id: delegateId });
  if (!delegate || delegate.congressId !== store.congressId) throw new ApiFailure(404, 'id', 'notFound');
  return delegate;
}

/** The registration as its owner and organisers see it. */
export function describeRegistration(store: RegistrationStore, delegate: DelegateRow): Registration {
  const category = store.statements.categoryById.get({ id: delegate.categoryId })!;
  const waitlistPosition =
    delegate.status === 'waitlisted' ? store.statements.waitlistedAhead.get({ categoryId: delegate.categoryId, id: delegate.id })!.ahead + 1 : null;
  return {
    id: delegate.id,
    givenName: delegate.givenName,
    familyName: delegate.familyName,
    latinName: delegate.latinName,
    email: delegate.email,
    country: delegate.country,
    category: category.code,
    organisation: delegate.organisation,
    jobTitle: delegate.jobTitle,
    languages: delegate.languages,
    phone: delegate.phone,
    dietary: delegate.dietary,
    accessibility: delegate.accessibility,
    status: delegate.status,
    waitlistPosition,
    createdAt: delegate.createdAt,
    updatedAt: delegate.updatedAt,
    calendarUrl: personalFeedPath(store.statements.congressSlug.get({ congressId: store.congressId })!.slug, delegate.id, delegate.tokenHash),
  };
}

export function getRegistration(store: RegistrationStore, delegateId: number): Registration {
  return describeRegistration(store, delegateOrFail(store, delegateId));
}

const closedStatuses: readonly DelegateStatus[] = ['cancelled', 'declined'];

/** A delegate edits their own registration; cancelled and declined ones are closed. */
export function updateRegistration(store: RegistrationStore, delegateId: number, input: RegistrationUpdateBody): Registration {
  checkCountryAndLanguages(input);
  return withTransaction(store.db, (tx) => {
    const delegate = delegateOrFail(store, delegateId);
    if (closedStatuses.includes(delegate.status)) throw new ApiFailure(409, 'status', 'registrationClosed');
    const fields = normaliseFields(input);
    if (fields.emailKey !== undefined) assertEmailFree(store, fields.emailKey, delegateId);
    tx.update(delegates).set({ ...fields, updatedAt: nowIso() }).where(eq(delegates.id, delegateId)).run();
    audit(store, { actorType: 'delegate', actorId: delegateId }, 'delegate.update', 'delegate', delegateId, { fields: Object.keys(input) });
    return getRegistration(store, delegateId);
  });
}

/**
 * Status changes settle the delegates' places at sessions with a capacity, and an approval the tours they queue
 * for, in the same transaction; who got a place or a seat is told once it is committed.
 */
function settled(tx: Transaction, changes: StatusChange[]): StatusChange[] {
  for (const change of changes) {
    const places = settlePlaces(tx, change.delegateId, change.status);
    if (places.length > 0) change.placesGiven = places;
    const seats = change.status === 'confirmed' ? fillFreeSeatsFor(tx, change.delegateId) : [];
    if (seats.length > 0) change.seatsGiven = seats;
  }
  return changes;
}

/** Moves waitlisted delegates of the category, first come first served, into the places now free. */
function promoteWaitlist(store: RegistrationStore, tx: Transaction, category: CategoryRow): StatusChange[] {
  const changes: StatusChange[] = [];
  const promotedStatus: DelegateStatus = category.requiresApproval ? 'pending' : 'confirmed';
  for (;;) {
    if (category.capacity !== null && store.statements.placesHeld.get({ categoryId: category.id })!.held >= category.capacity) break;
    const next = store.statements.firstWaitlisted.get({ categoryId: category.id });
    if (!next) break;
    tx.update(delegates).set({ status: promotedStatus, updatedAt: nowIso() }).where(eq(delegates.id, next.id)).run();
    audit(store, { actorType: 'system', actorId: null }, 'delegate.promote', 'delegate', next.id, { status: promotedStatus });
    queueRegistrationMessage(store, store.statements.delegateById.get({ id: next.id })!, promotedStatus === 'confirmed' ? 'promoted' : 'promotedPending');
    changes.push({ delegateId: next.id, status: promotedStatus });
  }
  return changes;
}

function closeRegistration(store: RegistrationStore, delegateId: number, status: 'cancelled' | 'declined', actor: Actor, allowedFrom: readonly DelegateStatus[]) {
  return withTransaction(store.db, (tx) => {
    const delegate = delegateOrFail(store, delegateId);
    if (!allowedFrom.includes(delegate.status)) throw new ApiFailure(409, 'status', status === 'cancelled' ? 'registrationClosed' : 'notPending', { status: delegate.status });
    tx.update(delegates).set({ status, updatedAt: nowIso() }).where(eq(delegates.id, delegateId)).run();
    audit(store, actor, status === 'cancelled' ? 'delegate.cancel' : 'delegate.decline', 'delegate', delegateId, { from: delegate.status });
    queueRegistrationMessage(store, { ...delegate, status }, status);
    withdrawVisaLetter(tx, store.congressId, delegateId, actor);
    const category = store.statements.categoryById.get({ id: delegate.categoryId })!;
    return settled(tx, [{ delegateId, status }, ...promoteWaitlist(store, tx, category)]);
  });
}

/** The delegate cancels: their place goes to the first on the category's waiting list. */
export function cancelRegistration(store: RegistrationStore, delegateId: number): StatusChange[] {
  return closeRegistration(store, delegateId, 'cancelled', { actorType: 'delegate', actorId: delegateId }, ['confirmed', 'pending', 'waitlisted']);
}

/** An organiser cancels a registration (one of a burst, say); its place goes to those waiting as the delegate's own cancellation would. */
export function cancelByOrganiser(store: RegistrationStore, delegateId: number, accountId: number): StatusChange[] {
  return closeRegistration(store, delegateId, 'cancelled', { actorType: 'account', actorId: accountId }, ['confirmed', 'pending', 'waitlisted']);
}

export function declineDelegate(store: RegistrationStore, delegateId: number, accountId: number): StatusChange[] {
  return closeRegistration(store, delegateId, 'declined', { actorType: 'account', actorId: accountId }, ['pending']);
}

/** How long after an approval the organiser can take it back; the approval message waits that long before it goes. */
export const approvalUndoSeconds = 15;

export function approveDelegate(store: RegistrationStore, delegateId: number, accountId: number): StatusChange[] {
  return withTransaction(store.db, (tx) => {
    const delegate = delegateOrFail(store, delegateId);
    if (delegate.status !== 'pending') throw new ApiFailure(409, 'status', 'notPending', { status: delegate.status });
    const at = new Date();
    tx.update(delegates).set({ status: 'confirmed', updatedAt: at.toISOString() }).where(eq(delegates.id, delegateId)).run();
    audit(store, { actorType: 'account', actorId: accountId }, 'delegate.approve', 'delegate', delegateId);
    queueRegistrationMessage(store, { ...delegate, status: 'confirmed' }, 'approved', { holdUntil: new Date(at.getTime() + approvalUndoSeconds * 1000).toISOString() });
    return settled(tx, [{ delegateId, status: 'confirmed' }]);
  });
}

/**
 * Takes back an approval made in the last few seconds: the delegate is pending again and the approval message, still
 * held, is withdrawn unsent. Later, or once anything else happened to the registration, it is refused.
 */
export function undoApproval(store: RegistrationStore, delegateId: number, accountId: number): StatusChange[] {
  return withTransaction(store.db, (tx) => {
    const delegate = delegateOrFail(store, delegateId);
    const last = tx
      .select({ action: auditLog.action, at: auditLog.at })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'delegate'), eq(auditLog.entityId, delegateId)))
      .orderBy(desc(auditLog.id))
      .limit(1)
      .get();
    const since = new Date(Date.now() - approvalUndoSeconds * 1000).toISOString();
    if (delegate.status !== 'confirmed' || last?.action !== 'delegate.approve' || last.at < since) throw new ApiFailure(409, 'status', 'undoExpired');
    tx.delete(outboxMessages)
      .where(and(eq(outboxMessages.delegateId, delegateId), eq(outboxMessages.kind, 'registration.approved'), eq(outboxMessages.status, 'queued'), eq(outboxMessages.attempts, 0)))
      .run();
    tx.update(delegates).set({ status: 'pending', updatedAt: nowIso() }).where(eq(delegates.id, delegateId)).run();
    audit(store, { actorType: 'account', actorId: accountId }, 'delegate.approveUndo', 'delegate', delegateId);
    return settled(tx, [{ delegateId, status: 'pending' }]);
  });
}

/** Sets how many places a category has (null: unlimited); places that open go to its waiting list. */
/**
 * Changes a category's name, capacity or approval; places a larger capacity opens go to its waiting list at once.
 * Answers the category as changed and who moved up.
 */
export function updateCategory(store: RegistrationStore, code: string, patch: CategoryPatch, accountId: number): { category: CategoryRow; changes: StatusChange[] } {
  return withTransaction(store.db, (tx) => {
    const category = store.statements.categoryByCode.get({ congressId: store.congressId, code });
    if (!category) throw new ApiFailure(404, 'category', 'unknownCategory');
    const changed = { ...category, ...patch };
    tx.update(delegateCategories).set(patch).where(eq(delegateCategories.id, category.id)).run();
    if (patch.capacity !== undefined) {
      audit(store, { actorType: 'account', actorId: accountId }, 'category.capacity', 'category', category.id, { from: category.capacity, to: patch.capacity });
    }
    if (patch.name !== undefined || patch.requiresApproval !== undefined) {
      audit(store, { actorType: 'account', actorId: accountId }, 'category.update', 'category', category.id, { fields: Object.keys(patch).filter((key) => key !== 'capacity') });
    }
    return { category: changed, changes: settled(tx, patch.capacity !== undefined ? promoteWaitlist(store, tx, changed) : []) };
  });
}

/** At most this many "send my link again" messages go to one address in an hour, however often it is asked. */
export const linkMessagesPerHour = 3;

/**
 * Sends a registered address a fresh personal link: the token is replaced, so earlier links (and the calendar address
 * that came with them) stop working. An address with no registration, or one that had its links this hour, gets
 * nothing; the caller answers the same either way.
 */
export function sendLinkAgain(store: RegistrationStore, email: string): void {
  const emailKey = email.trim().toLowerCase();
  withTransaction(store.db, () => {
    const delegate = store.statements.delegateByEmail.get({ congressId: store.congressId, emailKey });
    if (!delegate) return;
    const since = new Date(Date.now() - 60 * 60_000).toISOString();
    if (store.statements.messagesSince.get({ to: delegate.email, kind: 'link', since })!.n >= linkMessagesPerHour) return;
    const secret = newSecret();
    const tokenHash = hashToken(secret);
    store.statements.replaceToken.run({ id: delegate.id, tokenHash, at: nowIso() });
    audit(store, { actorType: 'delegate', actorId: delegate.id }, 'delegate.link', 'delegate', delegate.id);
    queueRegistrationMessage(store, { ...delegate, tokenHash }, 'link', { token: delegateToken(delegate.id, secret) });
  });
}
