import { Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  AppError,
  ConflictReason,
  DomainEventPublisher,
  OutboxService,
  todayInJapan,
} from '@tsunagu/core';
import { Actor, User } from '@tsunagu/identity';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { ParticipantProfile } from '../participant-profile.entity';
import {
  ConsentSubjectFacts,
  ConsentSubjectKind,
  GuardianConsent,
  GuardianConsentMail,
  GuardianConsentStatus,
  GuardianMailKind,
  GuardianMessageCopyContent,
} from './guardian-consent.entity';
import {
  CONSENT_STATEMENT_VERSION,
  ConsentLocale,
  consentMailContent,
  consentStatement,
  messageCopyMailContent,
  requestMovedMailContent,
} from './guardian-consent-wording';
import { GUARDIAN_CONSENT_ENDED } from './guardian-events';
import { needsGuardianOn } from './minors';

const DAY_MS = 24 * 3600 * 1000;
// How long a consent link works for an answer; a withdrawal after consent works any time.
export const CONSENT_LINK_TTL_MS = 14 * DAY_MS;

export enum GuardianDecision {
  CONSENT = 'CONSENT',
  REFUSE = 'REFUSE',
  WITHDRAW = 'WITHDRAW',
}

export interface ConsentRequestSubject {
  participantId: string;
  subjectKind: ConsentSubjectKind;
  subjectId: string;
  // The day it starts (YYYY-MM-DD): the age that counts is the age then.
  startsOn: string;
  facts: ConsentSubjectFacts;
}

// What the guardian's page shows, found by the link's token.
export interface ConsentRequestView {
  consent: GuardianConsent;
  childName: string;
  expired: boolean;
  statement: string;
}

// One rendered e-mail to a guardian, for the notifications' mailer.
export interface GuardianMailMessage {
  to: string;
  locale: ConsentLocale;
  title: string;
  body: string;
  actionLabel?: string;
  actionUrl?: string;
  messageId: string;
  kind: 'GUARDIAN_CONSENT' | 'GUARDIAN_MESSAGE_COPY' | 'GUARDIAN_REQUEST_MOVED';
}

// A message written to a participant in the thread of one of their engagements.
export interface MessageToChild {
  messageId: string;
  engagementId: string;
  senderOrganization: string;
  body: string;
}

// What a region or intermediary writes to a participant through a scout offer: the offer's own
// message (messageId null) or a later message in the offer's thread. No consent exists yet.
export interface ScoutWordsToChild {
  participantId: string;
  scoutOfferId: string;
  messageId: string | null;
  projectTitle: string;
  senderOrganization: string;
  body: string;
}

// Consents under which the guardian hears of what is written to the child: asked and not
// refused, or given and not withdrawn.
const STANDING: readonly GuardianConsentStatus[] = [
  GuardianConsentStatus.PENDING,
  GuardianConsentStatus.GIVEN,
];

export interface GuardianMailSender {
  readonly enabled: boolean;
  send(message: GuardianMailMessage): Promise<void>;
}

// Guardians' consent for what participants under 18 ask to join: one request per engagement or
// event registration, answered through a link by e-mail (no account). The contexts that own
// engagements and registrations ask for it when a minor applies or registers, check it before a
// place is confirmed, and stop what a guardian refuses (GUARDIAN_CONSENT_ENDED).
@Injectable()
export class GuardianConsents {
  private readonly logger = new Logger(GuardianConsents.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly events: DomainEventPublisher,
    private readonly config: AppConfig,
  ) {}

  // The token is an HMAC of the mail's id under the server secret: the mailer derives it again,
  // and the database keeps only its SHA-256.
  tokenOf(mailId: string): string {
    return createHmac('sha256', this.config.JWT_SECRET)
      .update(`guardian-consent:${mailId}`)
      .digest('base64url');
  }

  hashOf(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  // In the transaction that creates the engagement or registration. Null when the participant is
  // an adult on that day; refuses a minor whose guardian is not named on the profile.
  async requestWithin(
    m: EntityManager,
    subject: ConsentRequestSubject,
  ): Promise<GuardianConsent | null> {
    const profile = await m
      .getRepository(ParticipantProfile)
      .findOneBy({ userId: subject.participantId });
    if (!profile || !needsGuardianOn(profile, subject.startsOn)) return null;
    if (!profile.guardianEmail || !profile.guardianName) {
      throw AppError.conflict(
        ConflictReason.GUARDIAN_DETAILS_NEEDED,
        "Participants under 18 need their guardian's name and e-mail address on their profile first",
      );
    }
    const now = new Date();
    const mailId = randomUUID();
    const consent = m.getRepository(GuardianConsent).create({
      participantId: subject.participantId,
      subjectKind: subject.subjectKind,
      subjectId: subject.subjectId,
      facts: subject.facts,
      status: GuardianConsentStatus.PENDING,
      guardianEmail: profile.guardianEmail,
      tokenHash: this.hashOf(this.tokenOf(mailId)),
      tokenExpiresAt: new Date(now.getTime() + CONSENT_LINK_TTL_MS),
      lastSentAt: now,
      decidedByName: null,
      decidedAt: null,
      statementVersion: null,
      statementText: null,
      withdrawnAt: null,
    });
    await m.insert(GuardianConsent, consent);
    await this.queueMail(m, mailId, consent);
    return consent;
  }

  // Throws GUARDIAN_CONSENT_REQUIRED unless the guardian consented (or none is needed). A plain
  // read, not a lock: a withdrawal committing meanwhile stops the engagement right after, as its
  // subscriber waits for the row this transaction holds.
  async assertConsentedWithin(
    m: EntityManager,
    subjectKind: ConsentSubjectKind,
    subjectId: string,
  ): Promise<void> {
    const consent = await m.getRepository(GuardianConsent).findOneBy({ subjectKind, subjectId });
    if (consent && consent.status !== GuardianConsentStatus.GIVEN) {
      throw AppError.conflict(
        ConflictReason.GUARDIAN_CONSENT_REQUIRED,
        consent.status === GuardianConsentStatus.PENDING
          ? "The participant is under 18: their guardian's consent is still awaited"
          : `The participant's guardian ${consent.status === GuardianConsentStatus.REFUSED ? 'refused' : 'withdrew'} consent`,
      );
    }
  }

  // Batch: the consents of many engagements or registrations, one query.
  async forSubjects(
    subjectKind: ConsentSubjectKind,
    subjectIds: readonly string[],
  ): Promise<GuardianConsent[]> {
    if (subjectIds.length === 0) return [];
    return this.dataSource
      .getRepository(GuardianConsent)
      .findBy({ subjectKind, subjectId: In([...new Set(subjectIds)]) });
  }

  async view(token: string, locale?: ConsentLocale | null): Promise<ConsentRequestView> {
    const consent = await this.dataSource.getRepository(GuardianConsent).findOne({
      where: { tokenHash: this.hashOf(token) },
      relations: { participant: { user: true } },
    });
    if (!consent) throw AppError.notFound('Consent request');
    return this.viewOf(
      consent,
      consent.participant!.guardianName ?? '',
      consent.participant!.user!,
      locale ?? undefined,
    );
  }

  // The guardian's answer through the link. Consent or refusal once, while the link works; a
  // consent can be withdrawn later with the same link. Under the row lock: two answers queue.
  async decide(
    token: string,
    decision: GuardianDecision,
    guardianName: string,
    locale: ConsentLocale,
  ): Promise<ConsentRequestView> {
    const name = guardianName.trim();
    if (!name) throw AppError.invalidField(['input', 'guardianName'], 'is required');
    const id = await this.dataSource.transaction(async (m) => {
      const consent = await m
        .getRepository(GuardianConsent)
        .createQueryBuilder('c')
        .where('c.tokenHash = :hash', { hash: this.hashOf(token) })
        .setLock('pessimistic_write')
        .getOne();
      if (!consent) throw AppError.notFound('Consent request');
      const now = new Date();
      if (decision === GuardianDecision.WITHDRAW) {
        if (consent.status !== GuardianConsentStatus.GIVEN) {
          throw AppError.conflict(
            ConflictReason.WRONG_STATUS,
            'Only a consent given can be withdrawn',
          );
        }
        await m.update(
          GuardianConsent,
          { id: consent.id },
          {
            status: GuardianConsentStatus.WITHDRAWN,
            withdrawnAt: now,
          },
        );
      } else {
        if (consent.status !== GuardianConsentStatus.PENDING) {
          throw AppError.conflict(
            ConflictReason.ALREADY_DONE,
            'This request has been answered already',
          );
        }
        if (consent.tokenExpiresAt.getTime() <= now.getTime()) {
          throw AppError.conflict(
            ConflictReason.EXPIRED,
            'This link has expired: ask for a new one',
          );
        }
        const child = await m.getRepository(User).findOneByOrFail({ id: consent.participantId });
        await m.update(
          GuardianConsent,
          { id: consent.id },
          {
            status:
              decision === GuardianDecision.CONSENT
                ? GuardianConsentStatus.GIVEN
                : GuardianConsentStatus.REFUSED,
            decidedByName: name,
            decidedAt: now,
            statementVersion: CONSENT_STATEMENT_VERSION,
            statementText: consentStatement(locale, {
              childName: child.displayName,
              guardianName: name,
              subjectKind: consent.subjectKind,
              facts: consent.facts,
            }),
          },
        );
      }
      if (decision !== GuardianDecision.CONSENT) {
        await this.events.publish(
          m,
          GUARDIAN_CONSENT_ENDED,
          { consentId: consent.id, subjectKind: consent.subjectKind, subjectId: consent.subjectId },
          [consent.id],
        );
      }
      return consent.id;
    });
    const consent = await this.dataSource
      .getRepository(GuardianConsent)
      .findOneOrFail({ where: { id }, relations: { participant: { user: true } } });
    return this.viewOf(consent, name, consent.participant!.user!, locale);
  }

  // In the transaction that posts a message to the child in their engagement's thread: contact
  // goes through the guardian, so they get a copy by e-mail, once per message, while the
  // participant is under 18 (today, in Japan) and the consent stands.
  async copyMessageWithin(m: EntityManager, message: MessageToChild): Promise<void> {
    const consent = await m.getRepository(GuardianConsent).findOne({
      where: { subjectKind: ConsentSubjectKind.ENGAGEMENT, subjectId: message.engagementId },
      relations: { participant: true },
    });
    if (!consent || !STANDING.includes(consent.status) || !consent.guardianEmail) return;
    if (!needsGuardianOn(consent.participant!, todayInJapan())) return;
    await this.queueNote(m, consent, GuardianMailKind.MESSAGE_COPY, consent.guardianEmail, {
      messageId: message.messageId,
      content: { senderOrganization: message.senderOrganization, body: message.body },
    });
  }

  // In the transaction that sends a scout offer, or posts to its thread: a participant under 18
  // today (in Japan) with a guardian's address on the profile has the guardian sent a copy, once
  // per offer and per message (unique keys).
  async copyScoutWordsWithin(m: EntityManager, words: ScoutWordsToChild): Promise<void> {
    const profile = await m
      .getRepository(ParticipantProfile)
      .findOne({ where: { userId: words.participantId }, relations: { user: true } });
    if (!profile?.guardianEmail || !needsGuardianOn(profile, todayInJapan())) return;
    const mailId = randomUUID();
    const content: GuardianMessageCopyContent = {
      senderOrganization: words.senderOrganization,
      body: words.body,
      projectTitle: words.projectTitle,
    };
    const inserted: unknown[] = await m.query(
      `INSERT INTO guardian_consent_mail
              (id, participant_id, scout_offer_id, to_address, locale, kind, message_id, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        mailId,
        profile.userId,
        words.scoutOfferId,
        profile.guardianEmail,
        profile.user!.locale,
        words.messageId ? GuardianMailKind.MESSAGE_COPY : GuardianMailKind.SCOUT_OFFER_COPY,
        words.messageId,
        JSON.stringify(content),
      ],
    );
    if (inserted.length === 0) return;
    await this.outbox.add(m, 'guardian.mail', { mailId }, `guardian-mail.${mailId}`);
  }

  // The participant asks for the mail again (lost, or the link expired): a new link replaces the
  // old one. The API limits how often (GuardianConsentThrottle), after `assertOwn`: someone
  // else's tries must neither use up the owner's allowance nor tell that the request exists.
  async assertOwn(actor: Actor, consentId: string): Promise<void> {
    const consent = await this.dataSource
      .getRepository(GuardianConsent)
      .findOneBy({ id: consentId, participantId: actor.userId });
    if (!consent) throw AppError.notFound('Consent request', consentId);
  }

  async resend(actor: Actor, consentId: string): Promise<GuardianConsent> {
    return this.dataSource.transaction(async (m) => {
      const consent = await m.getRepository(GuardianConsent).findOne({
        where: { id: consentId },
        lock: { mode: 'pessimistic_write' },
      });
      // Someone else's request is as unknown as a missing one.
      if (!consent || consent.participantId !== actor.userId) {
        throw AppError.notFound('Consent request', consentId);
      }
      if (consent.status !== GuardianConsentStatus.PENDING) {
        throw AppError.conflict(ConflictReason.ALREADY_DONE, 'Your guardian has answered already');
      }
      const profile = await m
        .getRepository(ParticipantProfile)
        .findOneByOrFail({ userId: consent.participantId });
      const now = new Date();
      const mailId = randomUUID();
      const guardianEmail = profile.guardianEmail ?? consent.guardianEmail;
      // The address was corrected on the profile since: the new link replaces the old one (it
      // stops working), and the earlier address is told where the request went.
      if (guardianEmail !== consent.guardianEmail) {
        await this.queueNote(m, consent, GuardianMailKind.REQUEST_MOVED, consent.guardianEmail);
      }
      const changes: Partial<GuardianConsent> = {
        guardianEmail,
        tokenHash: this.hashOf(this.tokenOf(mailId)),
        tokenExpiresAt: new Date(now.getTime() + CONSENT_LINK_TTL_MS),
        lastSentAt: now,
      };
      await m.update(GuardianConsent, { id: consent.id }, changes);
      const updated = { ...consent, ...changes };
      await this.queueMail(m, mailId, updated);
      return updated;
    });
  }

  // Sends one consent mail at most once; a mail whose link was replaced, answered or expired is
  // skipped. Throws on failure so the job retries.
  async deliver(mailId: string, sender: GuardianMailSender): Promise<'sent' | 'skipped'> {
    return this.dataSource.transaction(async (m) => {
      const mail = await m
        .getRepository(GuardianConsentMail)
        .createQueryBuilder('g')
        .where('g.id = :mailId', { mailId })
        .setLock('pessimistic_write')
        .getOne();
      if (!mail || mail.sentAt) return 'skipped';
      if (!mail.consentId) return this.deliverScoutCopy(m, mail, sender);
      const consent = await m
        .getRepository(GuardianConsent)
        .findOne({ where: { id: mail.consentId }, relations: { participant: { user: true } } });
      if (mail.kind !== GuardianMailKind.CONSENT_REQUEST) {
        return this.deliverNote(m, mail, consent, sender);
      }
      const token = this.tokenOf(mail.id);
      if (
        !consent ||
        consent.tokenHash !== this.hashOf(token) ||
        consent.status !== GuardianConsentStatus.PENDING ||
        consent.tokenExpiresAt.getTime() <= Date.now()
      ) {
        return 'skipped';
      }
      if (!sender.enabled) {
        this.logger.warn(`e-mail is switched off: guardian consent mail ${mail.id} not sent`);
        return 'skipped';
      }
      const locale: ConsentLocale = mail.locale === 'en' ? 'en' : 'ja';
      const content = consentMailContent(locale, {
        childName: consent.participant!.user!.displayName,
        guardianName: consent.participant!.guardianName,
        subjectKind: consent.subjectKind,
        facts: consent.facts,
      });
      await sender.send({
        to: mail.toAddress,
        locale,
        ...content,
        actionUrl: new URL(`/consent/${token}`, this.config.APP_URL).toString(),
        messageId: `<guardian-consent-mail.${mail.id}@tsunagu>`,
        kind: 'GUARDIAN_CONSENT',
      });
      await m.update(GuardianConsentMail, { id: mail.id }, { sentAt: new Date() });
      return 'sent';
    });
  }

  // A message copy or a moved-request note. A copy whose consent ended meanwhile is not sent;
  // its words are dropped once sent.
  private async deliverNote(
    m: EntityManager,
    mail: GuardianConsentMail,
    consent: GuardianConsent | null,
    sender: GuardianMailSender,
  ): Promise<'sent' | 'skipped'> {
    const copy = mail.kind === GuardianMailKind.MESSAGE_COPY;
    if (!consent || (copy && (!mail.content || !STANDING.includes(consent.status)))) {
      return 'skipped';
    }
    if (!sender.enabled) {
      this.logger.warn(`e-mail is switched off: guardian mail ${mail.id} not sent`);
      return 'skipped';
    }
    const locale: ConsentLocale = mail.locale === 'en' ? 'en' : 'ja';
    const childName = consent.participant!.user!.displayName;
    const content = copy
      ? messageCopyMailContent(locale, {
          childName,
          guardianName: consent.participant!.guardianName,
          projectTitle: consent.facts.title,
          senderOrganization: mail.content!.senderOrganization,
          body: mail.content!.body,
        })
      : requestMovedMailContent(locale, {
          childName,
          subjectKind: consent.subjectKind,
          facts: consent.facts,
        });
    await sender.send({
      to: mail.toAddress,
      locale,
      ...content,
      messageId: `<guardian-mail.${mail.id}@tsunagu>`,
      kind: copy ? 'GUARDIAN_MESSAGE_COPY' : 'GUARDIAN_REQUEST_MOVED',
    });
    await m.update(GuardianConsentMail, { id: mail.id }, { sentAt: new Date(), content: null });
    return 'sent';
  }

  // A copy of a scout offer or of a message in its thread: sent while the words are kept (the
  // account was not deleted meanwhile), then the words are dropped.
  private async deliverScoutCopy(
    m: EntityManager,
    mail: GuardianConsentMail,
    sender: GuardianMailSender,
  ): Promise<'sent' | 'skipped'> {
    if (!mail.content || !mail.participantId) return 'skipped';
    const profile = await m
      .getRepository(ParticipantProfile)
      .findOne({ where: { userId: mail.participantId }, relations: { user: true } });
    if (!profile) return 'skipped';
    if (!sender.enabled) {
      this.logger.warn(`e-mail is switched off: guardian mail ${mail.id} not sent`);
      return 'skipped';
    }
    const locale: ConsentLocale = mail.locale === 'en' ? 'en' : 'ja';
    const content = messageCopyMailContent(locale, {
      childName: profile.user!.displayName,
      guardianName: profile.guardianName,
      projectTitle: mail.content.projectTitle ?? '',
      senderOrganization: mail.content.senderOrganization,
      body: mail.content.body,
    });
    await sender.send({
      to: mail.toAddress,
      locale,
      ...content,
      messageId: `<guardian-mail.${mail.id}@tsunagu>`,
      kind: 'GUARDIAN_MESSAGE_COPY',
    });
    await m.update(GuardianConsentMail, { id: mail.id }, { sentAt: new Date(), content: null });
    return 'sent';
  }

  // A mail with no link. A message's copy is unique by the message: a second try adds nothing.
  private async queueNote(
    m: EntityManager,
    consent: GuardianConsent,
    kind: GuardianMailKind,
    toAddress: string,
    copy?: Pick<GuardianConsentMail, 'messageId' | 'content'>,
  ): Promise<void> {
    const child = await m.getRepository(User).findOneByOrFail({ id: consent.participantId });
    const mailId = randomUUID();
    const inserted: unknown[] = await m.query(
      `INSERT INTO guardian_consent_mail (id, consent_id, to_address, locale, kind, message_id, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (message_id) WHERE message_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        mailId,
        consent.id,
        toAddress,
        child.locale,
        kind,
        copy?.messageId ?? null,
        copy?.content ? JSON.stringify(copy.content) : null,
      ],
    );
    if (inserted.length === 0) return;
    await this.outbox.add(m, 'guardian.mail', { mailId }, `guardian-mail.${mailId}`);
  }

  private async queueMail(
    m: EntityManager,
    mailId: string,
    consent: GuardianConsent,
  ): Promise<void> {
    const child = await m.getRepository(User).findOneByOrFail({ id: consent.participantId });
    await m.insert(GuardianConsentMail, {
      id: mailId,
      consentId: consent.id,
      toAddress: consent.guardianEmail,
      // The child's language: the guardian reads the page in either.
      locale: child.locale,
      sentAt: null,
    });
    await this.outbox.add(m, 'guardian.mail', { mailId }, `guardian-mail.${mailId}`);
  }

  private viewOf(
    consent: GuardianConsent,
    guardianName: string,
    child: User,
    locale: ConsentLocale = child.locale,
  ): ConsentRequestView {
    return {
      consent,
      childName: child.displayName,
      expired: consent.tokenExpiresAt.getTime() <= Date.now(),
      statement:
        consent.statementText ??
        consentStatement(locale, {
          childName: child.displayName,
          guardianName,
          subjectKind: consent.subjectKind,
          facts: consent.facts,
        }),
    };
  }
}
