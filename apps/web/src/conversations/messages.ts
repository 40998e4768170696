import { defineMessages } from '../i18n/define-messages';

// Message threads: the inbox, a thread, and the panel on engagement and scout-offer pages.
export const conversationMessages = defineMessages(
  {
    conversations: {
      nav: 'メッセージ',
      navUnread: 'メッセージ（未読 {{count}} 件）',
      title: 'メッセージ',
      intro: '応募やスカウトごとに、地域の担当者・伴走する中間支援組織とやりとりできます。',
      empty: 'まだやりとりはありません',
      emptyHint:
        'プロジェクトに応募したり、スカウトを受け取ったりすると、ここで地域とメッセージを交わせます。',
      noMessages: 'まだメッセージはありません',
      noMessagesHint: '最初のメッセージを送ってみましょう。',
      unread_one: '未読 {{count}} 件',
      unread_other: '未読 {{count}} 件',
      kind: { ENGAGEMENT: '応募', SCOUT_OFFER: 'スカウト' },
      role: { PARTICIPANT: '参加者', REGION: '地域', INTERMEDIARY: '中間支援' },
      with: '{{name}}さんとのやりとり',
      withRegion: '{{region}}とのやりとり',
      more: 'さらに表示',
      older: '以前のメッセージを表示',
      back: 'メッセージ一覧へ',
      notFound: 'このやりとりは見つかりません',
      notFoundHint: '参加しているやりとりだけを表示できます。',
      readOnly: '閲覧のみです。運営者はメッセージを送れません。',
      closed:
        'この応募は終了したため、やりとりも終わりました。これまでのメッセージは読めますが、新しく送ることはできません。',
      closedOnSend:
        'この応募はたった今終了したため、メッセージを送れませんでした。ページを読み込み直してください。',
      contactsHidden:
        '連絡先は、中間支援組織が参加を承認した後に共有されます。ここでは表示名だけが見えます。',
      open: 'メッセージを開く',
      openWithUnread: 'メッセージを開く（未読 {{count}} 件）',
      deletedAuthor: '退会したユーザー',
      you: 'あなた',
      message: 'メッセージ',
      messagePlaceholder: '質問や連絡事項を書いてください',
      counter: '{{count}} / {{max}} 文字',
      send: '送信',
      tooLong: '{{max}} 文字以内で入力してください',
      emptyBody: 'メッセージを入力してください',
      tooFast: '送信が続いています。少し待ってから送ってください。',
      projectLink: 'プロジェクトを見る',
      panelTitle: 'メッセージ',
    },
  },
  {
    conversations: {
      nav: 'Messages',
      navUnread: 'Messages ({{count}} unread)',
      title: 'Messages',
      intro:
        'For each application or scout offer, talk with the region and the intermediary that supports it.',
      empty: 'No conversations yet',
      emptyHint:
        'When you apply to a project or receive a scout offer, you can write to the region here.',
      noMessages: 'No messages yet',
      noMessagesHint: 'Send the first message.',
      unread_one: '{{count}} unread',
      unread_other: '{{count}} unread',
      kind: { ENGAGEMENT: 'Application', SCOUT_OFFER: 'Scout offer' },
      role: { PARTICIPANT: 'Participant', REGION: 'Region', INTERMEDIARY: 'Intermediary' },
      with: 'With {{name}}',
      withRegion: 'With {{region}}',
      more: 'Show more',
      older: 'Show earlier messages',
      back: 'All messages',
      notFound: 'Conversation not found',
      notFoundHint: 'You can only open conversations you take part in.',
      readOnly: 'Read only: platform administrators cannot send messages.',
      closed:
        'This engagement is over, so this conversation is closed. You can read the messages, but not send new ones.',
      closedOnSend:
        'This engagement has just ended, so your message was not sent. Please reload the page.',
      contactsHidden:
        'Contact details are shared once the intermediary approves the engagement. Here you see display names only.',
      open: 'Open messages',
      openWithUnread: 'Open messages ({{count}} unread)',
      deletedAuthor: 'Former user',
      you: 'You',
      message: 'Message',
      messagePlaceholder: 'Write a question or an update',
      counter: '{{count}} / {{max}} characters',
      send: 'Send',
      tooLong: 'Please keep it within {{max}} characters',
      emptyBody: 'Please write a message',
      tooFast: 'You are sending quickly. Please wait a moment before sending again.',
      projectLink: 'View project',
      panelTitle: 'Messages',
    },
  },
);
