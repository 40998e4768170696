import { defineMessages } from '../i18n/define-messages';

// Every organisation's own page (members, who covers a region, an intermediary's remit and
// programs) and the member list and form it shares with the platform admins' pages.
export const organizationMessages = defineMessages(
  {
    organization: {
      nav: '組織の情報',
      title: '組織の情報',
      place: '所在地：{{place}}',
      members: {
        title: 'メンバー',
        hint: 'この組織で働く人たちです。メールアドレスは管理者にだけ表示されます。',
        none: 'まだメンバーはいません。',
        noneHint: 'メールアドレスで追加してください。',
        you: 'あなた',
        joined: '{{date}}から',
        remove: '外す',
        removeLabel: '{{name}}さんをメンバーから外す',
        removeTitle: 'メンバーから外す',
        removeConfirm:
          '{{name}}さんをこの組織のメンバーから外します。この組織のページは見られなくなります。よろしいですか？',
        confirm: '外す',
        cancel: 'やめる',
        removed: '{{name}}さんをメンバーから外しました。',
        lastOwner:
          'ほかに管理者がいないため、この方は外せません。先に別の方を管理者にしてください。',
      },
      addMember: {
        title: 'メンバーを追加する',
        email: 'メールアドレス',
        emailHint: 'Tsunagu に登録済みのアカウントのメールアドレス',
        role: '役割',
        roleHint: '管理者はメンバーの追加・削除ができます。',
        add: '追加する',
        added: 'メンバーに追加しました。',
        alreadyMember: 'この方はすでにメンバーです。',
        noAccount:
          'このメールアドレスのアカウントはありません。先に Tsunagu に登録してもらってください。',
      },
      supervisors: {
        title: '伴走してくれる中間支援組織',
        hint: 'この地域を担当し、プロジェクトの確認や参加者との活動を支えてくれる組織です。',
        none: 'この地域を担当する中間支援組織はまだありません。',
        noneHint: '担当が決まると、ここに表示されます。',
        contact:
          '連絡は Tsunagu の中でとれます。プロジェクトを確認に出すとコメントで返事が届き、参加者との活動については活動のページのメッセージでやりとりできます。',
        projects: 'プロジェクトを見る',
      },
      programs: {
        title: 'プログラム',
        hint: 'プログラムは、中間支援組織が目的を決めて進める取り組みです。プロジェクトを作るときに参加を選べます。',
        intermediaryHint:
          'あなたの組織が進めているプログラムです。地域はプロジェクトを作るときに参加を選べます。',
        none: 'プログラムはありません。',
        manage: 'プログラムの設定へ',
      },
      remit: {
        title: '担当する地域',
        hint: 'この範囲にある地域のプロジェクトを確認し、活動を伴走します。変更はプラットフォーム管理者が行います。',
        none: '担当する地域はまだ登録されていません。',
        prefectures: '都道府県全体',
        municipalities: '市区町村',
      },
    },
  },
  {
    organization: {
      nav: 'Organisation',
      title: 'Organisation',
      place: 'Located in {{place}}',
      members: {
        title: 'Members',
        hint: 'The people who work for this organisation. Only owners see e-mail addresses.',
        none: 'No members yet.',
        noneHint: 'Add people by their e-mail address.',
        you: 'You',
        joined: 'Since {{date}}',
        remove: 'Remove',
        removeLabel: 'Remove {{name}} from the members',
        removeTitle: 'Remove a member',
        removeConfirm: 'Remove {{name}} from this organisation? They will no longer see its pages.',
        confirm: 'Remove',
        cancel: 'Cancel',
        removed: '{{name}} is no longer a member.',
        lastOwner:
          'This is the only owner, so they cannot be removed. Make someone else an owner first.',
      },
      addMember: {
        title: 'Add a member',
        email: 'E-mail address',
        emailHint: 'The address of an existing Tsunagu account',
        role: 'Role',
        roleHint: 'Owners can add and remove members.',
        add: 'Add',
        added: 'Member added.',
        alreadyMember: 'This person is already a member.',
        noAccount: 'No account has this e-mail address. Ask them to sign up to Tsunagu first.',
      },
      supervisors: {
        title: 'Intermediaries supporting you',
        hint: 'They cover this region: they review your projects and support the work with participants.',
        none: 'No intermediary covers this region yet.',
        noneHint: 'Once one does, it appears here.',
        contact:
          'You reach them through Tsunagu: send a project for review and they answer in its comments; about work with a participant, write in that engagement’s messages.',
        projects: 'Go to projects',
      },
      programs: {
        title: 'Programs',
        hint: 'A program is an initiative an intermediary runs with a purpose of its own. You can join one when you create a project.',
        intermediaryHint:
          'The programs your organisation runs. Regions can join one when they create a project.',
        none: 'No programs.',
        manage: 'Program settings',
      },
      remit: {
        title: 'Area covered',
        hint: 'You review the projects of regions in this area and support their work. Platform admins change it.',
        none: 'No area registered yet.',
        prefectures: 'Whole prefectures',
        municipalities: 'Municipalities',
      },
    },
  },
);
