import { defineEvent } from '@tsunagu/core';
import { ConsentSubjectKind } from './guardian-consent.entity';

// A guardian refused or withdrew consent: the engagement or registration it was for stops (the
// context that owns it listens, in the same transaction).
export const GUARDIAN_CONSENT_ENDED = defineEvent<{
  consentId: string;
  subjectKind: ConsentSubjectKind;
  subjectId: string;
}>()('GUARDIAN_CONSENT_ENDED');
