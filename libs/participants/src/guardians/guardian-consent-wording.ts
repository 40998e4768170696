import type { ConsentSubjectFacts } from './guardian-consent.entity';
import { ConsentSubjectKind } from './guardian-consent.entity';

export type ConsentLocale = 'ja' | 'en';

// The version of the words a guardian agrees to. A change to consentStatement below takes a new
// version, so every recorded consent says which words were shown (2026-12-b: the copies of
// messages to the child, for projects).
export const CONSENT_STATEMENT_VERSION = '2026-12-b';

interface StatementFacts {
  childName: string;
  guardianName: string;
  subjectKind: ConsentSubjectKind;
  facts: ConsentSubjectFacts;
}

const WHAT: Record<ConsentLocale, Record<ConsentSubjectKind, string>> = {
  ja: {
    [ConsentSubjectKind.ENGAGEMENT]: 'プロジェクト',
    [ConsentSubjectKind.EVENT_REGISTRATION]: 'イベント',
  },
  en: {
    [ConsentSubjectKind.ENGAGEMENT]: 'project',
    [ConsentSubjectKind.EVENT_REGISTRATION]: 'event',
  },
};

// The words the guardian agrees to, rendered the same on the page and in the record.
export function consentStatement(locale: ConsentLocale, s: StatementFacts): string {
  const what = WHAT[locale][s.subjectKind];
  const region = s.facts.regionName ?? '';
  const copies = s.subjectKind === ConsentSubjectKind.ENGAGEMENT;
  if (locale === 'en') {
    return `I, ${s.guardianName}, am the guardian of ${s.childName} and agree that they take part in the ${what} "${s.facts.title}"${region ? ` with ${region}` : ''}.${copies ? ` I understand that a copy of every message the region or the supervising intermediaries write to ${s.childName} about it is sent to my e-mail address.` : ''} I understand that I can withdraw this consent at any time with the same link.`;
  }
  return `私（${s.guardianName}）は ${s.childName} さんの保護者として、${region ? `${region}の` : ''}${what}「${s.facts.title}」への参加に同意します。${copies ? `地域や見守る中間支援団体が ${s.childName} さんに送るメッセージの写しが、私のメールアドレスに届くことを理解しています。` : ''}同じリンクからいつでも同意を取り消せることを理解しています。`;
}

export interface ConsentMailContent {
  title: string;
  body: string;
  actionLabel: string;
}

export function consentMailContent(
  locale: ConsentLocale,
  m: {
    childName: string;
    guardianName: string | null;
    subjectKind: ConsentSubjectKind;
    facts: ConsentSubjectFacts;
  },
): ConsentMailContent {
  const what = WHAT[locale][m.subjectKind];
  if (locale === 'en') {
    return {
      title: `${m.childName} asks for your consent`,
      body: `Hello${m.guardianName ? ` ${m.guardianName}` : ''},\n\n${m.childName} would like to take part in the ${what} "${m.facts.title}"${m.facts.regionName ? ` with ${m.facts.regionName}` : ''} on Tsunagu. As they are under 18, they need your consent.\n\nThe page below shows what they asked to join, the dates and who supervises it. You can consent or refuse there, without an account. The link works for 14 days.\n\nIf you do not know ${m.childName}, you can ignore this e-mail.`,
      actionLabel: 'See the request and answer',
    };
  }
  return {
    title: `${m.childName} さんの参加について保護者の同意をお願いします`,
    body: `${m.guardianName ? `${m.guardianName} 様\n\n` : ''}${m.childName} さんが Tsunagu で${m.facts.regionName ? `${m.facts.regionName}の` : ''}${what}「${m.facts.title}」への参加を希望しています。18歳未満の方の参加には保護者の同意が必要です。\n\n下のボタンから、参加先・日程・見守る団体をご確認のうえ、同意するか・しないかをお選びください。アカウントは不要です。リンクの有効期限は14日間です。\n\nお心当たりのない場合は、このメールを破棄してください。`,
    actionLabel: '内容を確認して回答する',
  };
}

// A copy of a message written to the child, for the guardian: contact goes through them.
export function messageCopyMailContent(
  locale: ConsentLocale,
  m: {
    childName: string;
    guardianName: string | null;
    projectTitle: string;
    senderOrganization: string;
    body: string;
  },
): { title: string; body: string } {
  if (locale === 'en') {
    return {
      title: `A message to ${m.childName} from ${m.senderOrganization}`,
      body: `Hello${m.guardianName ? ` ${m.guardianName}` : ''},\n\n${m.senderOrganization} wrote to ${m.childName} about the project "${m.projectTitle}" on Tsunagu. As ${m.childName} is under 18, you receive a copy of every such message:\n\n----\n${m.body}\n----\n\nThis e-mail cannot be answered. To reply, write through ${m.childName}'s Tsunagu account, or contact the intermediary supervising the project.`,
    };
  }
  return {
    title: `${m.senderOrganization} から ${m.childName} さんへのメッセージ`,
    body: `${m.guardianName ? `${m.guardianName} 様\n\n` : ''}${m.senderOrganization} が Tsunagu のプロジェクト「${m.projectTitle}」について ${m.childName} さんにメッセージを送りました。${m.childName} さんは18歳未満のため、このようなメッセージの写しを保護者の方にお送りしています。\n\n----\n${m.body}\n----\n\nこのメールには返信できません。お返事は ${m.childName} さんの Tsunagu アカウントから送るか、プロジェクトを見守る中間支援団体にご連絡ください。`,
  };
}

// To the address a request was first sent to, once it is sent again to a corrected one: the
// earlier link no longer works.
export function requestMovedMailContent(
  locale: ConsentLocale,
  m: { childName: string; subjectKind: ConsentSubjectKind; facts: ConsentSubjectFacts },
): { title: string; body: string } {
  const what = WHAT[locale][m.subjectKind];
  if (locale === 'en') {
    return {
      title: `The consent request for ${m.childName} went to another address`,
      body: `${m.childName} changed their guardian's e-mail address on Tsunagu, so the request for consent to the ${what} "${m.facts.title}" has been sent to the new address. The link in the earlier e-mail no longer works.\n\nIf you do not know ${m.childName}, you can ignore this e-mail.`,
    };
  }
  return {
    title: `${m.childName} さんの同意のお願いは別のアドレスに送られました`,
    body: `${m.childName} さんが Tsunagu で保護者のメールアドレスを変更したため、${what}「${m.facts.title}」への参加の同意のお願いを新しいアドレスにお送りしました。以前のメールのリンクは使えなくなりました。\n\nお心当たりのない場合は、このメールを破棄してください。`,
  };
}
