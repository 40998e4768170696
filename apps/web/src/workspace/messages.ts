import { defineMessages } from '../i18n/define-messages';

// The workspace of the people who work for a region, an intermediary, a company or the platform.
export const workspaceMessages = defineMessages(
  {
    workspace: {
      nav: '管理',
      title: '管理画面',
      intro: '所属している組織ごとに、プロジェクトや伴走の仕事をここから進めます。',
      none: '所属している組織はありません。',
      noneHint: '地域・中間支援組織・企業の担当者として登録されると、ここに組織が表示されます。',
      organization: '組織',
      pages: '{{name}}のページ',
      notMember: 'この組織のメンバーではないため、表示できません。',
      backToList: '組織の一覧へ',
      yourRole: 'あなたの役割：{{role}}',
      role: { OWNER: '管理者', STAFF: '担当者' },
      kind: {
        REGION: '地域',
        INTERMEDIARY: '中間支援組織',
        COMPANY: '企業',
        PLATFORM: 'プラットフォーム運営',
      },
      overview: '概要',
      overviewIntro: 'メニューから、この組織で行う作業を選んでください。',
    },
  },
  {
    workspace: {
      nav: 'Workspace',
      title: 'Workspace',
      intro: 'Work on projects and supervision for each organisation you belong to.',
      none: 'You do not belong to any organisation.',
      noneHint:
        'Once you are registered as staff of a region, an intermediary or a company, it appears here.',
      organization: 'Organisation',
      pages: "{{name}}'s pages",
      notMember: 'You are not a member of this organisation, so it cannot be shown.',
      backToList: 'All organisations',
      yourRole: 'Your role: {{role}}',
      role: { OWNER: 'Owner', STAFF: 'Staff' },
      kind: {
        REGION: 'Region',
        INTERMEDIARY: 'Intermediary',
        COMPANY: 'Company',
        PLATFORM: 'Platform operator',
      },
      overview: 'Overview',
      overviewIntro: 'Choose from the menu what to work on for this organisation.',
    },
  },
);
