import { CONSENT_STATEMENT_VERSION } from './guardian-consent-wording';
import type { GuardianConsent } from './guardian-consent.entity';
import type { ConsentRequestView } from './guardian-consents.service';
import type { GuardianConsentRequestType, GuardianConsentType } from './guardian-consent.types';

export function toGuardianConsentType(c: GuardianConsent): GuardianConsentType {
  return {
    id: c.id,
    subjectKind: c.subjectKind,
    status: c.status,
    lastSentAt: c.lastSentAt,
    linkExpiresAt: c.tokenExpiresAt,
    decidedByName: c.decidedByName,
    decidedAt: c.decidedAt,
    withdrawnAt: c.withdrawnAt,
  };
}

export function toGuardianConsentRequestType(v: ConsentRequestView): GuardianConsentRequestType {
  const { consent } = v;
  return {
    subjectKind: consent.subjectKind,
    status: consent.status,
    childName: v.childName,
    title: consent.facts.title,
    regionName: consent.facts.regionName,
    startsOn: consent.facts.startsOn,
    endsOn: consent.facts.endsOn,
    supervisorNames: consent.facts.supervisorNames,
    contactName: consent.facts.contactName,
    expired: v.expired,
    statement: v.statement,
    statementVersion: consent.statementVersion ?? CONSENT_STATEMENT_VERSION,
    decidedByName: consent.decidedByName,
    decidedAt: consent.decidedAt,
  };
}
