import { useTranslation } from 'react-i18next';
import { FilterPanel } from '../app/FilterPanel';
import { PARTICIPANT_KINDS } from '../region/project-form';
import type { SearchForm } from './project-filter';

const EMPTY: SearchForm = {
  q: '',
  theme: null,
  mode: null,
  pref: null,
  from: '',
  to: '',
  hours: '',
  kind: null,
};

// The search form: free text (Japanese needs no spaces) and the filters the API supports.
export function ProjectFilters({
  value,
  onSearch,
}: {
  value: SearchForm;
  onSearch: (form: SearchForm) => void;
}) {
  const { t } = useTranslation();
  return (
    <FilterPanel
      label={t('projects.filters')}
      value={value}
      empty={EMPTY}
      columns={4}
      fields={[
        {
          key: 'q',
          type: 'text',
          label: t('projects.searchLabel'),
          placeholder: t('projects.searchPlaceholder'),
        },
        { key: 'theme', type: 'theme', label: t('projects.theme') },
        {
          key: 'mode',
          type: 'select',
          label: t('projects.mode'),
          options: (['ONSITE', 'REMOTE', 'HYBRID'] as const).map((m) => ({
            value: m,
            label: t(`mode.${m}`),
          })),
        },
        { key: 'pref', type: 'prefecture', label: t('projects.prefecture') },
        {
          key: 'kind',
          type: 'select',
          label: t('projects.eligibleFor'),
          options: PARTICIPANT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
        },
        { key: 'from', type: 'date', label: t('projects.from') },
        { key: 'to', type: 'date', label: t('projects.to'), after: 'from' },
        { key: 'hours', type: 'number', label: t('projects.maxHours'), min: 1, max: 80 },
      ]}
      onSearch={onSearch}
    />
  );
}
