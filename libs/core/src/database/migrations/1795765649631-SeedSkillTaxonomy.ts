import { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: the platform's starting skill taxonomy. Platform admins extend it through the API
// (createSkillCategory, createSkill, addSkillAliases); this only seeds what every region needs.

// A frozen copy of normalizeSkillName (libs/taxonomy/src/skill-name.ts) as it was when this
// migration was written: a migration must insert the same rows forever, so it cannot import app
// code that may change. If normalisation ever changes, a new migration re-normalises the rows.
function normalize(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s・·\-_/／]+/g, '');
}

// [code, nameJa, nameEn, sortOrder]
const CATEGORIES: Array<[string, string, string, number]> = [
  ['it', 'IT・デジタル', 'IT & Digital', 10],
  ['design', 'デザイン・クリエイティブ', 'Design & Creative', 20],
  ['marketing', 'マーケティング・販売', 'Marketing & Sales', 30],
  ['pr', '広報・PR', 'PR & Communications', 40],
  ['management', '経営・バックオフィス', 'Management & Back Office', 50],
  ['agriculture', '農林水産業', 'Agriculture, Forestry & Fisheries', 60],
  ['food', '食・料理', 'Food & Cooking', 70],
  ['education', '教育・子育て', 'Education & Childcare', 80],
  ['welfare', '福祉・医療', 'Welfare & Health', 90],
  ['tourism', '観光・イベント', 'Tourism & Events', 100],
  ['translation', '語学・翻訳', 'Languages & Translation', 110],
  ['facilitation', 'ファシリテーション・地域づくり', 'Facilitation & Community', 120],
  ['building', '建築・ものづくり', 'Building & Crafts', 130],
];

// [code, categoryCode, nameJa, nameEn, synonyms]. Every skill also answers to its own nameJa and
// nameEn. A normalised alias belongs to exactly one skill, so generic words are given to the
// skill people most often mean by them in regional projects:
//   デザイン / design         → graphic-design (flyers, logos, packaging; UI work says "UI")
//   農業 / agriculture / farming → farm-work (hands-on help; crops have their own skills)
//   ガイド / guide            → tour-guiding;  イベント / event → event-planning
//   空き家 / renovation       → akiya-renovation;  まちづくり / 地域づくり → community-building
//   通訳ガイド / 通訳案内士     → inbound (the licensed guide-interpreter), not interpretation
const SKILLS: Array<[string, string, string, string, string[]]> = [
  // IT・デジタル
  ['web-development', 'it', 'Web開発', 'Web development', ['ウェブ開発', 'Webエンジニア', 'web engineer', 'フロントエンド開発', 'front-end development', 'バックエンド開発', 'backend development']],
  ['website-production', 'it', 'ホームページ制作', 'Website building', ['ホームページ作成', 'HP制作', 'Webサイト制作', 'サイト制作', 'website creation', 'WordPress', 'ワードプレス', 'Wix']],
  ['app-development', 'it', 'アプリ開発', 'App development', ['アプリ', 'スマホアプリ開発', 'mobile app development', 'iOS', 'Android']],
  ['programming', 'it', 'プログラミング', 'Programming', ['コーディング', 'coding', 'プログラマー', 'programmer', 'ソフトウェア開発', 'software development', 'Python']],
  ['data-analysis', 'it', 'データ分析', 'Data analysis', ['データ解析', 'data analytics', '統計分析', 'statistics', 'データサイエンス', 'data science', 'EBPM']],
  ['gis', 'it', 'GIS・地図作成', 'GIS & mapping', ['GIS', '地理情報システム', '地図作成', 'mapping', 'QGIS']],
  ['dx-support', 'it', 'DX推進', 'Digital transformation', ['DX', 'デジタル化支援', 'digitalization', '業務効率化', 'IT導入支援', 'ICT活用']],
  ['it-support', 'it', 'ITサポート', 'IT support', ['パソコンサポート', 'PCサポート', 'パソコン', 'PC support', 'ヘルプデスク', 'helpdesk', 'ネットワーク構築', 'Wi-Fi']],
  ['digital-literacy', 'it', 'スマホ・デジタル講座', 'Digital literacy teaching', ['スマホ教室', 'スマホ講座', 'シニア向けスマホ教室', 'デジタル活用支援', 'digital literacy']],
  ['spreadsheet', 'it', 'Excel・表計算', 'Spreadsheets', ['Excel', 'エクセル', 'スプレッドシート', 'Googleスプレッドシート', 'spreadsheet', '表計算']],
  ['generative-ai', 'it', '生成AI活用', 'Generative AI', ['生成AI', 'AI活用', 'AI', 'ChatGPT', 'generative AI use']],

  // デザイン・クリエイティブ
  ['graphic-design', 'design', 'グラフィックデザイン', 'Graphic design', ['デザイン', 'design', 'デザイナー', 'designer', 'グラフィックデザイナー', 'graphic designer', 'チラシデザイン', 'チラシ制作', 'flyer design', 'ポスターデザイン', 'パンフレット制作', 'DTP', 'Canva', 'Adobe Illustrator']],
  ['logo-design', 'design', 'ロゴデザイン', 'Logo design', ['ロゴ制作', 'ロゴ作成', 'ロゴ', 'logo']],
  ['package-design', 'design', 'パッケージデザイン', 'Package design', ['packaging design', 'ラベルデザイン', 'label design', '商品パッケージ']],
  ['web-design', 'design', 'Webデザイン', 'Web design', ['ウェブデザイン', 'Webデザイナー', 'web designer', 'ホームページデザイン', 'サイトデザイン']],
  ['ui-design', 'design', 'UIデザイン', 'UI design', ['UI', 'UIデザイナー', 'UI designer', 'ユーザーインターフェースデザイン', 'user interface design', 'アプリデザイン', 'app design', 'Figma']],
  ['ux-design', 'design', 'UXデザイン', 'UX design', ['UX', 'UXリサーチ', 'UX research', 'ユーザーリサーチ', 'user research', 'デザイン思考', 'design thinking']],
  ['illustration', 'design', 'イラスト', 'Illustration', ['イラスト制作', 'イラストレーション', 'イラストレーター', 'illustrator', '似顔絵']],
  ['photography', 'design', '写真撮影', 'Photography', ['写真', '撮影', 'カメラ', 'カメラマン', 'フォトグラファー', 'photographer', 'photo', '商品撮影', 'product photography']],
  ['video-production', 'design', '映像制作', 'Video production', ['動画制作', '動画編集', 'video editing', '映像編集', '動画撮影', 'videography', '動画', 'video', 'YouTube']],
  ['drone', 'design', 'ドローン撮影・操縦', 'Drone operation', ['ドローン', 'drone', 'ドローン撮影', '空撮', 'aerial photography', 'ドローン操縦']],
  ['art', 'design', 'アート', 'Art', ['芸術', '美術', 'アーティスト', 'artist', '芸術祭', 'art festival', 'アートプロジェクト']],

  // マーケティング・販売
  ['marketing', 'marketing', 'マーケティング', 'Marketing', ['マーケター', 'marketer', '販売促進', '販促', 'sales promotion', '集客']],
  ['digital-marketing', 'marketing', 'Webマーケティング', 'Digital marketing', ['デジタルマーケティング', 'ネットマーケティング', 'Web広告', 'online advertising', 'SEO', 'SEO対策', 'アクセス解析', 'Google Analytics']],
  ['market-research', 'marketing', '市場調査', 'Market research', ['マーケットリサーチ', 'リサーチ', 'アンケート調査', 'survey', 'ニーズ調査']],
  ['branding', 'marketing', 'ブランディング', 'Branding', ['ブランド戦略', 'brand strategy', '地域ブランディング', 'regional branding', 'ブランドづくり']],
  ['product-development', 'marketing', '商品開発', 'Product development', ['商品企画', 'product planning', '新商品開発', '特産品開発', '特産品', '地域産品開発']],
  ['e-commerce', 'marketing', 'EC・ネット販売', 'E-commerce', ['EC', 'ネット販売', 'ネットショップ', 'ネットショップ運営', 'online shop', 'オンラインショップ', '通販', 'mail order', 'Shopify']],
  ['sales', 'marketing', '営業・販路開拓', 'Sales & distribution', ['営業', 'sales', '販路開拓', '販路拡大', '法人営業', 'セールス', '商談']],
  ['retail', 'marketing', '接客・販売', 'Retail & customer service', ['接客', '販売', 'customer service', '店舗運営', 'store management', '物販']],
  ['furusato-nozei', 'marketing', 'ふるさと納税', 'Furusato nozei (hometown tax)', ['ふるさと納税返礼品', '返礼品', '返礼品開発', 'hometown tax donation', 'furusato nozei']],
  ['export', 'marketing', '海外販路開拓・輸出', 'Export & overseas sales', ['輸出', 'export', '海外展開', '越境EC', 'cross-border e-commerce', '貿易']],

  // 広報・PR
  ['public-relations', 'pr', '広報', 'Public relations', ['PR', '広報活動', '広報担当', '広報戦略', 'PR strategy', '情報発信']],
  ['press-relations', 'pr', 'プレスリリース・メディア対応', 'Press & media relations', ['プレスリリース', 'press release', 'メディア対応', 'media relations', '取材対応', 'メディアPR']],
  ['social-media', 'pr', 'SNS運用', 'Social media management', ['SNS', 'ソーシャルメディア', 'social media', 'SNSマーケティング', 'SNS発信', 'Instagram', 'インスタ', 'インスタグラム', 'Facebook', 'TikTok', 'LINE公式アカウント']],
  ['writing', 'pr', 'ライティング', 'Writing', ['ライター', 'writer', '文章作成', '記事執筆', 'article writing', '取材記事', 'インタビュー記事', 'ブログ', 'blog', 'コピーライティング', 'copywriting', 'コピーライター', 'copywriter', 'キャッチコピー']],
  ['editing', 'pr', '編集', 'Editing', ['編集者', 'editor', '校正', 'proofreading', '校閲', '広報誌', '冊子編集', 'ローカルメディア', 'local media', '地域情報誌', 'フリーペーパー']],

  // 経営・バックオフィス
  ['accounting', 'management', '経理', 'Accounting', ['会計', '経理事務', '財務', 'finance', '決算', '公認会計士']],
  ['bookkeeping', 'management', '簿記・記帳', 'Bookkeeping', ['簿記', '記帳', '記帳代行', '仕訳', '日商簿記', '会計ソフト', 'freee']],
  ['tax', 'management', '税務・確定申告', 'Tax filing', ['税務', '確定申告', 'tax return', '青色申告', '税理士', 'tax accountant', 'インボイス制度']],
  ['legal', 'management', '法務', 'Legal affairs', ['法律', 'law', '契約書作成', '契約書', 'contract drafting', '弁護士', 'lawyer', 'コンプライアンス', 'compliance']],
  ['administrative-procedures', 'management', '行政手続・許認可', 'Permits & administrative procedures', ['行政手続き', '許認可', '許認可申請', 'permit applications', '行政書士', '法人設立', 'NPO法人設立']],
  ['grant-writing', 'management', '補助金・助成金申請', 'Grant applications', ['補助金', '助成金', '補助金申請', '助成金申請', 'grant writing', 'grants', '申請書作成']],
  ['fundraising', 'management', 'ファンドレイジング', 'Fundraising', ['資金調達', '寄付集め', '寄付', '寄附', 'donations', 'ファンドレイザー', 'fundraiser']],
  ['crowdfunding', 'management', 'クラウドファンディング', 'Crowdfunding', ['クラファン', 'クラウドファンディング運営', 'ガバメントクラウドファンディング', 'government crowdfunding']],
  ['business-planning', 'management', '事業計画・経営戦略', 'Business planning & strategy', ['事業計画', '事業計画書', 'business plan', '経営戦略', 'management strategy', '経営コンサルティング', 'management consulting', '中小企業診断士']],
  ['new-business', 'management', '新規事業開発', 'New business development', ['新規事業', '起業', 'startup', 'スタートアップ', '創業支援', 'entrepreneurship', 'ビジネスモデル']],
  ['business-succession', 'management', '事業承継', 'Business succession', ['継業', '後継者育成', 'M&A', 'succession planning']],
  ['project-management', 'management', 'プロジェクトマネジメント', 'Project management', ['PM', 'プロマネ', 'プロジェクト管理', '進行管理', 'ディレクション']],
  ['office-admin', 'management', '事務', 'Office administration', ['一般事務', '事務作業', 'データ入力', 'data entry', '書類作成', '総務', 'general affairs']],

  // 農林水産業
  ['farm-work', 'agriculture', '農作業', 'Farm work', ['農業', 'agriculture', 'farming', '農作業手伝い', '援農', '農業ボランティア', 'farm volunteering', '収穫', 'harvesting', '草刈り', '草取り', 'weeding']],
  ['rice-farming', 'agriculture', '稲作', 'Rice farming', ['米作り', '米づくり', 'お米づくり', '田植え', '稲刈り', '水稲', 'rice cultivation']],
  ['vegetable-farming', 'agriculture', '野菜栽培', 'Vegetable growing', ['野菜作り', '野菜づくり', '露地栽培', 'ハウス栽培', '施設園芸', 'greenhouse farming', '家庭菜園']],
  ['fruit-farming', 'agriculture', '果樹栽培', 'Fruit growing', ['果樹', '果樹園', 'orchard', 'りんご栽培', 'リンゴ栽培', 'ぶどう栽培', 'ブドウ栽培', 'みかん栽培', '剪定', 'pruning']],
  ['organic-farming', 'agriculture', '有機農業', 'Organic farming', ['オーガニック', 'organic', '有機栽培', '無農薬栽培', '自然農法', 'natural farming']],
  ['livestock', 'agriculture', '畜産', 'Livestock farming', ['畜産業', '酪農', 'dairy farming', '養豚', '養鶏', 'poultry farming', '肉牛', 'animal husbandry']],
  ['farm-machinery', 'agriculture', '農業機械', 'Farm machinery', ['農機', '農機具', 'トラクター', 'tractor', 'コンバイン', 'combine harvester', '農機整備']],
  ['smart-agriculture', 'agriculture', 'スマート農業', 'Smart agriculture', ['アグリテック', 'agritech', '農業ICT', '農業IoT', '農業DX', 'precision agriculture']],
  ['beekeeping', 'agriculture', '養蜂', 'Beekeeping', ['はちみつ', 'ミツバチ', 'honey production']],
  ['forestry', 'agriculture', '林業', 'Forestry', ['森林整備', '間伐', 'thinning', '森林管理', 'forest management', '植林', '伐採', 'logging', 'チェーンソー']],
  ['fisheries', 'agriculture', '漁業', 'Fisheries', ['漁師', 'fisherman', 'fishing', '水産業', '定置網', '漁業体験', '養殖', 'aquaculture', '牡蠣養殖', '海苔養殖']],
  ['hunting', 'agriculture', '狩猟・鳥獣対策', 'Hunting & wildlife control', ['狩猟', 'hunting', '猟師', 'hunter', '鳥獣被害対策', '獣害対策', 'wildlife damage control', '罠猟', '狩猟免許', 'ジビエ', 'ジビエ料理', 'ジビエ加工', 'gibier', 'game meat']],
  ['satoyama', 'agriculture', '里山保全', 'Satoyama conservation', ['里山', '竹林整備', 'bamboo forest management', '耕作放棄地', 'abandoned farmland', '環境保全', 'environmental conservation']],

  // 食・料理
  ['cooking', 'food', '料理', 'Cooking', ['調理', '料理人', 'chef', 'シェフ', 'cook', '調理師']],
  ['local-cuisine', 'food', '郷土料理', 'Local cuisine', ['郷土食', '伝統料理', 'traditional cuisine', '地元料理']],
  ['food-processing', 'food', '食品加工・6次産業化', 'Food processing', ['食品加工', '加工品開発', '農産加工', '6次産業化', '六次産業化', 'sixth industrialization']],
  ['baking', 'food', '製菓・製パン', 'Baking & confectionery', ['製菓', '製パン', 'パン作り', 'お菓子作り', 'baking', 'パティシエ', 'pastry chef']],
  ['restaurant-management', 'food', '飲食店運営', 'Restaurant & café management', ['飲食店経営', 'カフェ運営', 'カフェ経営', 'カフェ', 'cafe', 'restaurant management', '飲食']],
  ['food-safety', 'food', '食品衛生', 'Food safety', ['食品衛生責任者', 'HACCP', 'food hygiene', '食品表示', 'food labeling']],
  ['nutrition', 'food', '栄養・食育', 'Nutrition & food education', ['栄養士', '管理栄養士', 'dietitian', '食育', 'food education', '栄養指導']],

  // 教育・子育て
  ['tutoring', 'education', '学習支援', 'Tutoring', ['家庭教師', 'tutor', '塾講師', '学習指導', '公営塾', '放課後学習支援', 'homework help']],
  ['teaching', 'education', '授業・講師', 'Teaching', ['教員', '教師', 'teacher', '講師', 'lecturer', '出前授業', '講演']],
  ['inquiry-learning', 'education', '探究学習', 'Inquiry-based learning', ['探究', '総合的な探究の時間', 'PBL', 'project-based learning']],
  ['programming-education', 'education', 'プログラミング教育', 'Coding education', ['プログラミング教室', '子ども向けプログラミング', 'Scratch', 'スクラッチ', 'coding for kids']],
  ['english-teaching', 'education', '英語教育', 'English teaching', ['英語講師', 'English teacher', '英語指導', 'ALT', '英会話講師']],
  ['japanese-teaching', 'education', '日本語教育', 'Japanese language teaching', ['日本語教師', 'Japanese teacher', '日本語講師', '日本語教室']],
  ['childcare', 'education', '保育・子育て支援', 'Childcare', ['保育', '保育士', 'nursery teacher', '子育て支援', '託児', 'ベビーシッター', 'babysitting', '学童保育']],
  ['outdoor-education', 'education', '自然体験・野外教育', 'Outdoor education', ['自然体験', '野外活動', '自然学校', 'アウトドア', 'outdoor', 'outdoor activities', 'キャンプ指導']],
  ['sports-coaching', 'education', 'スポーツ指導', 'Sports coaching', ['スポーツ', 'sports', 'コーチ', 'coach', '部活動指導', '部活動の地域移行']],

  // 福祉・医療
  ['elderly-care', 'welfare', '高齢者介護', 'Elderly care', ['介護', 'care work', 'caregiving', '介護福祉士', 'ホームヘルパー', 'home helper', '高齢者支援', '見守り活動']],
  ['healthcare', 'welfare', '医療・看護', 'Healthcare & nursing', ['医療', 'healthcare', '看護', 'nursing', '看護師', 'nurse', '保健師', 'public health nurse', '訪問看護', '医師', 'doctor', '地域医療', 'community medicine', '薬剤師', 'pharmacist']],
  ['disability-support', 'welfare', '障がい者支援', 'Disability support', ['障害者支援', '障害福祉', '障がい福祉', '就労支援', 'employment support', '農福連携']],
  ['health-promotion', 'welfare', '健康づくり', 'Health promotion', ['健康増進', '介護予防', 'フレイル予防', '体操指導', 'ヨガ', 'yoga']],
  ['counseling', 'welfare', 'カウンセリング', 'Counseling', ['counselling', 'カウンセラー', 'counselor', '公認心理師', '傾聴', 'active listening', 'メンタルヘルス', 'mental health']],
  ['social-work', 'welfare', '社会福祉', 'Social work', ['ソーシャルワーカー', 'social worker', '社会福祉士', '地域福祉', '生活支援']],
  ['mobility-support', 'welfare', '移動・買い物支援', 'Transport & shopping support', ['移動支援', '買い物支援', '運転', 'driving', '送迎', 'デマンド交通']],

  // 観光・イベント
  ['tour-guiding', 'tourism', '観光ガイド', 'Tour guiding', ['ガイド', 'guide', 'ツアーガイド', 'tour guide', '観光案内', 'ネイチャーガイド', 'nature guide', 'まち歩きガイド']],
  ['inbound', 'tourism', 'インバウンド対応', 'Inbound tourism', ['インバウンド', 'inbound', '訪日外国人対応', '外国人観光客対応', '通訳ガイド', '通訳案内士', 'licensed guide interpreter']],
  ['tour-planning', 'tourism', '旅行・体験プログラム企画', 'Tour & experience planning', ['ツアー企画', 'ツアー造成', '着地型観光', '体験プログラム開発', '体験型観光', 'experience-based tourism', '旅行商品企画']],
  ['hospitality', 'tourism', '宿泊・おもてなし', 'Hospitality', ['おもてなし', '宿泊業', '旅館', '民宿', 'ゲストハウス運営', 'guesthouse management', '農泊', '民泊', 'farm stay']],
  ['event-planning', 'tourism', 'イベント企画・運営', 'Event planning', ['イベント', 'event', 'イベント企画', 'イベント運営', 'event management', '祭り運営', 'マルシェ運営']],
  ['tourism-promotion', 'tourism', '観光プロモーション', 'Tourism promotion', ['観光PR', '観光振興', '観光マーケティング', 'destination marketing', 'DMO']],
  ['mc', 'tourism', '司会', 'MC', ['司会進行', 'emcee', 'master of ceremonies']],

  // 語学・翻訳
  ['translation', 'translation', '翻訳', 'Translation', ['翻訳者', '翻訳家', 'translator', '多言語化', '多言語対応', 'multilingual support', 'ローカライズ', 'localization']],
  ['interpretation', 'translation', '通訳', 'Interpretation', ['通訳者', 'interpreter', 'interpreting', '同時通訳', 'simultaneous interpretation', '逐次通訳']],
  ['english', 'translation', '英語', 'English', ['英会話', 'English conversation', '英語翻訳', 'English translation', '英訳', '英語通訳', 'TOEIC', '英検']],
  ['chinese', 'translation', '中国語', 'Chinese', ['中国語翻訳', '中国語通訳', 'Mandarin', '北京語', '台湾華語', 'Chinese translation']],
  ['korean', 'translation', '韓国語', 'Korean', ['ハングル', '韓国語翻訳', '韓国語通訳', 'Korean translation']],
  ['vietnamese', 'translation', 'ベトナム語', 'Vietnamese', ['ベトナム語翻訳', 'ベトナム語通訳', 'Vietnamese translation']],
  ['portuguese', 'translation', 'ポルトガル語', 'Portuguese', ['ポルトガル語翻訳', 'Portuguese translation']],
  ['sign-language', 'translation', '手話', 'Sign language', ['手話通訳', 'sign language interpretation', '手話通訳士']],

  // ファシリテーション・地域づくり
  ['facilitation', 'facilitation', 'ファシリテーション', 'Facilitation', ['ファシリテーター', 'facilitator', '会議進行', 'meeting facilitation']],
  ['workshop-design', 'facilitation', 'ワークショップ企画・運営', 'Workshop design', ['ワークショップ', 'workshop', 'ワークショップデザイン', 'アイデアソン', 'ideathon', 'ハッカソン', 'hackathon']],
  ['community-building', 'facilitation', 'コミュニティづくり', 'Community building', ['まちづくり', '地域づくり', 'community development', '地域活性化', 'regional revitalization', '町おこし', '地域おこし', 'コミュニティデザイン', 'community design', 'コミュニティマネージャー', 'community manager']],
  ['consensus-building', 'facilitation', '合意形成', 'Consensus building', ['住民合意', '住民参加', 'public participation', '対話の場づくり', '住民説明会']],
  ['coordination', 'facilitation', 'コーディネート', 'Coordination', ['コーディネーター', 'coordinator', '地域コーディネーター', '関係者調整', 'stakeholder coordination', '中間支援', 'ボランティアコーディネート', 'volunteer coordination']],
  ['npo-management', 'facilitation', 'NPO運営', 'NPO management', ['NPO', 'NPO法人運営', '非営利組織運営', 'nonprofit management', '市民活動']],
  ['coaching', 'facilitation', 'コーチング', 'Coaching', ['メンタリング', 'mentoring', 'メンター', 'mentor', '1on1']],
  ['relocation-support', 'facilitation', '移住支援', 'Relocation support', ['移住相談', '移住コンシェルジュ', 'UIJターン', '定住促進', '移住促進', 'relocation']],
  ['multicultural', 'facilitation', '多文化共生', 'Multicultural inclusion', ['外国人支援', '外国人住民支援', 'support for foreign residents', 'multicultural coexistence']],
  ['disaster-preparedness', 'facilitation', '防災・災害支援', 'Disaster preparedness & relief', ['防災', '防災士', '減災', '災害ボランティア', 'disaster relief', '復興支援', 'reconstruction support']],

  // 建築・ものづくり
  ['akiya-renovation', 'building', '空き家改修', 'Vacant house renovation', ['空き家', '空き家活用', '空き家再生', 'akiya', 'リノベーション', 'renovation', 'リフォーム', 'remodeling', '古民家再生', '古民家改修', 'old house restoration']],
  ['carpentry', 'building', '大工', 'Carpentry', ['大工仕事', 'carpenter', '木工', 'woodworking', '家具製作', 'furniture making']],
  ['diy', 'building', 'DIY', 'DIY', ['日曜大工', 'セルフリノベーション', '修繕', 'repairs', '便利屋', 'handyman']],
  ['architecture', 'building', '建築設計', 'Architecture', ['建築', '建築士', 'architect', '一級建築士', '設計', 'architectural design']],
  ['heavy-machinery', 'building', '重機操作', 'Heavy machinery operation', ['重機', 'ユンボ', 'ショベルカー', 'excavator', '建設機械']],
  ['landscaping', 'building', '造園', 'Landscaping', ['庭師', 'gardener', '植木', 'ガーデニング', 'gardening']],
  ['traditional-crafts', 'building', '伝統工芸', 'Traditional crafts', ['工芸', '手仕事', 'crafts', '陶芸', 'pottery', '染織', '竹細工', 'bamboo crafts']],
];

// The alias rows: each skill's own names first, then its synonyms; a spelling that normalises
// like an earlier one of the same skill is dropped, one claimed by another skill is an error here
// rather than a bare unique-constraint failure.
function aliasRows(): Array<{ code: string; alias: string; normalized: string }> {
  const owner = new Map<string, string>();
  const rows: Array<{ code: string; alias: string; normalized: string }> = [];
  for (const [code, , nameJa, nameEn, synonyms] of SKILLS) {
    for (const alias of [nameJa, nameEn, ...synonyms]) {
      const normalized = normalize(alias);
      const claimedBy = owner.get(normalized);
      if (claimedBy === code) continue;
      if (claimedBy !== undefined || normalized === '') {
        throw new Error(`Skill alias "${alias}" of ${code} is empty or already belongs to ${claimedBy}`);
      }
      owner.set(normalized, code);
      rows.push({ code, alias, normalized });
    }
  }
  return rows;
}

export class SeedSkillTaxonomy1795765649631 implements MigrationInterface {
  name = 'SeedSkillTaxonomy1795765649631';

  async up(queryRunner: QueryRunner): Promise<void> {
    const aliases = aliasRows();
    // Parameterised: arrays go in as text[] and come out of unnest() as rows.
    await queryRunner.query(
      `INSERT INTO "skill_category" ("code", "name_ja", "name_en", "sort_order")
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])`,
      [
        CATEGORIES.map((c) => c[0]),
        CATEGORIES.map((c) => c[1]),
        CATEGORIES.map((c) => c[2]),
        CATEGORIES.map((c) => c[3]),
      ],
    );
    await queryRunner.query(
      `INSERT INTO "skill" ("code", "category_code", "name_ja", "name_en")
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [
        SKILLS.map((s) => s[0]),
        SKILLS.map((s) => s[1]),
        SKILLS.map((s) => s[2]),
        SKILLS.map((s) => s[3]),
      ],
    );
    await queryRunner.query(
      `INSERT INTO "skill_alias" ("skill_id", "alias", "normalized")
       SELECT "skill"."id", a.alias, a.normalized
       FROM unnest($1::text[], $2::text[], $3::text[]) AS a(code, alias, normalized)
       JOIN "skill" ON "skill"."code" = a.code`,
      [aliases.map((a) => a.code), aliases.map((a) => a.alias), aliases.map((a) => a.normalized)],
    );
  }

  // Fails (RESTRICT) once profiles or projects reference a seeded skill, as it should.
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "skill" WHERE "code" = ANY($1::text[])`, [
      SKILLS.map((s) => s[0]),
    ]);
    await queryRunner.query(`DELETE FROM "skill_category" WHERE "code" = ANY($1::text[])`, [
      CATEGORIES.map((c) => c[0]),
    ]);
  }
}
