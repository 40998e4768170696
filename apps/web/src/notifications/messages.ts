import { defineMessages } from '../i18n/define-messages';

// The bell, the notifications page and how each notification reads.
export const notificationMessages = defineMessages(
  {
    notifications: {
      markAllRead: 'すべて既読にする',
      markRead: '既読にする',
      title: 'お知らせ',
      empty: '新しいお知らせはありません',
      emptyAll: 'お知らせはまだありません',
      emptyHint: '応募の状況やスカウトなど、あなたに関わる動きがあるとここに届きます。',
      emptyUnread: '未読のお知らせはありません',
      seeAll: 'すべてのお知らせを見る',
      show: '表示',
      showAll: 'すべて',
      showUnread: '未読のみ',
      more: 'さらに表示',
      unread: '未読',
      preferences: '通知の設定',
      sentence: {
        APPLICATION_SUBMITTED: '{{participant}}さんが「{{project}}」に応募しました。',
        ENGAGEMENT_STATUS_CHANGED: '「{{project}}」への参加状況が「{{to}}」になりました。',
        ENGAGEMENT_STATUS_CHANGED_staff:
          '{{participant}}さんの「{{project}}」への参加状況が「{{to}}」になりました。',
        SCOUT_OFFER_RECEIVED: '{{region}}から「{{project}}」へのお誘いが届きました。',
        SCOUT_OFFER_ANSWERED: '{{participant}}さんが「{{project}}」へのお誘いに応じました。',
        SCOUT_OFFER_ANSWERED_declined:
          '{{participant}}さんは「{{project}}」へのお誘いを今回は見送りました。',
        APPLICATION_UNANSWERED:
          '{{participant}}さんの「{{project}}」への応募（{{since}}）に、まだ地域から回答がありません。',
        ENGAGEMENT_STALE:
          '{{participant}}さんの「{{project}}」で、{{since}}からチェックインがありません。',
        MILESTONE_OVERDUE:
          '{{participant}}さんの「{{project}}」で、{{since}}が期限のマイルストーンが終わっていません。',
        FOLLOW_UP_DUE:
          '「{{project}}」から{{months}}か月が経ちました。その後の地域とのつながりを記録してください。',
        PROJECT_PAUSED:
          '回答期限を過ぎた応募があるため、「{{project}}」の募集を一時停止しました。応募に回答すると再開します。',
        PROJECT_INTEREST_MARKED: '参加者が「{{project}}」に興味ありを付けました。',
        MESSAGE_POSTED: '{{author}}さんから「{{project}}」についてメッセージが届きました。',
        ALLOCATION_READY: '「{{cohort}}」の配置案ができました。確認して確定してください。',
        ALLOCATION_READY_failed:
          '「{{cohort}}」の配置案を作れませんでした。内容を確認してください。',
        PROJECT_SUBMITTED: '{{region}}から「{{project}}」の審査依頼が届きました。',
        PROJECT_CHANGES_REQUESTED:
          '「{{project}}」に修正の依頼が届きました。コメントを見て直し、もう一度審査に出してください。',
        PROJECT_CHANGES_REQUESTED_staff:
          '{{region}}の「{{project}}」が修正のため差し戻されました。',
        PROJECT_PUBLISHED:
          '「{{project}}」が公開されました。参加者が探して応募できるようになりました。',
        PROJECT_PUBLISHED_staff: '{{region}}の「{{project}}」が公開されました。',
        EVENT_PLACE_OFFERED:
          'キャンセル待ちから繰り上がり、「{{event}}」（{{startsAt}}から）に参加できるようになりました。',
        EVENT_REMINDER: '明日は「{{event}}」です。{{startsAt}}から始まります。',
        EVENT_REMINDER_hour: 'まもなく「{{event}}」が始まります（{{startsAt}}から）。',
        EVENT_CANCELLED: '{{startsAt}}からの「{{event}}」は中止になりました。',
        MENTORING_BOOKED:
          '{{organization}}が{{startsAt}}からのメンタリングを予約しました（「{{initiative}}」について）。',
        MENTORING_CANCELLED:
          '{{startsAt}}からの「{{initiative}}」のメンタリングは、{{mentor}}さんの都合で取りやめになりました。',
        MENTORING_CANCELLED_mentor:
          '{{organization}}が{{startsAt}}からのメンタリング（「{{initiative}}」）を取り消しました。枠はまた予約できる状態です。',
        ACTIVITY_DAYS_PUBLISHED: '「{{project}}」の活動日が決まりました（{{day}}から）。',
        ACTIVITY_DAYS_PUBLISHED_one:
          '「{{project}}」の活動日が決まりました：{{day}} {{startTime}}〜{{endTime}}。',
        ACTIVITY_DAY_REMINDER:
          '明日は「{{project}}」の活動日です。{{startTime}}に「{{meetingPoint}}」へお越しください。',
        ACTIVITY_DAY_CANCELLED: '{{day}}の「{{project}}」の活動日は中止になりました。',
        COUNCIL_MEMBERSHIP_APPLIED: '{{organization}}から、かかわりラボへの入会申請が届きました。',
        COUNCIL_MEMBERSHIP_APPROVED: '{{organization}}のかかわりラボ入会が承認されました。',
        COUNCIL_MEMBERSHIP_REJECTED:
          '{{organization}}のかかわりラボ入会は、今回は見送りとなりました。理由を確かめてください。',
        COUNCIL_CONTACT_RECEIVED: 'かかわりラボの{{organization}}からメッセージが届きました。',
      },
      status: {
        SUBMITTED: '応募済み',
        INTERVIEW: '面談調整中',
        ACCEPTED: '受け入れ決定',
        APPROVED: '参加決定',
        ACTIVE: '活動中',
        COMPLETED: '完了',
        DECLINED: '見送り',
        WITHDRAWN: '辞退',
        CANCELLED: '中止',
      },
    },
  },
  {
    notifications: {
      markAllRead: 'Mark all as read',
      markRead: 'Mark as read',
      title: 'Notifications',
      empty: 'No new notifications',
      emptyAll: 'No notifications yet',
      emptyHint:
        'News about your applications, scout offers and more that concerns you arrives here.',
      emptyUnread: 'No unread notifications',
      seeAll: 'See all notifications',
      show: 'Show',
      showAll: 'All',
      showUnread: 'Unread only',
      more: 'Show more',
      unread: 'Unread',
      preferences: 'Notification settings',
      sentence: {
        APPLICATION_SUBMITTED: '{{participant}} applied to "{{project}}".',
        ENGAGEMENT_STATUS_CHANGED: 'Your engagement with "{{project}}" is now {{to}}.',
        ENGAGEMENT_STATUS_CHANGED_staff:
          '{{participant}}\'s engagement with "{{project}}" is now {{to}}.',
        SCOUT_OFFER_RECEIVED: '{{region}} invites you to join "{{project}}".',
        SCOUT_OFFER_ANSWERED: '{{participant}} accepted your invitation to "{{project}}".',
        SCOUT_OFFER_ANSWERED_declined:
          '{{participant}} declined your invitation to "{{project}}" this time.',
        APPLICATION_UNANSWERED:
          '{{participant}}\'s application to "{{project}}" ({{since}}) is still waiting for the region\'s answer.',
        ENGAGEMENT_STALE: 'No check-in from {{participant}} on "{{project}}" since {{since}}.',
        MILESTONE_OVERDUE:
          'A milestone of {{participant}} on "{{project}}" was due on {{since}} and is not done.',
        FOLLOW_UP_DUE:
          'It has been {{months}} months since "{{project}}". Please record how the tie with the region is going.',
        PROJECT_PAUSED:
          '"{{project}}" is paused: applications are past their response period. Answering them reopens it.',
        PROJECT_INTEREST_MARKED: 'A participant marked "{{project}}" as interesting.',
        MESSAGE_POSTED: '{{author}} sent you a message about "{{project}}".',
        ALLOCATION_READY: 'The allocation for "{{cohort}}" is ready. Please review and confirm it.',
        ALLOCATION_READY_failed:
          'The allocation for "{{cohort}}" could not be made. Please check its problems.',
        PROJECT_SUBMITTED: '{{region}} submitted "{{project}}" for review.',
        PROJECT_CHANGES_REQUESTED:
          'Changes were requested on "{{project}}". Read the comment, edit it and submit it again.',
        PROJECT_CHANGES_REQUESTED_staff: '"{{project}}" by {{region}} was sent back for changes.',
        PROJECT_PUBLISHED: '"{{project}}" is published: participants can now find it and apply.',
        PROJECT_PUBLISHED_staff: '"{{project}}" by {{region}} is published.',
        EVENT_PLACE_OFFERED:
          'A place came free: you moved up from the waiting list for "{{event}}" ({{startsAt}}).',
        EVENT_REMINDER: '"{{event}}" is tomorrow, starting {{startsAt}}.',
        EVENT_REMINDER_hour: '"{{event}}" starts soon, at {{startsAt}}.',
        EVENT_CANCELLED: '"{{event}}" ({{startsAt}}) has been cancelled.',
        MENTORING_BOOKED:
          '{{organization}} booked a mentoring session on {{startsAt}} about "{{initiative}}".',
        MENTORING_CANCELLED:
          '{{mentor}} cancelled your mentoring session about "{{initiative}}" ({{startsAt}}).',
        MENTORING_CANCELLED_mentor:
          '{{organization}} cancelled the session about "{{initiative}}" ({{startsAt}}); the slot is open again.',
        ACTIVITY_DAYS_PUBLISHED: 'New activity days for "{{project}}", from {{day}}.',
        ACTIVITY_DAYS_PUBLISHED_one:
          'New activity day for "{{project}}": {{day}}, {{startTime}}–{{endTime}}.',
        ACTIVITY_DAY_REMINDER:
          '"{{project}}" activity day is tomorrow: meet at {{meetingPoint}} at {{startTime}}.',
        ACTIVITY_DAY_CANCELLED: 'The "{{project}}" activity day on {{day}} has been cancelled.',
        COUNCIL_MEMBERSHIP_APPLIED: '{{organization}} applied to join the council.',
        COUNCIL_MEMBERSHIP_APPROVED: '{{organization}} is now a member of the council.',
        COUNCIL_MEMBERSHIP_REJECTED:
          "{{organization}}'s council application was not accepted this time: see why.",
        COUNCIL_CONTACT_RECEIVED: '{{organization}}, a council member, sent you a message.',
      },
      status: {
        SUBMITTED: 'submitted',
        INTERVIEW: 'arranging an interview',
        ACCEPTED: 'accepted by the region',
        APPROVED: 'approved',
        ACTIVE: 'active',
        COMPLETED: 'completed',
        DECLINED: 'declined',
        WITHDRAWN: 'withdrawn',
        CANCELLED: 'cancelled',
      },
    },
  },
);
