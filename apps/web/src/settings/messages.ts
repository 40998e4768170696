import { defineMessages } from '../i18n/define-messages';

// The settings: language and time zone, and how each kind of notification reaches you.
export const settingsMessages = defineMessages(
  {
    settings: {
      title: '設定',
      nav: '設定',
      general: '言語とタイムゾーン',
      language: '言語',
      languageHint: '画面の表示と、お知らせ・メールの言語です。',
      timeZone: 'タイムゾーン',
      timeZoneHint:
        '日時の表示と、まとめメール（1日1回）を送る時刻の基準です。海外にお住まいの方は変更してください。',
      timeZoneSearch: '都市名や地域名で検索',
      japan: '日本',
      otherZones: 'その他の地域',
      save: '保存する',
      saved: '保存しました',
      notificationsLink: '通知の設定',
      notificationsLinkHint: 'どのお知らせを、アプリとメールのどちらで受け取るかを選べます。',
    },
    preferences: {
      title: '通知の設定',
      intro:
        'お知らせの種類ごとに、受け取り方を選べます。「アプリ内」はこのサイトのお知らせ一覧とベルに、「メール」は登録したメールアドレスに届きます。',
      back: '設定へ戻る',
      forYou: 'あなたの参加について',
      forStaff: '地域・中間支援組織のスタッフとして',
      inApp: 'アプリ内',
      email: 'メール',
      IMMEDIATELY: 'すぐに受け取る',
      DAILY_DIGEST: '1日1回まとめて',
      OFF: '受け取らない',
      isDefault: 'おすすめの設定',
      reset: 'おすすめに戻す',
      saved: '保存しました',
      digestHint:
        '「1日1回まとめて」は、その日のお知らせを1通のメールにまとめて、設定したタイムゾーンの朝に届けます。',
      event: {
        ENGAGEMENT_STATUS_CHANGED: {
          label: '応募・参加の状況が変わったとき',
          hint: '面談の調整、受け入れ決定、参加の承認、活動の完了などをお知らせします。',
        },
        SCOUT_OFFER_RECEIVED: {
          label: 'スカウトが届いたとき',
          hint: '地域からプロジェクトへのお誘いが届いたときにお知らせします。',
        },
        FOLLOW_UP_DUE: {
          label: 'フォローアップの時期',
          hint: '活動の終了から3・6・12か月後に、地域とのその後のつながりを伺います。',
        },
        EVENT_PLACE_OFFERED: {
          label: 'イベントのキャンセル待ちが繰り上がったとき',
          hint: '空きが出て、キャンセル待ちをしていたイベントに参加できるようになったとき。',
        },
        EVENT_REMINDER: {
          label: 'イベントの前日と1時間前',
          hint: '申し込んだイベントの前日の朝9時（お住まいの時間帯）と、始まる1時間前にお知らせします。',
        },
        EVENT_CANCELLED: {
          label: 'イベントが中止になったとき',
          hint: '申し込んだイベント（キャンセル待ちを含む）が中止になったとき。',
        },
        MENTORING_BOOKED: {
          label: 'メンタリングの予約が入ったとき',
          hint: 'メンターとして公開した枠に、会員団体から予約が入ったとき。',
        },
        MENTORING_CANCELLED: {
          label: 'メンタリングが取り消されたとき',
          hint: '予約したメンタリング、または受けていたメンタリングが取り消されたとき。',
        },
        ACTIVITY_DAYS_PUBLISHED: {
          label: '活動日が決まったとき',
          hint: '参加しているプロジェクトで、地域が新しい活動日を決めたとき。',
        },
        ACTIVITY_DAY_REMINDER: {
          label: '活動日の前日',
          hint: '申し込んだ活動日の前日の朝9時に、時間と集合場所をお知らせします。',
        },
        ACTIVITY_DAY_CANCELLED: {
          label: '活動日が中止になったとき',
          hint: '申し込んだ活動日を地域が中止にしたとき。',
        },
        APPLICATION_SUBMITTED: {
          label: '新しい応募',
          hint: '担当するプロジェクトに応募があったとき。',
        },
        SCOUT_OFFER_ANSWERED: {
          label: 'スカウトへの回答',
          hint: '送ったお誘いに参加者が回答したとき。',
        },
        APPLICATION_UNANSWERED: {
          label: '未回答の応募',
          hint: '回答期限を過ぎても地域から回答がない応募があるとき。',
        },
        ENGAGEMENT_STALE: {
          label: '連絡が途絶えた活動',
          hint: 'しばらくチェックインがない活動があるとき。',
        },
        MILESTONE_OVERDUE: {
          label: '期限切れのマイルストーン',
          hint: '期限を過ぎても終わっていないマイルストーンがあるとき。',
        },
        PROJECT_PAUSED: {
          label: '募集の一時停止',
          hint: '未回答の応募のため、プロジェクトの募集が一時停止したとき。',
        },
        MESSAGE_POSTED: {
          label: 'メッセージ',
          hint: '応募やスカウトのやりとりで、相手からメッセージが届いたとき。',
        },
        PROJECT_INTEREST_MARKED: {
          label: '興味あり',
          hint: '担当するプロジェクトに参加者が興味ありを付けたとき。',
        },
        ALLOCATION_READY: {
          label: '配置案の完成',
          hint: 'コホートの配置案ができたとき（または作れなかったとき）。',
        },
        COUNCIL_MEMBERSHIP_APPLIED: {
          label: 'かかわりラボへの入会申請',
          hint: '団体からかかわりラボへの入会申請が届いたとき（運営者向け）。',
        },
        COUNCIL_MEMBERSHIP_DECIDED: {
          label: 'かかわりラボ入会の結果',
          hint: '所属団体のかかわりラボ入会が承認された、または見送られたとき。',
        },
        COUNCIL_CONTACT_RECEIVED: {
          label: 'かかわりラボ会員からの連絡',
          hint: 'ほかの会員団体から、かかわりラボを通じてメッセージが届いたとき。',
        },
      },
    },
  },
  {
    settings: {
      title: 'Settings',
      nav: 'Settings',
      general: 'Language and time zone',
      language: 'Language',
      languageHint: 'For the screens, notifications and e-mails.',
      timeZone: 'Time zone',
      timeZoneHint:
        'Used to show dates and times, and to time your daily summary e-mail. Change it if you live outside Japan.',
      timeZoneSearch: 'Search by city or region',
      japan: 'Japan',
      otherZones: 'Elsewhere',
      save: 'Save',
      saved: 'Saved',
      notificationsLink: 'Notification settings',
      notificationsLinkHint: 'Choose which notifications reach you in the app and by e-mail.',
    },
    preferences: {
      title: 'Notification settings',
      intro:
        'Choose how each kind of notification reaches you. "In the app" means the notifications page and the bell on this site; "E-mail" goes to your registered address.',
      back: 'Back to settings',
      forYou: 'About your own participation',
      forStaff: 'As region or intermediary staff',
      inApp: 'In the app',
      email: 'E-mail',
      IMMEDIATELY: 'Right away',
      DAILY_DIGEST: 'Once a day, together',
      OFF: 'Off',
      isDefault: 'Recommended',
      reset: 'Back to recommended',
      saved: 'Saved',
      digestHint:
        '"Once a day, together" gathers the day\'s notifications into one e-mail, sent in the morning of your time zone.',
      event: {
        ENGAGEMENT_STATUS_CHANGED: {
          label: 'Your application or engagement changes',
          hint: 'An interview being arranged, acceptance, approval, completion and so on.',
        },
        SCOUT_OFFER_RECEIVED: {
          label: 'You receive a scout offer',
          hint: 'A region invites you to one of its projects.',
        },
        FOLLOW_UP_DUE: {
          label: 'Follow-ups',
          hint: '3, 6 and 12 months after an engagement ends, we ask how the tie with the region is going.',
        },
        EVENT_PLACE_OFFERED: {
          label: 'A place at an event came free',
          hint: 'You moved up from the waiting list of an event and now have a place.',
        },
        EVENT_REMINDER: {
          label: 'Event reminders',
          hint: 'At 9:00 your time the day before an event you registered for, and an hour before it starts.',
        },
        EVENT_CANCELLED: {
          label: 'An event was cancelled',
          hint: 'An event you registered for (or wait for) was called off.',
        },
        MENTORING_BOOKED: {
          label: 'A mentoring session was booked',
          hint: 'A member organisation booked one of the slots you offer as a mentor.',
        },
        MENTORING_CANCELLED: {
          label: 'A mentoring session was cancelled',
          hint: 'A session you booked, or one you were to give as a mentor, was cancelled.',
        },
        ACTIVITY_DAYS_PUBLISHED: {
          label: 'New activity days',
          hint: 'The region sets new activity days on a project you take part in.',
        },
        ACTIVITY_DAY_REMINDER: {
          label: 'Activity day reminders',
          hint: 'At 9:00 (Japan time) the day before an activity day you signed up for, with the time and meeting point.',
        },
        ACTIVITY_DAY_CANCELLED: {
          label: 'An activity day was cancelled',
          hint: 'The region called off an activity day you signed up for.',
        },
        APPLICATION_SUBMITTED: {
          label: 'New applications',
          hint: 'Someone applies to a project you look after.',
        },
        SCOUT_OFFER_ANSWERED: {
          label: 'Answers to scout offers',
          hint: 'A participant answers an offer you sent.',
        },
        APPLICATION_UNANSWERED: {
          label: 'Unanswered applications',
          hint: "An application is past the region's response period.",
        },
        ENGAGEMENT_STALE: {
          label: 'Engagements gone quiet',
          hint: 'No check-in for a while.',
        },
        MILESTONE_OVERDUE: {
          label: 'Overdue milestones',
          hint: 'A milestone is past its due date and not done.',
        },
        PROJECT_PAUSED: {
          label: 'Paused projects',
          hint: 'A project stopped taking applications because some are unanswered.',
        },
        MESSAGE_POSTED: {
          label: 'Messages',
          hint: 'Someone writes to you in the thread of an application or a scout offer.',
        },
        PROJECT_INTEREST_MARKED: {
          label: 'Interest in your projects',
          hint: 'A participant marks a project you look after as interesting.',
        },
        ALLOCATION_READY: {
          label: 'Allocations ready',
          hint: "A cohort's allocation is ready (or could not be made).",
        },
        COUNCIL_MEMBERSHIP_APPLIED: {
          label: 'Council applications',
          hint: 'An organisation applies to join the council (for platform admins).',
        },
        COUNCIL_MEMBERSHIP_DECIDED: {
          label: 'Council membership decisions',
          hint: "Your organisation's application to the council is approved or not accepted.",
        },
        COUNCIL_CONTACT_RECEIVED: {
          label: 'Messages from council members',
          hint: 'Another member organisation writes to yours through the council.',
        },
      },
    },
  },
);
