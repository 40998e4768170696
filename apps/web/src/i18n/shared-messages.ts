import { defineMessages } from './define-messages';

// Words every screen shares: the app's frame, errors, form checks, modes and participant kinds.
export const sharedMessages = defineMessages(
  {
    app: {
      name: 'つなぐ',
      tagline: '都市と地域をつなぐ',
      skipToContent: '本文へ移動',
      nav: { projects: 'プロジェクトを探す', council: 'かかわりラボ' },
      language: '言語',
      signInFirst: 'このページを見るにはログインしてください。',
      signIn: 'ログイン',
      signUp: '新規登録',
      signOut: 'ログアウト',
      menu: 'メニュー',
      notifications_one: 'お知らせ（未読 {{count}} 件）',
      notifications_other: 'お知らせ（未読 {{count}} 件）',
      signedInAs: '{{name}} さん',
      // A label before its value: 「理由：…」 / "Reason: …".
      label: '{{label}}：',
      labelled: '{{label}}：{{value}}',
      // A note after what it is about: 「農業（レベル 3）」 / "Farming (level 3)".
      noted: '{{text}}（{{note}}）',
    },
    errors: {
      generic: '問題が発生しました。時間をおいてもう一度お試しください。',
      network: 'サーバーに接続できません。通信環境を確認してください。',
      retry: '再読み込み',
      notFound: 'ページが見つかりません',
      notFoundBody: 'URL が正しいか確認してください。',
      backToProjects: 'プロジェクト一覧へ',
      tooManyAttempts: '試行回数が多すぎます。しばらくしてからお試しください。',
    },
    form: {
      required: '入力してください',
      email: 'メールアドレスの形式で入力してください',
      passwordLength: '{{min}} 文字以上で入力してください',
    },
    mode: { ONSITE: '現地', REMOTE: 'リモート', HYBRID: '現地＋リモート' },
    kind: {
      PRO_BONO: 'プロボノ',
      UNIVERSITY_STUDENT: '大学生',
      HIGH_SCHOOL_STUDENT: '高校生',
      COMPANY_EMPLOYEE: '企業の社員',
    },
  },
  {
    app: {
      name: 'Tsunagu',
      tagline: 'Connecting cities and regions',
      skipToContent: 'Skip to content',
      nav: { projects: 'Find projects', council: 'Council' },
      language: 'Language',
      signInFirst: 'Please sign in to see this page.',
      signIn: 'Sign in',
      signUp: 'Sign up',
      signOut: 'Sign out',
      menu: 'Menu',
      notifications_one: 'Notifications ({{count}} unread)',
      notifications_other: 'Notifications ({{count}} unread)',
      signedInAs: '{{name}}',
      label: '{{label}}: ',
      labelled: '{{label}}: {{value}}',
      noted: '{{text}} ({{note}})',
    },
    errors: {
      generic: 'Something went wrong. Please try again in a moment.',
      network: 'Cannot reach the server. Please check your connection.',
      retry: 'Reload',
      notFound: 'Page not found',
      notFoundBody: 'Please check the address.',
      backToProjects: 'Back to projects',
      tooManyAttempts: 'Too many attempts. Please wait a while and try again.',
    },
    form: {
      required: 'Required',
      email: 'Enter an e-mail address',
      passwordLength: 'At least {{min}} characters',
    },
    mode: { ONSITE: 'On site', REMOTE: 'Remote', HYBRID: 'On site + remote' },
    kind: {
      PRO_BONO: 'Pro bono',
      UNIVERSITY_STUDENT: 'University students',
      HIGH_SCHOOL_STUDENT: 'High-school students',
      COMPANY_EMPLOYEE: 'Company employees',
    },
  },
);
