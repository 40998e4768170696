import { defineMessages } from '../i18n/define-messages';

// Guardians' consent for participants under 18: the guardian's page and the consent's state.
export const guardianMessages = defineMessages(
  {
    guardians: {
      state: {
        PENDING: '保護者の同意待ち',
        GIVEN: '保護者が同意済み',
        REFUSED: '保護者が同意しませんでした',
        WITHDRAWN: '保護者が同意を取り消しました',
      },
      pendingHint:
        '保護者の方にメールをお送りしました（{{date}}）。同意があるまで受け入れは確定しません。',
      staffPendingHint: '18歳未満の参加者です。保護者の同意があるまで受け入れできません。',
      givenBy: '{{name}} さんが {{date}} に同意',
      sendAgain: 'メールをもう一度送る',
      sent: '保護者の方にメールを送り直しました。',
      tooMany: '送信回数が多すぎます。しばらくしてからお試しください。',
      page: {
        title: '保護者の方へ：参加への同意のお願い',
        intro:
          '{{child}} さんが、Tsunagu で次の活動への参加を希望しています。18歳未満の方の参加には保護者の同意が必要です。',
        kind: {
          ENGAGEMENT: 'プロジェクト',
          EVENT_REGISTRATION: 'イベント',
        },
        region: '地域',
        dates: '日程',
        supervisors: '見守る中間支援団体',
        // The guardian has no account: the API gives the coordinator's (or the organiser's)
        // name, no address. Only an engagement has a message thread the child can write in.
        contact: { ENGAGEMENT: '担当の団体', EVENT_REGISTRATION: '主催' },
        contactBody: {
          ENGAGEMENT:
            '{{name}}。ご質問は {{child}} さんにお伝えください。{{child}} さんは Tsunagu のメッセージで {{name}} に問い合わせることができます。',
          EVENT_REGISTRATION: '{{name}}',
        },
        copies:
          '同意しない・取り消すと決めるまで、地域や見守る中間支援団体が {{child}} さんに送るメッセージの写しを、このメールアドレスにお送りします。',
        statement: '同意の内容',
        version: '文面の版：{{version}}',
        name: '保護者のお名前',
        nameHint: '署名としてフルネームでご記入ください',
        consent: '同意する',
        refuse: '同意しない',
        withdraw: '同意を取り消す',
        given: '同意を受け付けました',
        givenBody:
          '{{name}} さんの同意を {{date}} に記録しました。取り消す場合は、このページからいつでも手続きできます。',
        refused: '同意しない旨を受け付けました',
        refusedBody: '{{child}} さんの参加申し込みは取り下げられました。',
        withdrawn: '同意は取り消されています',
        withdrawnBody: '{{child}} さんの参加は取りやめになりました。',
        expired: 'このリンクの有効期限が切れています',
        expiredBody: '{{child}} さんに、もう一度メールを送るよう伝えてください。',
        invalid: 'このリンクは使えません',
        invalidBody: '新しいメールが届いている場合は、そちらのリンクをお使いください。',
      },
    },
  },
  {
    guardians: {
      state: {
        PENDING: "Waiting for guardian's consent",
        GIVEN: 'Guardian consented',
        REFUSED: 'Guardian did not consent',
        WITHDRAWN: 'Guardian withdrew consent',
      },
      pendingHint:
        'We e-mailed your guardian ({{date}}). Your place is not confirmed until they consent.',
      staffPendingHint:
        'This participant is under 18: you can accept them once their guardian consents.',
      givenBy: 'Consented by {{name}} on {{date}}',
      sendAgain: 'Send the e-mail again',
      sent: 'We sent the e-mail to your guardian again.',
      tooMany: 'Too many e-mails sent. Please try again later.',
      page: {
        title: 'For the guardian: your consent, please',
        intro:
          '{{child}} would like to take part in the activity below on Tsunagu. As they are under 18, they need your consent.',
        kind: {
          ENGAGEMENT: 'Project',
          EVENT_REGISTRATION: 'Event',
        },
        region: 'Region',
        dates: 'Dates',
        supervisors: 'Supervised by',
        contact: { ENGAGEMENT: 'Coordinator', EVENT_REGISTRATION: 'Organised by' },
        contactBody: {
          ENGAGEMENT:
            '{{name}}. For any question, please ask {{child}}: they can write to {{name}} through their Tsunagu messages.',
          EVENT_REGISTRATION: '{{name}}',
        },
        copies:
          'Unless you refuse or withdraw, we e-mail you a copy of every message the region or the supervising intermediaries write to {{child}} about it.',
        statement: 'What you agree to',
        version: 'Wording version: {{version}}',
        name: "Guardian's full name",
        nameHint: 'Type your full name as your signature',
        consent: 'I consent',
        refuse: 'I do not consent',
        withdraw: 'Withdraw my consent',
        given: 'Thank you: your consent is recorded',
        givenBody:
          "{{name}}'s consent was recorded on {{date}}. You can withdraw it from this page at any time.",
        refused: 'Your answer is recorded',
        refusedBody: "{{child}}'s application has been withdrawn.",
        withdrawn: 'Consent has been withdrawn',
        withdrawnBody: '{{child}} no longer takes part.',
        expired: 'This link has expired',
        expiredBody: 'Please ask {{child}} to send the e-mail again.',
        invalid: 'This link does not work',
        invalidBody: 'If a newer e-mail has arrived, please use its link.',
      },
    },
  },
);
