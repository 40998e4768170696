import type { ProjectMode } from '@tsunagu/projects';
import { Prng } from './prng';

// Japanese project titles and descriptions from templates per theme, so that text search finds
// real words (空き家, 棚田, 援農, 観光PR, 学習支援…). Each idea has its title, openings and tasks
// and the ways of working that suit it (repeats weigh). Placeholders: {town} the municipality
// (美幌町), {pref} its prefecture, {crop}, {product}, {festival}, {spot}.

type Mode = `${ProjectMode}`;

interface Idea {
  title: string;
  openings: readonly string[];
  tasks: readonly string[];
  modes: readonly Mode[];
}

const ON_SITE: readonly Mode[] = ['ONSITE', 'ONSITE', 'ONSITE', 'HYBRID'];
const MIXED: readonly Mode[] = ['ONSITE', 'HYBRID', 'HYBRID'];
const MOSTLY_REMOTE: readonly Mode[] = ['REMOTE', 'REMOTE', 'HYBRID', 'HYBRID', 'ONSITE'];

const IDEAS: Record<string, readonly Idea[]> = {
  agriculture: [
    {
      title: '{town}の棚田の援農',
      openings: [
        '{pref}{town}の山あいには、先人が守ってきた棚田が広がっています。',
        '{town}の棚田は、担い手の高齢化で維持が難しくなっています。',
      ],
      tasks: [
        '田植えや稲刈り、畦の草刈りを農家さんと一緒に行う援農です。',
        '水路の掃除など、棚田を守る共同作業にも参加していただきます。',
        '作業の後は、地域の方との食事会もあります。',
      ],
      modes: ON_SITE,
    },
    {
      title: '{town}で{crop}の収穫を手伝う援農ボランティア',
      openings: [
        '{town}は{crop}の産地ですが、農家の高齢化で人手が足りません。',
        '{crop}の収穫期には、毎年たくさんの人手が必要です。',
      ],
      tasks: [
        '農家さんと一緒に{crop}の収穫と選果を行います。',
        '援農に来る人の受け入れの仕組みづくりにも関わってください。',
        '農作業の経験は問いません。',
      ],
      modes: ON_SITE,
    },
    {
      title: '耕作放棄地を再生する{crop}づくり',
      openings: [
        '{town}では耕作放棄地が年々増えています。',
        '{pref}{town}の集落では、使われなくなった畑が目立つようになりました。',
      ],
      tasks: [
        '草刈りや開墾から始め、{crop}の植え付けまでを一緒に行います。',
        '再生した畑の活用方法を、地域の方と一緒に考えます。',
      ],
      modes: ON_SITE,
    },
    {
      title: '{crop}の6次産業化と商品開発',
      openings: [
        '{town}の{crop}は評判が良いものの、規格外品の多くが廃棄されています。',
        '{town}の農家さんは、{crop}を使った加工品づくりに挑戦しています。',
      ],
      tasks: [
        '{crop}を使った加工品の企画と試作を一緒に進めます。',
        'パッケージや販売ページのデザインもお願いします。',
        '販路や価格の調査を行い、事業計画にまとめます。',
      ],
      modes: MIXED,
    },
    {
      title: '{town}の農家民泊の受け入れサポート',
      openings: ['{town}では、農家民泊で都市の人を受け入れる取り組みが広がっています。'],
      tasks: [
        '受け入れ農家の体験プログラムづくりを手伝ってください。',
        '予約の管理や案内の多言語化を進めます。',
      ],
      modes: MIXED,
    },
    {
      title: '{crop}農家の直販サイトとSNSづくり',
      openings: ['{town}の{crop}農家は、市場出荷だけに頼らない売り方を探しています。'],
      tasks: [
        '直販サイトの立ち上げと、商品ページの作成をお願いします。',
        '収穫の様子を伝えるSNS発信を農家さんと一緒に続けます。',
      ],
      modes: MOSTLY_REMOTE,
    },
    {
      title: '新規就農者と一緒に{crop}を育てる',
      openings: ['{pref}{town}には、ここ数年で若い新規就農者が増えています。'],
      tasks: [
        '新規就農者の畑で、種まきから収穫までの作業を手伝います。',
        '直売所やマルシェでの販売にも関わっていただけます。',
      ],
      modes: ON_SITE,
    },
  ],
  work: [
    {
      title: '{town}の観光PRとSNS発信',
      openings: [
        '{town}には{spot}など魅力ある資源がありますが、発信が追いついていません。',
        '{pref}{town}を訪れる観光客は、ここ数年減り続けています。',
      ],
      tasks: [
        '観光PRの企画から撮影、SNSでの発信までを担当していただきます。',
        '発信の効果を数字で振り返り、改善につなげます。',
      ],
      modes: MIXED,
    },
    {
      title: '空き家の活用プラン作り',
      openings: [
        '{town}では空き家が増え、活用の担い手を探しています。',
        '{pref}{town}には、状態の良い空き家が数多く残っています。',
      ],
      tasks: [
        '空き家の所有者への聞き取りと活用プランの作成をお願いします。',
        '空き家バンクの掲載情報を見直し、移住希望者に届く形にします。',
      ],
      modes: MIXED,
    },
    {
      title: '{town}の特産品ECサイトの改善',
      openings: ['{town}の{product}を、もっと多くの人に届けたいと考えています。'],
      tasks: [
        '売上データを分析し、商品ページの改善につなげます。',
        '商品写真の撮影と紹介文の作成をお願いします。',
      ],
      modes: MOSTLY_REMOTE,
    },
    {
      title: '地域企業のバックオフィスのデジタル化',
      openings: ['{pref}{town}の中小企業では、紙とFAXによる事務作業が今も中心です。'],
      tasks: [
        '業務の流れを聞き取り、クラウドツールの導入を支援します。',
        '経理や勤怠管理の仕組みを一緒に整えます。',
      ],
      modes: MOSTLY_REMOTE,
    },
    {
      title: '商店街の事業承継サポート',
      openings: ['{town}の商店街では、後継ぎのいない店が少なくありません。'],
      tasks: [
        '店主さんへの聞き取りを行い、事業承継の課題を整理します。',
        '引き継ぎを希望する人とのマッチングの仕組みを考えます。',
      ],
      modes: MIXED,
    },
    {
      title: '道の駅の売場づくりとデータ分析',
      openings: ['{town}の道の駅は、地域の農産物と{product}の販売拠点です。'],
      tasks: [
        'POSデータを分析し、売場の配置や品ぞろえの改善案をまとめます。',
        '現地で売場づくりの実験を行います。',
      ],
      modes: MIXED,
    },
    {
      title: '移住相談窓口のWebサイトリニューアル',
      openings: ['{pref}{town}の移住相談窓口には、都市部からの問い合わせが増えています。'],
      tasks: [
        'Webサイトの構成を見直し、デザインと実装を進めます。',
        '先輩移住者へのインタビュー記事を作成します。',
      ],
      modes: MOSTLY_REMOTE,
    },
    {
      title: 'ふるさと納税の返礼品ページ改善',
      openings: ['{town}のふるさと納税では、{product}が人気の返礼品です。'],
      tasks: [
        '返礼品ページの写真と紹介文を改善します。',
        '寄付者の声を分析し、新しい返礼品を企画します。',
      ],
      modes: MOSTLY_REMOTE,
    },
    {
      title: '{product}のブランディングと販路開拓',
      openings: ['{town}の{product}は品質が高いものの、知名度が低いのが課題です。'],
      tasks: [
        'ブランドの方向性を事業者さんと一緒に考えます。',
        '首都圏の小売店や飲食店への販路開拓を進めます。',
      ],
      modes: MIXED,
    },
  ],
  learning: [
    {
      title: '地域の学習支援（中高生の放課後学習）',
      openings: ['{town}には塾がなく、子どもたちの学びの機会が限られています。'],
      tasks: [
        '放課後の学習支援で、中高生の勉強を見てください。',
        'オンラインでの学習支援も歓迎します。',
      ],
      modes: MIXED,
    },
    {
      title: '{town}の子ども食堂と学習支援',
      openings: ['{town}の子ども食堂は、地域の子どもたちの居場所になっています。'],
      tasks: [
        '食事の準備と、食後の学習支援をお願いします。',
        '子どもたちと一緒に遊ぶ時間も大切にしています。',
      ],
      modes: ON_SITE,
    },
    {
      title: '高校の探究学習の伴走',
      openings: ['{pref}{town}の高校では、地域をテーマにした探究学習に取り組んでいます。'],
      tasks: [
        '探究学習の問いづくりや発表の準備を伴走します。',
        '先生方と相談しながら、授業の一部を担当していただきます。',
      ],
      modes: MIXED,
    },
    {
      title: '{town}の歴史を記録するアーカイブづくり',
      openings: ['{town}の古い写真や記録が、整理されないまま眠っています。'],
      tasks: [
        '地域のお年寄りへの聞き取りを行います。',
        '資料を整理してデジタル化し、アーカイブにまとめます。',
      ],
      modes: MIXED,
    },
    {
      title: 'オンライン英会話で地域の子どもと交流',
      openings: ['{town}の子どもたちに、都市で働く大人と話す機会をつくりたいと考えています。'],
      tasks: [
        '週1回、オンラインで小中学生と英語で会話します。',
        '仕事や暮らしについて、子どもたちの質問に答えてください。',
      ],
      modes: MOSTLY_REMOTE,
    },
    {
      title: '小学生向けプログラミング教室の講師',
      openings: ['{town}の小学校では、プログラミング教育の担い手が不足しています。'],
      tasks: [
        '教材の準備と、教室での指導をお願いします。',
        '地域の先生が続けられるよう、教え方の共有も行います。',
      ],
      modes: MIXED,
    },
    {
      title: '離島・山間部の中学生向けオンライン学習支援',
      openings: ['{pref}{town}の中学生は、通える塾や予備校がなく、学ぶ機会が限られています。'],
      tasks: [
        'オンラインで週1〜2回、数学や英語の学習を支援します。',
        '進路の相談にも乗っていただけると助かります。',
      ],
      modes: ['REMOTE', 'REMOTE', 'REMOTE', 'HYBRID'],
    },
    {
      title: '{town}の公営塾での学習支援',
      openings: ['{town}の公営塾では、高校生の進路実現を支えています。'],
      tasks: [
        '受験勉強の質問対応と学習計画づくりを手伝ってください。',
        '大学生活や仕事について話す座談会も企画します。',
      ],
      modes: MIXED,
    },
  ],
  local: [
    {
      title: '{town}の{festival}の運営サポート',
      openings: ['{town}では人口が減り、{festival}の担い手が足りなくなっています。'],
      tasks: [
        '地域の方と一緒に準備をし、当日の運営を手伝ってください。',
        '来場者アンケートを集め、来年に向けた改善点をまとめます。',
      ],
      modes: ON_SITE,
    },
    {
      title: '空き家を活用した交流拠点づくり',
      openings: ['{town}の空き家を、地域の居場所として生かしたいと考えています。'],
      tasks: [
        '空き家の片付けや改修のワークショップに参加していただきます。',
        '交流拠点の運営ルールを地域の方と一緒に考えます。',
      ],
      modes: ON_SITE,
    },
    {
      title: '高齢者の見守りと買い物支援',
      openings: ['{pref}{town}の集落では、住民の半数以上が高齢者です。'],
      tasks: [
        '買い物支援の仕組みづくりと、見守り訪問に参加していただきます。',
        'オンラインでの注文を手伝うデジタル講座も開きます。',
      ],
      modes: ON_SITE,
    },
    {
      title: '{town}の移住者交流会の企画',
      openings: ['{town}では移住者が増え、地域とのつながりづくりが課題です。'],
      tasks: [
        '移住者と地域の方が出会う交流会を企画します。',
        '参加者の声を集めて、次の企画につなげます。',
      ],
      modes: MIXED,
    },
    {
      title: '{town}のオンライン関係人口コミュニティの運営',
      openings: ['{town}には、ふるさと納税や旅行をきっかけに町を応援する人が全国にいます。'],
      tasks: [
        'オンラインコミュニティの企画と運営を担当していただきます。',
        '町の近況を伝えるニュースレターを毎月発行します。',
      ],
      modes: MOSTLY_REMOTE,
    },
    {
      title: '地域の防災マップづくり',
      openings: ['{town}では、災害時の避難経路を住民自身で確認したいという声があります。'],
      tasks: [
        'まち歩きと住民への聞き取りを行い、防災マップにまとめます。',
        '完成したマップを使った避難訓練にも参加してください。',
      ],
      modes: ON_SITE,
    },
    {
      title: '廃校を活用したコミュニティスペースの運営',
      openings: ['{town}の廃校を、地域の人が集まる場所として再生しています。'],
      tasks: [
        'イベントの企画と当日の運営を手伝ってください。',
        '利用者を増やすための広報を担当していただきます。',
      ],
      modes: MIXED,
    },
    {
      title: '里山の森林整備と薪づくり',
      openings: ['{town}の里山は、手入れが行き届かず荒れ始めています。'],
      tasks: [
        '間伐や下草刈りなどの森林整備を行います。',
        '間伐材を使った薪づくりと販売にも関わっていただきます。',
      ],
      modes: ON_SITE,
    },
  ],
};

// For themes a program added beyond the national four.
const GENERIC_IDEAS: readonly Idea[] = [
  {
    title: '{town}の地域づくりプロジェクト',
    openings: ['{pref}{town}では、地域の外から関わる仲間を探しています。'],
    tasks: ['地域の方と一緒に課題を整理し、できることから取り組みます。'],
    modes: MIXED,
  },
  {
    title: '{spot}を活かした地域の魅力発信',
    openings: ['{town}の{spot}は、地元の人が誇る風景です。'],
    tasks: ['取材と撮影を行い、記事や動画で発信します。'],
    modes: MIXED,
  },
];

// prettier-ignore
const CROPS = ['りんご', 'みかん', '梨', 'ぶどう', '米', '茶', 'じゃがいも', 'トマト', '椎茸', 'そば', '大豆', 'ブルーベリー', 'さつまいも', 'わさび'];
// prettier-ignore
const PRODUCTS = ['地酒', '干し柿', '木工品', '和紙', '味噌', '海産物', 'ジビエ', '焼き物', '蜂蜜', '漬物'];
// prettier-ignore
const FESTIVALS = ['夏祭り', '秋祭り', '雪まつり', '花火大会', '収穫祭', '盆踊り', '伝統芸能の奉納'];
// prettier-ignore
const SPOTS = ['温泉', '渓谷', '星空', '古い町並み', '海岸線', '城跡', '雲海', '湖'];

const MODE_SENTENCES: Record<Mode, readonly string[]> = {
  ONSITE: [
    '現地での活動が中心です。宿泊場所は地域で用意します。',
    '現地に滞在して活動します。交通費の一部を補助します。',
  ],
  REMOTE: [
    'オンラインでの打ち合わせが中心で、現地に来なくても参加できます。',
    'すべてオンラインで完結します。',
  ],
  HYBRID: [
    'オンラインと月1回程度の現地訪問を組み合わせます。',
    '普段はオンラインで進め、節目に現地を訪ねていただきます。',
  ],
};

// prettier-ignore
const CLOSINGS = [
  '初めての方も歓迎します。', '地域の方と一緒に楽しみながら取り組みましょう。',
  '関わり方は相談に応じます。', '中間支援組織のスタッフが活動を伴走します。',
];

export interface ProjectText {
  title: string;
  description: string;
  mode: Mode;
}

export function projectText(
  rng: Prng,
  place: { shortName: string; prefectureName: string },
  themeCode: string,
): ProjectText {
  const idea = rng.pick(IDEAS[themeCode] ?? GENERIC_IDEAS);
  const mode = rng.pick(idea.modes);
  const words: Record<string, string> = {
    town: place.shortName,
    pref: place.prefectureName,
    crop: rng.pick(CROPS),
    product: rng.pick(PRODUCTS),
    festival: rng.pick(FESTIVALS),
    spot: rng.pick(SPOTS),
  };
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, key: string) => words[key]);
  const chosen = rng.sample(idea.tasks, rng.int(1, Math.min(2, idea.tasks.length)));
  const tasks = idea.tasks.filter((task) => chosen.includes(task));
  const description = [
    rng.pick(idea.openings),
    ...tasks,
    rng.pick(MODE_SENTENCES[mode]),
    rng.pick(CLOSINGS),
  ]
    .map(fill)
    .join('');
  return { title: fill(idea.title), description, mode };
}
