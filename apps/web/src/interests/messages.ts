import { defineMessages } from '../i18n/define-messages';

// 興味あり: the toggle on projects and the list of what you marked.
export const interestMessages = defineMessages(
  {
    interests: {
      nav: '興味ありリスト',
      mark: '興味あり',
      cardLabel: '興味あり：{{title}}',
      count: '{{formatted}} 人が興味あり',
      signInFirst: '興味ありを付けるにはログインしてください',
      needsProfile: '興味ありを付けるには、参加者プロフィールを作成してください。',
      notOpen: 'このプロジェクトはあなたの参加区分では募集していません。',
      failed: '興味ありを更新できませんでした。もう一度お試しください。',
      title: '興味ありリスト',
      intro:
        '気になるプロジェクトに「興味あり」を付けておくと、ここで見返せます。地域と伴走する中間支援組織にも、関心があることが伝わります。',
      empty: 'まだ興味ありを付けたプロジェクトはありません。',
      emptyHint: 'プロジェクトのページで「興味あり」を押すと、ここに並びます。',
      find: 'プロジェクトを探す',
      markedOn: '{{date}}に興味あり',
      more: 'さらに表示',
    },
  },
  {
    interests: {
      nav: 'My interests',
      mark: 'Interested',
      cardLabel: 'Interested: {{title}}',
      count: '{{formatted}} interested',
      signInFirst: 'Sign in to mark your interest',
      needsProfile: 'Create your participant profile to mark your interest.',
      notOpen: 'This project is not open to your kind of participant.',
      failed: 'Could not update your interest. Please try again.',
      title: 'My interests',
      intro:
        'Mark the projects you are curious about to find them here again. The region and its supporting intermediary see that you are interested.',
      empty: 'You have not marked any project yet.',
      emptyHint: 'Press "Interested" on a project page to list it here.',
      find: 'Find projects',
      markedOn: 'Marked on {{date}}',
      more: 'Show more',
    },
  },
);
