import { defineMessages } from '../i18n/define-messages';

// The bell and the notifications.
export const notificationMessages = defineMessages(
  {
    notifications: {
      markAllRead: 'すべて既読にする',
      title: 'お知らせ',
      empty: '新しいお知らせはありません',
    },
  },
  {
    notifications: {
      markAllRead: 'Mark all as read',
      title: 'Notifications',
      empty: 'No new notifications',
    },
  },
);
