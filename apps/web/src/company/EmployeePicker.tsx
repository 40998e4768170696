import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { RemovableChips } from '../app/RemovableChips';
import { SearchField, useTypedSearch } from '../app/SearchField';
import { CompanyEmployeesQuery } from './company-documents';

const SHOWN_OPTIONS = 10;
// CreateCompanyTeamInput takes at most this many members.
export const MAX_TEAM_MEMBERS = 50;

export interface ChosenEmployee {
  id: string;
  name: string;
}

// A team's members: a company may have thousands of employees, so they are found by typing part
// of a name (the API searches) and chosen ones show as chips.
export function EmployeePicker({
  companyOrganizationId,
  value,
  onChange,
  error,
}: {
  companyOrganizationId: string;
  value: ChosenEmployee[];
  onChange: (employees: ChosenEmployee[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const search = useTypedSearch();
  const [{ data, fetching }] = useQuery({
    query: CompanyEmployeesQuery,
    variables: {
      companyOrganizationId,
      search: search.query,
      first: SHOWN_OPTIONS + value.length,
    },
    pause: !search.query,
  });
  const chosen = new Set(value.map((e) => e.id));
  const options = (data?.companyEmployees.edges ?? [])
    .map(({ node }) => ({ id: node.userId, name: node.displayName }))
    .filter((e) => !chosen.has(e.id))
    .slice(0, SHOWN_OPTIONS);
  const full = value.length >= MAX_TEAM_MEMBERS;

  return (
    <Stack gap="xs">
      <SearchField
        search={search}
        label={t('company.teams.create.members')}
        description={t('company.teams.create.membersHint')}
        disabled={full}
        withAsterisk
        error={error}
        options={options}
        fetching={fetching}
        searchingText={t('company.teams.create.membersSearching')}
        noneText={t('company.employees.searchNone', { text: search.text.trim() })}
        renderOption={(employee) => (
          <Text size="sm" span>
            {employee.name}
          </Text>
        )}
        onPick={(employee) => {
          if (!chosen.has(employee.id) && !full) onChange([...value, employee]);
        }}
      />
      <RemovableChips
        value={value}
        removeLabel={(employee) => t('company.teams.create.memberRemove', { name: employee.name })}
        onRemove={(employee) => onChange(value.filter((e) => e.id !== employee.id))}
      />
    </Stack>
  );
}
