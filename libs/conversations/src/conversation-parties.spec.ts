import { Actor, MembershipRole, OrganizationKind, PolicyService } from '@tsunagu/identity';
import { ConversationRole } from './conversation.entities';
import { conversationAccess } from './conversation-parties';

const BIHORO = '015431'; // 北海道美幌町
const thread = {
  participantId: 'participant',
  project: { regionOrganizationId: 'region-bihoro', municipalityCode: BIHORO },
};

function actor(
  userId: string,
  kind?: OrganizationKind,
  extra: Partial<Actor['memberships'][number]> = {},
): Actor {
  return {
    userId,
    locale: 'ja',
    memberships: kind
      ? [
          {
            organizationId: `org-${userId}`,
            organizationKind: kind,
            role: MembershipRole.STAFF,
            municipalityCode: null,
            remitPrefectureCodes: [],
            remitMunicipalityCodes: [],
            ...extra,
          },
        ]
      : [],
  };
}

describe('conversationAccess', () => {
  const policy = new PolicyService();
  const access = (who: Actor) => conversationAccess(policy, who, thread);

  it('lets the participant, the region and covering intermediaries write', () => {
    expect(access(actor('participant'))).toEqual({
      roles: [ConversationRole.PARTICIPANT],
      canRead: true,
      canWrite: true,
    });
    const region = actor('staff', OrganizationKind.REGION, { organizationId: 'region-bihoro' });
    expect(access(region).roles).toEqual([ConversationRole.REGION]);
    const hub = actor('hub', OrganizationKind.INTERMEDIARY, { remitPrefectureCodes: ['01'] });
    expect(access(hub).roles).toEqual([ConversationRole.INTERMEDIARY]);
  });

  it('lets platform admins read without writing, and nobody else in', () => {
    expect(access(actor('admin', OrganizationKind.PLATFORM))).toEqual({
      roles: [],
      canRead: true,
      canWrite: false,
    });
    const elsewhere = actor('hub', OrganizationKind.INTERMEDIARY, { remitPrefectureCodes: ['03'] });
    const otherRegion = actor('staff', OrganizationKind.REGION, { organizationId: 'region-x' });
    for (const outsider of [actor('someone'), elsewhere, otherRegion]) {
      expect(access(outsider)).toEqual({ roles: [], canRead: false, canWrite: false });
    }
  });
});
