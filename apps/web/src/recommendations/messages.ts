import { defineMessages } from '../i18n/define-messages';

// Recommended projects and why each is recommended.
export const recommendationMessages = defineMessages(
  {
    recommendations: {
      nav: 'おすすめ',
      title: 'あなたへのおすすめ',
      intro: 'プロフィールとプロジェクトの条件を照らし合わせて、合うものから順に並べています。',
      noProfile: 'まずはプロフィールを入力しましょう',
      noProfileHint:
        'スキルや関心のあるテーマ、参加できる時間、住まいを入力すると、あなたに合うプロジェクトをおすすめします。',
      fillProfile: 'プロフィールを入力する',
      editProfile: 'プロフィールを見直す',
      computing: 'あなたに合うプロジェクトを探しています。しばらくお待ちください…',
      updating: '最新のプロフィールでおすすめを計算し直しています…',
      empty: '今のところ、おすすめできるプロジェクトはありません',
      emptyHint:
        '新しいプロジェクトが公開されると、ここに表示されます。スキルや関心のあるテーマを見直すと、見つかりやすくなります。',
      browse: 'プロジェクトを探す',
      rank: '{{rank}} 位',
      match: '相性 {{percent}}%',
      why: 'おすすめの理由',
      consider: '確認しておきたい点',
      open: '詳しく見る',
    },
    reasons: {
      skills: {
        none: '特別なスキルがなくても参加できます。',
        match: 'あなたの{{skills}}のスキルが求められています。',
        also: '{{skills}}もあると、さらに活躍できます。',
        toGrow: '求められている{{skills}}は、参加しながら身につけられるかもしれません。',
      },
      theme: {
        match: '関心のあるテーマ「{{theme}}」のプロジェクトです。',
        unset:
          'テーマは「{{theme}}」です。関心のあるテーマを登録すると、より確かなおすすめになります。',
        other: 'テーマ「{{theme}}」は、登録した関心のあるテーマとは異なります。',
      },
      hours: {
        flexible: '活動時間は地域の方と相談して決められます。',
        unset:
          '週{{need}}時間ほどの活動です。参加できる時間を登録すると、無理のないものをおすすめします。',
        fits: '週{{need}}時間ほどの活動で、あなたが参加できる週{{have}}時間に収まります。',
        more: '週{{need}}時間ほどの活動で、あなたが参加できる週{{have}}時間より多めです。',
      },
      place: {
        remote: 'リモートで参加できるので、どこに住んでいても関われます。',
        unset: '現地は{{place}}です。住まいを登録すると、通いやすさも考えておすすめします。',
        near: '現地の{{place}}は、あなたの住まいから通いやすい距離です。',
        reachable: '現地の{{place}}へは少し距離がありますが、行き来できる範囲です。',
        far: '現地の{{place}}は、あなたの住まいから遠い場所です。',
        hybrid: 'リモートと組み合わせるので、現地へ行く回数は少なめです。',
      },
      goal: {
        match: 'あなたが登録した参加の目的に合うプロジェクトです。',
        unset: '参加の目的を登録すると、目的に合うものを優先しておすすめします。',
        other: '登録した参加の目的とは、少し方向が異なります。',
      },
      tie: {
        known: 'これまでに関わりのある{{region}}のプロジェクトです。',
        new: '{{region}}と新しくつながるきっかけになります。',
      },
      fairness: {
        few: 'まだ候補者が少ないプロジェクトなので、あなたの参加が特に待たれています。',
        many: '多くの人が候補になっている人気のプロジェクトです。',
      },
    },
  },
  {
    recommendations: {
      nav: 'For you',
      title: 'Recommended for you',
      intro: 'Projects matched against your profile, the best fit first.',
      noProfile: 'Start with your profile',
      noProfileHint:
        'Tell us your skills, the themes you care about, your time and where you live, and we will recommend projects that suit you.',
      fillProfile: 'Fill in your profile',
      editProfile: 'Review your profile',
      computing: 'Finding projects that suit you. This takes a moment…',
      updating: 'Updating your recommendations with your latest profile…',
      empty: 'No projects to recommend yet',
      emptyHint:
        'New projects appear here as they are published. Reviewing your skills and themes helps too.',
      browse: 'Find projects',
      rank: 'No. {{rank}}',
      match: '{{percent}}% match',
      why: 'Why we recommend it',
      consider: 'Worth knowing',
      open: 'View project',
    },
    reasons: {
      skills: {
        none: 'No particular skills are needed.',
        match: 'It asks for your {{skills}} skills.',
        also: '{{skills}} would help too.',
        toGrow: 'It asks for {{skills}}, which you could pick up along the way.',
      },
      theme: {
        match: 'It is about {{theme}}, a theme you care about.',
        unset: 'Its theme is {{theme}}. Add the themes you care about for sharper recommendations.',
        other: 'Its theme, {{theme}}, is not one of the themes you gave.',
      },
      hours: {
        flexible: 'The hours are agreed with the region.',
        unset:
          'It takes about {{need}} hours a week. Add the hours you can give and we will weigh them.',
        fits: 'It takes about {{need}} hours a week, within the {{have}} you can give.',
        more: 'It takes about {{need}} hours a week, more than the {{have}} you can give.',
      },
      place: {
        remote: 'It is remote, so you can join from anywhere.',
        unset: 'It takes place in {{place}}. Add where you live and we will weigh the distance.',
        near: 'It takes place in {{place}}, within easy reach of your home.',
        reachable: 'It takes place in {{place}}, some way from home but within reach.',
        far: 'It takes place in {{place}}, far from where you live.',
        hybrid: 'Part of it is remote, so fewer trips.',
      },
      goal: {
        match: 'It serves one of the goals you gave.',
        unset: 'Add your goals and we will put projects that serve them first.',
        other: 'It does not quite serve the goals you gave.',
      },
      tie: {
        known: 'You already have ties with {{region}}.',
        new: 'A chance to get to know {{region}}.',
      },
      fairness: {
        few: 'Few people have been matched to it yet, so you would be especially welcome.',
        many: 'Many people have been matched to it already.',
      },
    },
  },
);
