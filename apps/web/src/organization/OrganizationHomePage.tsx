import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type {
  OrganizationHomeQuery as HomeData,
  ProgramSummaryFieldsFragment as Program,
} from '../gql/graphql';
import { localName } from '../i18n/local-name';
import { placeName } from '../i18n/place-name';
import { PREFECTURES } from '../projects/prefectures';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { AddMemberForm } from './AddMemberForm';
import { MemberList } from './MemberList';
import { OrganizationHomeQuery } from './organization-documents';

type Municipality = NonNullable<HomeData['organization']['municipality']>;

function prefectureOf(code: string) {
  const p = PREFECTURES.find((x) => x.code === code);
  return { name: p?.ja ?? code, nameEn: p?.en ?? code };
}

function municipalityName(m: Municipality, language: string): string {
  return placeName({ municipality: m, prefecture: prefectureOf(m.prefectureCode) }, language);
}

// /manage/:orgId/organization: the organisation as its people see it. Everyone: its name, kind,
// place and members; owners add and remove members. A region: the intermediaries covering it and
// their programs. An intermediary: its remit and its programs.
export function OrganizationHomePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { organization: current, role } = useWorkspace();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OrganizationHomeQuery,
    variables: { id: current.id },
  });
  if (!data && fetching) return <LoadingState />;
  if (!data) return <ErrorState error={error!} onRetry={() => reexecute()} />;
  const { organization, organizationMembers, me } = data;
  const isOwner = role === 'OWNER';
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <Stack maw={880}>
      {/* The frame above names the organisation and its kind. */}
      <Stack gap={4}>
        <Title order={2}>{t('organization.title')}</Title>
        <Group gap="xs">
          <Badge variant="outline" color="gray">
            {t('workspace.yourRole', { role: t(`workspace.role.${role}`) })}
          </Badge>
        </Group>
        {organization.municipality && (
          <Text size="sm">
            {t('organization.place', {
              place: municipalityName(organization.municipality, language),
            })}
          </Text>
        )}
      </Stack>

      {organization.kind === 'REGION' && (
        <Supervisors intermediaries={organization.coveringIntermediaries} orgId={organization.id} />
      )}
      {organization.kind === 'INTERMEDIARY' && (
        <>
          <RemitSection remit={organization.remit} />
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('organization.programs.title')}
            </Title>
            <Text size="sm" c="gray.7">
              {t('organization.programs.intermediaryHint')}
            </Text>
            <ProgramList programs={organization.programs} />
            <Anchor component={Link} to={`/manage/${organization.id}/programs`} size="sm">
              {t('organization.programs.manage')}
            </Anchor>
          </Stack>
        </>
      )}

      <MemberList
        members={organizationMembers}
        hint={t('organization.members.hint')}
        currentUserId={me.id}
        removal={isOwner ? { organizationId: organization.id, onRemoved: refresh } : undefined}
      />
      {isOwner && <AddMemberForm organizationId={organization.id} onAdded={refresh} />}
    </Stack>
  );
}

function Supervisors({
  intermediaries,
  orgId,
}: {
  intermediaries: HomeData['organization']['coveringIntermediaries'];
  orgId: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="supervisors-title">
      <Title order={3} size="h4" id="supervisors-title">
        {t('organization.supervisors.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('organization.supervisors.hint')}
      </Text>
      {intermediaries.length === 0 ? (
        <EmptyState
          title={t('organization.supervisors.none')}
          hint={t('organization.supervisors.noneHint')}
        />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {intermediaries.map((hub) => (
            <Card component="li" withBorder key={hub.id} padding="md">
              <Stack gap="xs">
                <Text fw={700} size="lg">
                  {hub.name}
                </Text>
                <Text size="sm" fw={500}>
                  {t('organization.programs.title')}
                </Text>
                <ProgramList programs={hub.programs} />
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      <Text size="sm">{t('organization.programs.hint')}</Text>
      <Text size="sm">{t('organization.supervisors.contact')}</Text>
      <Anchor component={Link} to={`/manage/${orgId}/projects`} size="sm">
        {t('organization.supervisors.projects')}
      </Anchor>
    </Stack>
  );
}

function ProgramList({ programs }: { programs: readonly Program[] }) {
  const { t } = useTranslation();
  if (programs.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {t('organization.programs.none')}
      </Text>
    );
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {programs.map((p) => (
        <li key={p.id}>
          <Text fw={600}>{p.name}</Text>
          {p.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {p.description}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}

function RemitSection({ remit }: { remit: HomeData['organization']['remit'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const prefectures = remit?.prefectures ?? [];
  const municipalities = remit?.municipalities ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="remit-title">
      <Title order={3} size="h4" id="remit-title">
        {t('organization.remit.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('organization.remit.hint')}
      </Text>
      {prefectures.length + municipalities.length === 0 ? (
        <Text c="gray.7">{t('organization.remit.none')}</Text>
      ) : (
        <>
          {prefectures.length > 0 && (
            <Places
              label={t('organization.remit.prefectures')}
              names={prefectures.map((p) => ({ key: p.code, name: localName(p, language) }))}
            />
          )}
          {municipalities.length > 0 && (
            <Places
              label={t('organization.remit.municipalities')}
              names={municipalities.map((m) => ({
                key: m.code,
                name: municipalityName(m, language),
              }))}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function Places({ label, names }: { label: string; names: { key: string; name: string }[] }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
        {names.map((n) => (
          <Badge component="li" key={n.key} size="lg" variant="light">
            {n.name}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}
