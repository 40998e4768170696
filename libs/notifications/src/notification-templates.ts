import type { Locale } from '@tsunagu/identity';

export interface RenderedMessage {
  title: string;
  body: string;
}

// Message texts per event and language. Japanese is the default; English on request.
export const TEMPLATES = {
  'application-submitted': {
    ja: (v: { applicant: string; project: string }) => ({
      title: `「${v.project}」に新しい応募がありました`,
      body: `${v.applicant}さんが「${v.project}」に応募しました。応募内容を確認してください。`,
    }),
    en: (v: { applicant: string; project: string }) => ({
      title: `New application to "${v.project}"`,
      body: `${v.applicant} applied to "${v.project}". Please review the application.`,
    }),
  },
} satisfies Record<string, Record<Locale, (vars: never) => RenderedMessage>>;

export type NotificationTemplate = keyof typeof TEMPLATES;

export function render<T extends NotificationTemplate>(
  template: T,
  locale: Locale,
  vars: Parameters<(typeof TEMPLATES)[T]['ja']>[0],
): RenderedMessage {
  return TEMPLATES[template][locale](vars);
}
