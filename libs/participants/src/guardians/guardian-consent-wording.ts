import type { ConsentSubjectFacts } from './guardian-consent.entity';
import { ConsentSubjectKind } from './guardian-consent.entity';

export type ConsentLocale = 'ja' | 'en';

// The version of the words a guardian agrees to. A change to STATEMENT below takes a new version,
// so every recorded consent says which words were shown.
export const CONSENT_STATEMENT_VERSION = '2026-12-a';

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
  if (locale === 'en') {
    return `I, ${s.guardianName}, am the guardian of ${s.childName} and agree that they take part in the ${what} "${s.facts.title}"${region ? ` with ${region}` : ''}. I understand that I can withdraw this consent at any time with the same link.`;
  }
  return `私（${s.guardianName}）は ${s.childName} さんの保護者として、${region ? `${region}の` : ''}${what}「${s.facts.title}」への参加に同意します。同じリンクからいつでも同意を取り消せることを理解しています。`;
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
