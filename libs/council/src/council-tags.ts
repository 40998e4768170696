import { registerEnumType } from '@nestjs/graphql';

// What council members offer one another and seek from one another: one list for both sides,
// so an offer meets a need with the same tag. Modelled on what かかわりラボ members trade:
// partner places, people and skills, know-how, venues, funding channels and publicity.
export enum CouncilTag {
  PARTNER_REGIONS = 'PARTNER_REGIONS',
  CORPORATE_PARTNERS = 'CORPORATE_PARTNERS',
  PARTICIPANTS = 'PARTICIPANTS',
  PROFESSIONAL_SKILLS = 'PROFESSIONAL_SKILLS',
  KNOW_HOW = 'KNOW_HOW',
  TRAINING = 'TRAINING',
  VENUES = 'VENUES',
  ACCOMMODATION = 'ACCOMMODATION',
  LOCAL_RESOURCES = 'LOCAL_RESOURCES',
  FUNDING = 'FUNDING',
  PUBLICITY = 'PUBLICITY',
  DIGITAL = 'DIGITAL',
  EVENTS = 'EVENTS',
  RESEARCH = 'RESEARCH',
}

registerEnumType(CouncilTag, {
  name: 'CouncilTag',
  description: 'Something a council member offers or seeks',
  valuesMap: {
    PARTNER_REGIONS: { description: 'Regions to work with (fields, hosts)' },
    CORPORATE_PARTNERS: { description: 'Companies to work with (employee programs, CSR)' },
    PARTICIPANTS: { description: 'People who take part: volunteers, students, side-jobbers' },
    PROFESSIONAL_SKILLS: { description: 'Professional skills (pro bono, secondment)' },
    KNOW_HOW: { description: 'Know-how and cases of relationship-population work' },
    TRAINING: { description: 'Training, mentoring and education programs' },
    VENUES: { description: 'Venues and bases: coworking, community spaces' },
    ACCOMMODATION: { description: 'Places to stay or live' },
    LOCAL_RESOURCES: { description: 'Local resources: farms, produce, culture, nature' },
    FUNDING: { description: 'Funding channels (corporate furusato nozei, grants)' },
    PUBLICITY: { description: 'Publicity and media' },
    DIGITAL: { description: 'Digital and IT' },
    EVENTS: { description: 'Events to hold together' },
    RESEARCH: { description: 'Research and evaluation' },
  },
});

// The tags' names in partner explanations (the web app has its own words for its screens).
export const COUNCIL_TAG_NAMES: Record<CouncilTag, { ja: string; en: string }> = {
  PARTNER_REGIONS: { ja: '連携する地域', en: 'partner regions' },
  CORPORATE_PARTNERS: { ja: '連携する企業', en: 'corporate partners' },
  PARTICIPANTS: { ja: '参加する人材', en: 'participants' },
  PROFESSIONAL_SKILLS: { ja: '専門スキル', en: 'professional skills' },
  KNOW_HOW: { ja: 'ノウハウ・事例', en: 'know-how' },
  TRAINING: { ja: '研修・教育', en: 'training' },
  VENUES: { ja: '拠点・場所', en: 'venues' },
  ACCOMMODATION: { ja: '滞在先・住まい', en: 'places to stay' },
  LOCAL_RESOURCES: { ja: '地域資源', en: 'local resources' },
  FUNDING: { ja: '資金', en: 'funding' },
  PUBLICITY: { ja: '情報発信', en: 'publicity' },
  DIGITAL: { ja: 'デジタル・IT', en: 'digital skills' },
  EVENTS: { ja: 'イベントの共催', en: 'joint events' },
  RESEARCH: { ja: '調査・研究', en: 'research' },
};
