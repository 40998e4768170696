import { CouncilTag } from '@tsunagu/council';
import { OrganizationKind } from '@tsunagu/identity';
import { ParticipantGoal, ParticipantKind } from '@tsunagu/participants';
import { ProjectMode, SkillRequirement } from '@tsunagu/projects';

// Demo content modelled on the seed programs of the relationship-population policy. Every demo
// account uses DEMO_PASSWORD; the README lists them.
export const DEMO_PASSWORD = 'tsunagu-demo-2026';
export const DEMO_ADMIN = { email: 'admin@demo.tsunagu.jp', displayName: 'プラットフォーム管理者' };

export interface DemoOrganization {
  key: string;
  kind: OrganizationKind;
  name: string;
  municipalityCode?: string;
  remit?: { prefectureCodes: string[]; municipalityCodes: string[] };
  staff: Array<{ email: string; displayName: string; owner?: boolean; locale?: 'ja' | 'en' }>;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    key: 'hokkaido-hub',
    kind: OrganizationKind.INTERMEDIARY,
    name: '一般社団法人 北海道関係人口つなぐネット',
    remit: { prefectureCodes: ['01'], municipalityCodes: [] },
    staff: [{ email: 'hokkaido@demo.tsunagu.jp', displayName: '佐藤 美咲', owner: true }],
  },
  {
    key: 'tohoku-hub',
    kind: OrganizationKind.INTERMEDIARY,
    name: '一般社団法人 いわて伴走支援センター',
    remit: { prefectureCodes: ['03'], municipalityCodes: [] },
    staff: [{ email: 'iwate@demo.tsunagu.jp', displayName: '千葉 健太', owner: true }],
  },
  {
    key: 'chubu-hub',
    kind: OrganizationKind.INTERMEDIARY,
    name: 'NPO法人 信越ふるさとコネクト',
    remit: { prefectureCodes: ['15'], municipalityCodes: ['204226'] },
    staff: [{ email: 'shinetsu@demo.tsunagu.jp', displayName: '小林 里奈', owner: true }],
  },
  {
    key: 'sanin-hub',
    kind: OrganizationKind.INTERMEDIARY,
    name: '一般社団法人 とっとり関係人口デスク',
    remit: { prefectureCodes: ['31'], municipalityCodes: [] },
    staff: [
      { email: 'tottori@demo.tsunagu.jp', displayName: '山本 翔', owner: true, locale: 'en' },
    ],
  },
  {
    key: 'bihoro',
    kind: OrganizationKind.REGION,
    name: '美幌町 まちづくりグループ',
    municipalityCode: '015431',
    staff: [{ email: 'bihoro@demo.tsunagu.jp', displayName: '高橋 大地', owner: true }],
  },
  {
    key: 'mukawa',
    kind: OrganizationKind.REGION,
    name: 'むかわ町 地域おこし推進室',
    municipalityCode: '015865',
    staff: [{ email: 'mukawa@demo.tsunagu.jp', displayName: '伊藤 真理', owner: true }],
  },
  {
    key: 'ichinoseki',
    kind: OrganizationKind.REGION,
    name: '一関市 まちづくり推進課',
    municipalityCode: '032093',
    staff: [{ email: 'ichinoseki@demo.tsunagu.jp', displayName: '菅原 拓也', owner: true }],
  },
  {
    key: 'agematsu',
    kind: OrganizationKind.REGION,
    name: '上松町 木曽ひのきの里づくり協議会',
    municipalityCode: '204226',
    staff: [{ email: 'agematsu@demo.tsunagu.jp', displayName: '木下 陽子', owner: true }],
  },
  {
    key: 'ojiya',
    kind: OrganizationKind.REGION,
    name: '小千谷市 地域づくり協議会',
    municipalityCode: '152081',
    staff: [{ email: 'ojiya@demo.tsunagu.jp', displayName: '星野 誠', owner: true }],
  },
  {
    key: 'nanbu',
    kind: OrganizationKind.REGION,
    name: '南部町 さとやま暮らし推進室',
    municipalityCode: '313891',
    staff: [{ email: 'nanbu@demo.tsunagu.jp', displayName: '遠藤 さくら', owner: true }],
  },
  {
    key: 'company',
    kind: OrganizationKind.COMPANY,
    name: '株式会社みらいワークス（越境研修プログラム）',
    staff: [{ email: 'hr@demo.tsunagu.jp', displayName: '中村 香織', owner: true }],
  },
];

// Council (かかわりラボ) members: approved, with what they offer and seek, so the directory and
// partner suggestions have something to show. The other demo organisations are not members.
export interface DemoCouncilMember {
  organizationKey: string;
  municipalityCode: string;
  themeCodes: string[];
  introductionJa: string;
  introductionEn: string;
  offerTags: CouncilTag[];
  offerText?: string;
  seekTags: CouncilTag[];
  seekText?: string;
}

export const DEMO_COUNCIL_MEMBERS: DemoCouncilMember[] = [
  {
    organizationKey: 'hokkaido-hub',
    municipalityCode: '011002',
    themeCodes: ['learning', 'work'],
    introductionJa:
      '北海道の市町村と都市の人をつなぐ中間支援団体です。受け入れ地域の伴走と、企業の越境研修の設計をしています。',
    introductionEn:
      'An intermediary linking Hokkaido towns with city people: we accompany host regions and design cross-boundary training for companies.',
    offerTags: [CouncilTag.KNOW_HOW, CouncilTag.TRAINING, CouncilTag.PARTNER_REGIONS],
    offerText: '道内30市町村との受け入れ実績と、伴走の手引きを共有できます。',
    seekTags: [CouncilTag.CORPORATE_PARTNERS, CouncilTag.FUNDING],
    seekText: '社員研修として地域に人を送ってくださる企業を探しています。',
  },
  {
    organizationKey: 'bihoro',
    municipalityCode: '015431',
    themeCodes: ['agriculture', 'local'],
    introductionJa:
      '酪農と畑作の町です。廃校を改修した交流拠点があり、農作業や町の発信を手伝ってくれる人を迎えています。',
    introductionEn:
      'A dairy and farming town with a community base in a former school, welcoming people who help on farms and with telling the town’s story.',
    offerTags: [CouncilTag.VENUES, CouncilTag.LOCAL_RESOURCES, CouncilTag.ACCOMMODATION],
    offerText: '交流拠点（旧小学校）と、短期滞在用の町営住宅があります。',
    seekTags: [CouncilTag.PARTICIPANTS, CouncilTag.PUBLICITY, CouncilTag.DIGITAL],
    seekText: '週末や長期休みに来てくれる社員・学生、町の発信を手伝ってくれる人。',
  },
  {
    organizationKey: 'ichinoseki',
    municipalityCode: '032093',
    themeCodes: ['learning', 'local'],
    introductionJa: '中山間地の集落と市街地が一緒に、高校生や大学生の地域留学を受け入れています。',
    introductionEn:
      'Hill villages and the city centre together host high-school and university students for study stays.',
    offerTags: [CouncilTag.LOCAL_RESOURCES, CouncilTag.EVENTS],
    seekTags: [CouncilTag.PARTICIPANTS, CouncilTag.PROFESSIONAL_SKILLS, CouncilTag.KNOW_HOW],
  },
  {
    organizationKey: 'company',
    municipalityCode: '131016',
    themeCodes: ['work', 'learning'],
    introductionJa:
      '社員の越境研修として、地域の課題に取り組むプログラムを運営しています。デジタルや広報のスキルを持つ社員が参加します。',
    introductionEn:
      'We run cross-boundary training where employees work on regional challenges, bringing digital and communications skills.',
    offerTags: [
      CouncilTag.PARTICIPANTS,
      CouncilTag.PROFESSIONAL_SKILLS,
      CouncilTag.DIGITAL,
      CouncilTag.FUNDING,
    ],
    offerText: '年間20名程度の社員を、1〜3か月の研修として地域に送り出せます。',
    seekTags: [CouncilTag.PARTNER_REGIONS, CouncilTag.VENUES],
    seekText: '社員を受け入れてくださる地域と、滞在・作業の拠点。',
  },
];

export interface DemoParticipant {
  email: string;
  displayName: string;
  kind: ParticipantKind;
  homeMunicipalityCode: string;
  bio: string;
  locale?: 'ja' | 'en';
  companyKey?: string;
  // A minor's date of birth and guardian (consent requests go to that address).
  dateOfBirth?: string;
  guardianName?: string;
  guardianEmail?: string;
  // Taxonomy skill code → level 1–5.
  skills: Record<string, number>;
  themeCodes: string[];
  goals: ParticipantGoal[];
  weeklyHours: number;
  remoteOnly?: boolean;
}

export const DEMO_PARTICIPANTS: DemoParticipant[] = [
  {
    email: 'probono@demo.tsunagu.jp',
    displayName: '田中 一郎',
    kind: ParticipantKind.PRO_BONO,
    homeMunicipalityCode: '131130', // 東京都渋谷区
    skills: { 'digital-marketing': 4, 'social-media': 4, 'web-design': 3, writing: 3 },
    themeCodes: ['work', 'local'],
    goals: [ParticipantGoal.SKILL_INVENTORY, ParticipantGoal.SIDE_JOB_TRIAL],
    weeklyHours: 5,
    bio: 'IT企業でWebマーケティングを担当。週末に地域のプロジェクトに関わりたい。',
  },
  {
    email: 'student@demo.tsunagu.jp',
    displayName: '鈴木 花子',
    kind: ParticipantKind.UNIVERSITY_STUDENT,
    homeMunicipalityCode: '141003', // 横浜市
    skills: { 'farm-work': 2, photography: 3, 'social-media': 3, 'data-analysis': 2 },
    themeCodes: ['agriculture', 'learning'],
    goals: [ParticipantGoal.LEARNING, ParticipantGoal.EXPLORING_A_MOVE],
    weeklyHours: 10,
    bio: '大学3年生。地域政策を専攻し、農業と観光に関心があります。',
  },
  {
    email: 'highschool@demo.tsunagu.jp',
    displayName: '渡辺 蓮',
    kind: ParticipantKind.HIGH_SCHOOL_STUDENT,
    homeMunicipalityCode: '271004', // 大阪市
    dateOfBirth: '2010-06-12',
    guardianName: '渡辺 美香',
    guardianEmail: 'guardian.watanabe@demo.tsunagu.jp',
    skills: { 'inquiry-learning': 2, 'video-production': 2 },
    themeCodes: ['learning'],
    goals: [ParticipantGoal.LEARNING],
    weeklyHours: 3,
    remoteOnly: true,
    bio: '高校2年生。探究学習で地域の課題を調べています。',
  },
  {
    email: 'employee@demo.tsunagu.jp',
    displayName: 'Emily Carter',
    kind: ParticipantKind.COMPANY_EMPLOYEE,
    homeMunicipalityCode: '131041', // 東京都新宿区
    skills: { 'ui-design': 4, 'product-development': 3, english: 5, 'graphic-design': 4 },
    themeCodes: ['work'],
    goals: [ParticipantGoal.CAREER_BUILDING],
    weeklyHours: 8,
    bio: 'Product designer at a Tokyo company, joining through its regional training program.',
    locale: 'en',
    companyKey: 'company',
  },
];

export interface DemoProject {
  regionKey: string;
  title: string;
  description: string;
  themeCode: string;
  mode: ProjectMode;
  startDate: string;
  endDate?: string;
  capacity: number;
  teamSize?: number;
  hoursPerWeek?: number;
  seasonMonths?: number[];
  eligibleKinds?: ParticipantKind[];
  languages?: string[];
  // Taxonomy skill code → [requirement, minimum level].
  skills: Record<string, [SkillRequirement, number]>;
  publish: boolean;
}

export const DEMO_PROJECTS: DemoProject[] = [
  {
    regionKey: 'bihoro',
    title: '美幌町の空き家バンクを一緒に立て直すプロジェクト',
    description:
      '町内の空き家情報を整理し、移住希望者や二地域居住者に届くWebページとSNS発信を設計します。オンライン中心、月1回の現地訪問あり。',
    themeCode: 'work',
    mode: ProjectMode.HYBRID,
    startDate: '2026-12-01',
    endDate: '2027-03-31',
    capacity: 3,
    skills: {
      'web-design': [SkillRequirement.MUST, 3],
      'social-media': [SkillRequirement.NICE, 2],
      'relocation-support': [SkillRequirement.NICE, 1],
    },
    hoursPerWeek: 5,
    teamSize: 2,
    publish: true,
  },
  {
    regionKey: 'bihoro',
    title: '美幌峠の観光ガイドを英語で発信したい',
    description:
      '訪日観光客向けに美幌峠と屈斜路湖の魅力を伝える英語コンテンツを、地元ガイドと一緒に作ります。',
    themeCode: 'work',
    mode: ProjectMode.REMOTE,
    startDate: '2027-01-10',
    endDate: '2027-04-30',
    capacity: 2,
    skills: {
      english: [SkillRequirement.MUST, 4],
      'tourism-promotion': [SkillRequirement.NICE, 2],
    },
    hoursPerWeek: 4,
    languages: ['ja', 'en'],
    publish: true,
  },
  {
    regionKey: 'mukawa',
    title: 'むかわ町 震災復興と地域食材のマルシェ運営',
    description:
      'ししゃもや米など地域食材を扱うマルシェの企画・運営を、町の若手事業者と共に行います。',
    themeCode: 'local',
    mode: ProjectMode.ONSITE,
    startDate: '2027-05-01',
    endDate: '2027-09-30',
    capacity: 4,
    skills: {
      'event-planning': [SkillRequirement.MUST, 3],
      'local-cuisine': [SkillRequirement.NICE, 2],
    },
    hoursPerWeek: 12,
    teamSize: 2,
    publish: true,
  },
  {
    regionKey: 'ichinoseki',
    title: '一関市の中学生とつくる「まちの未来」探究授業',
    description:
      '地元中学校の探究学習で、大学生が伴走役となり地域の課題と解決策を一緒に考えます。オンライン授業と夏の現地合宿。',
    themeCode: 'learning',
    mode: ProjectMode.HYBRID,
    startDate: '2027-04-15',
    endDate: '2027-08-31',
    capacity: 5,
    skills: {
      'inquiry-learning': [SkillRequirement.MUST, 2],
      facilitation: [SkillRequirement.NICE, 2],
    },
    hoursPerWeek: 3,
    eligibleKinds: [ParticipantKind.UNIVERSITY_STUDENT],
    publish: true,
  },
  {
    regionKey: 'ichinoseki',
    title: '空き家の活用アイデアソン（一関）',
    description:
      '中心市街地の空き家の活用アイデアを、プロボノと地元事業者が2日間で形にするイベントの企画運営。',
    themeCode: 'work',
    mode: ProjectMode.ONSITE,
    startDate: '2027-02-20',
    endDate: '2027-02-21',
    capacity: 6,
    skills: {
      'akiya-renovation': [SkillRequirement.NICE, 2],
      'workshop-design': [SkillRequirement.MUST, 3],
    },
    hoursPerWeek: 16,
    publish: true,
  },
  {
    regionKey: 'agematsu',
    title: '木曽ひのきの端材を使った商品開発',
    description:
      '製材所で出る木曽ひのきの端材を活かした商品を、デザイナーと町の職人が一緒に企画・試作します。',
    themeCode: 'work',
    mode: ProjectMode.HYBRID,
    startDate: '2027-01-15',
    endDate: '2027-06-30',
    capacity: 3,
    skills: {
      'product-development': [SkillRequirement.MUST, 3],
      'package-design': [SkillRequirement.NICE, 3],
      'traditional-crafts': [SkillRequirement.NICE, 1],
    },
    hoursPerWeek: 6,
    eligibleKinds: [ParticipantKind.PRO_BONO, ParticipantKind.COMPANY_EMPLOYEE],
    publish: true,
  },
  {
    regionKey: 'agematsu',
    title: '赤沢自然休養林の森林セラピー体験づくり',
    description: '森林セラピー基地としての魅力を都市の企業研修向けプログラムに仕立てます。',
    themeCode: 'learning',
    mode: ProjectMode.ONSITE,
    startDate: '2027-05-20',
    capacity: 4,
    skills: {
      'tour-planning': [SkillRequirement.MUST, 3],
      'outdoor-education': [SkillRequirement.NICE, 2],
    },
    hoursPerWeek: 8,
    seasonMonths: [5, 6, 7, 8, 9, 10],
    publish: false,
  },
  {
    regionKey: 'ojiya',
    title: '小千谷の棚田で田植えと稲刈りの援農',
    description:
      '中山間地の棚田で、田植え（5月）と稲刈り（9月）を手伝う援農ボランティア。農家民泊つき。',
    themeCode: 'agriculture',
    mode: ProjectMode.ONSITE,
    startDate: '2027-05-10',
    endDate: '2027-09-30',
    capacity: 8,
    skills: { 'rice-farming': [SkillRequirement.NICE, 1], 'farm-work': [SkillRequirement.NICE, 1] },
    hoursPerWeek: 16,
    teamSize: 4,
    seasonMonths: [5, 9],
    publish: true,
  },
  {
    regionKey: 'ojiya',
    title: '錦鯉の魅力を伝える動画制作',
    description: '錦鯉発祥の地・小千谷の養鯉場を取材し、海外向けの短編動画を制作します。',
    themeCode: 'work',
    mode: ProjectMode.HYBRID,
    startDate: '2027-03-01',
    endDate: '2027-07-31',
    capacity: 2,
    skills: { 'video-production': [SkillRequirement.MUST, 3], english: [SkillRequirement.NICE, 3] },
    hoursPerWeek: 5,
    publish: true,
  },
  {
    regionKey: 'nanbu',
    title: '南部町 地域運営組織の会計・事務サポート',
    description:
      '地域運営組織（RMO）の会計と事務のしくみ化を、経理経験のあるプロボノがオンラインで支援します。',
    themeCode: 'local',
    mode: ProjectMode.REMOTE,
    startDate: '2027-01-05',
    endDate: '2027-03-31',
    capacity: 2,
    skills: {
      accounting: [SkillRequirement.MUST, 3],
      bookkeeping: [SkillRequirement.NICE, 3],
      spreadsheet: [SkillRequirement.NICE, 3],
    },
    hoursPerWeek: 3,
    eligibleKinds: [ParticipantKind.PRO_BONO],
    publish: true,
  },
  {
    regionKey: 'nanbu',
    title: '梨農家の収穫と直売の手伝い',
    description: '二十世紀梨の収穫と直売所の運営を手伝います。農作業の経験は問いません。',
    themeCode: 'agriculture',
    mode: ProjectMode.ONSITE,
    startDate: '2027-08-20',
    endDate: '2027-09-30',
    capacity: 5,
    skills: { 'fruit-farming': [SkillRequirement.NICE, 1], retail: [SkillRequirement.NICE, 1] },
    hoursPerWeek: 20,
    seasonMonths: [8, 9],
    publish: true,
  },
  {
    regionKey: 'mukawa',
    title: '恐竜のまち むかわ 高校生向けサイエンスキャンプ',
    description:
      'むかわ竜（カムイサウルス）を題材に、都市の高校生が地域の博物館と学ぶ夏のキャンプを企画します。',
    themeCode: 'learning',
    mode: ProjectMode.ONSITE,
    startDate: '2027-07-25',
    endDate: '2027-08-05',
    capacity: 10,
    skills: {
      'outdoor-education': [SkillRequirement.MUST, 2],
      'event-planning': [SkillRequirement.NICE, 2],
    },
    hoursPerWeek: 10,
    teamSize: 2,
    eligibleKinds: [ParticipantKind.UNIVERSITY_STUDENT],
    publish: false,
  },
];

// Applications made by demo participants (participant e-mail → project title).
export const DEMO_APPLICATIONS: Array<{
  participant: string;
  project: string;
  motivation: string;
}> = [
  {
    participant: 'probono@demo.tsunagu.jp',
    project: '美幌町の空き家バンクを一緒に立て直すプロジェクト',
    motivation: 'Webマーケティングの経験を活かし、空き家バンクの発信を一緒に考えたいです。',
  },
  {
    participant: 'student@demo.tsunagu.jp',
    project: '小千谷の棚田で田植えと稲刈りの援農',
    motivation: '農業の現場を体験し、卒業研究のテーマにつなげたいと考えています。',
  },
];

// Farm days on the Ojiya rice terraces (activity days): the first of them this many days after
// the demo data is loaded, then weekly, so they are always ahead.
export const DEMO_ACTIVITY_DAYS = {
  project: '小千谷の棚田で田植えと稲刈りの援農',
  firstInDays: 10,
  weeks: 3,
  startTime: '08:30',
  endTime: '15:00',
  places: 6,
  meetingPoint: '小千谷市 塩谷集落センター前',
  whatToBring: '長靴、軍手、帽子、タオル、飲み物',
  noteJa: 'お昼は農家さんの手作りおにぎりです。雨の日は前日に連絡します。',
  noteEn: 'Lunch is rice balls made by the farmers. If it rains we tell you the day before.',
};
