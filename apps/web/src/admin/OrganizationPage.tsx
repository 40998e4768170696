import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorState, LoadingState } from '../app/page-states';
import type { AdminOrganizationQuery as OrganizationData } from '../gql/graphql';
import { MunicipalityPicker, municipalityLabel } from '../profile/MunicipalityPicker';
import { MunicipalitiesQuery } from '../profile/profile-documents';
import { AddMemberForm } from '../organization/AddMemberForm';
import { MemberList } from '../organization/MemberList';
import { PREFECTURES } from '../projects/prefectures';
import { AdminOrganizationQuery, SetRemitMutation } from './admin-documents';
import { FormError } from '../app/FormError';

// /manage/:orgId/admin/organizations/:organizationId: one organisation's members (taken off
// here too), a form to add one by e-mail, and an intermediary's remit.
export function OrganizationPage() {
  const { t } = useTranslation();
  const { organizationId = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AdminOrganizationQuery,
    variables: { id: organizationId },
  });
  const back = (
    <Anchor component={Link} to=".." relative="path" size="sm">
      {t('admin.organization.back')}
    </Anchor>
  );
  if (!data && fetching) return <LoadingState />;
  if (!data)
    return (
      <Stack>
        {back}
        <ErrorState error={error!} onRetry={() => reexecute()} />
      </Stack>
    );
  const { organization, organizationMembers } = data;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <Stack>
      {back}
      <Group gap="sm" align="baseline">
        <Title order={2}>{organization.name}</Title>
        <Badge variant="light">{t(`workspace.kind.${organization.kind}`)}</Badge>
      </Group>
      <MemberList
        members={organizationMembers}
        removal={{ organizationId: organization.id, onRemoved: refresh }}
      />
      <AddMemberForm organizationId={organization.id} onAdded={refresh} />
      {organization.kind === 'INTERMEDIARY' && (
        // Keyed on the organisation, not on its remit: a save changes the remit, and a fresh
        // editor would drop its "saved" message.
        <RemitEditor
          key={organization.id}
          organizationId={organization.id}
          remit={organization.remit ?? { prefectures: [], municipalities: [] }}
          onSaved={refresh}
        />
      )}
    </Stack>
  );
}

type Remit = NonNullable<OrganizationData['organization']['remit']>;
type Place = Remit['municipalities'][number];

// The remit as chosen so far: whole prefectures and single municipalities, saved at once.
function RemitEditor({
  organizationId,
  remit,
  onSaved,
}: {
  organizationId: string;
  remit: Remit;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [prefectureCodes, setPrefectureCodes] = useState(remit.prefectures.map((p) => p.code));
  const [municipalities, setMunicipalities] = useState<Place[]>(remit.municipalities);
  const [pick, setPick] = useState<{
    prefectureCode: string | null;
    municipalityCode: string | null;
  }>({ prefectureCode: null, municipalityCode: null });
  // The picker has asked for these already: the cache answers.
  const [{ data: places }] = useQuery({
    query: MunicipalitiesQuery,
    variables: { prefectureCode: pick.prefectureCode ?? '' },
    pause: !pick.prefectureCode,
  });
  const [{ fetching: saving }, save] = useMutation(SetRemitMutation);
  const [outcome, setOutcome] = useState<'saved' | 'failed'>();
  const prefectureName = (code: string) => {
    const p = PREFECTURES.find((x) => x.code === code);
    return p ? (language === 'en' ? p.en : p.ja) : code;
  };
  const addPrefecture = () => {
    const code = pick.prefectureCode;
    if (!code) return;
    setPrefectureCodes((codes) => (codes.includes(code) ? codes : [...codes, code]));
    setOutcome(undefined);
  };
  const addMunicipality = () => {
    const place = places?.municipalities.find((m) => m.code === pick.municipalityCode);
    if (!place) return;
    setMunicipalities((list) =>
      list.some((m) => m.code === place.code) ? list : [...list, place],
    );
    setOutcome(undefined);
  };
  const onSave = async () => {
    const result = await save({
      input: {
        organizationId,
        prefectureCodes,
        municipalityCodes: municipalities.map((m) => m.code),
      },
    });
    setOutcome(result.error ? 'failed' : 'saved');
    if (!result.error) onSaved();
  };
  const chosen = [
    ...prefectureCodes.map((code) => ({
      key: `p${code}`,
      label: prefectureName(code),
      remove: () => setPrefectureCodes((codes) => codes.filter((c) => c !== code)),
    })),
    ...municipalities.map((m) => ({
      key: `m${m.code}`,
      label: `${prefectureName(m.prefectureCode)} ${municipalityLabel(m, language)}`,
      remove: () => setMunicipalities((list) => list.filter((x) => x.code !== m.code)),
    })),
  ];
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('admin.organization.remit')}
        </Title>
        <Text size="sm">{t('admin.organization.remitIntro')}</Text>
        {outcome === 'saved' && (
          <Alert color="green" role="status">
            {t('admin.organization.remitSaved')}
          </Alert>
        )}
        <FormError message={outcome === 'failed' ? t('errors.generic') : null} />
        {chosen.length === 0 ? (
          <Text c="gray.7">{t('admin.organization.remitNone')}</Text>
        ) : (
          <Group component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {chosen.map((c) => (
              <Badge
                component="li"
                key={c.key}
                size="lg"
                variant="light"
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={t('admin.organization.remove', { place: c.label })}
                    onClick={c.remove}
                  />
                }
              >
                {c.label}
              </Badge>
            ))}
          </Group>
        )}
        <MunicipalityPicker
          prefectureCode={pick.prefectureCode}
          municipalityCode={pick.municipalityCode}
          onChange={setPick}
          prefectureLabel={t('admin.organization.prefecture')}
        />
        <Group gap="xs" wrap="wrap">
          <Button variant="default" disabled={!pick.prefectureCode} onClick={addPrefecture}>
            {pick.prefectureCode
              ? t('admin.organization.wholePrefecture', {
                  prefecture: prefectureName(pick.prefectureCode),
                })
              : t('admin.organization.wholePrefectureNone')}
          </Button>
          <Button variant="default" disabled={!pick.municipalityCode} onClick={addMunicipality}>
            {t('admin.organization.addMunicipality')}
          </Button>
        </Group>
        <Group>
          <Button loading={saving} onClick={() => void onSave()}>
            {t('admin.organization.saveRemit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
