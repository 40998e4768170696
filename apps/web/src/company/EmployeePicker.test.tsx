import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { fakeClient, renderWith } from '../test/fake-client';
import { type ChosenEmployee, EmployeePicker } from './EmployeePicker';

initI18n('ja');
vi.setConfig({ testTimeout: 20_000 });

const COMPANY = 'c0000000-0000-4000-8000-000000000001';
const PEOPLE = [
  { userId: 'u0000000-0000-4000-8000-000000000001', displayName: '山田 蓮' },
  { userId: 'u0000000-0000-4000-8000-000000000002', displayName: '蓮見 葵' },
];

// What the API answers: employees whose name contains the search, as a page.
const answer = (name: string, variables: Record<string, unknown>) =>
  name === 'CompanyEmployees'
    ? {
        companyEmployees: {
          edges: PEOPLE.filter((p) => p.displayName.includes(String(variables.search))).map(
            (p) => ({
              node: {
                ...p,
                kind: 'COMPANY_EMPLOYEE',
                engagementCount: 0,
                activeEngagementCount: 0,
                enrolledAt: '2026-12-01T00:00:00.000Z',
              },
            }),
          ),
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      }
    : {};

function Harness() {
  const [members, setMembers] = useState<ChosenEmployee[]>([]);
  return (
    <>
      <EmployeePicker companyOrganizationId={COMPANY} value={members} onChange={setMembers} />
      <output data-testid="chosen">{members.map((m) => m.id).join(',')}</output>
    </>
  );
}

describe('EmployeePicker', () => {
  beforeEach(() => initI18n('ja'));

  it('asks the API for employees by the typed name, adds the chosen one and hides it after', async () => {
    const user = userEvent.setup();
    const { client, asked } = fakeClient(answer);
    renderWith(client, <Harness />);
    const field = screen.getByRole('textbox', { name: /メンバー/ });
    await user.type(field, '蓮');
    await user.click(await screen.findByRole('option', { name: '山田 蓮' }));
    expect(screen.getByTestId('chosen')).toHaveTextContent(PEOPLE[0].userId);
    expect(asked).toContainEqual({
      name: 'CompanyEmployees',
      variables: { companyOrganizationId: COMPANY, search: '蓮', first: 10 },
    });
    await user.type(field, '蓮');
    expect(await screen.findByRole('option', { name: '蓮見 葵' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: '山田 蓮' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '山田 蓮さんを外す' }));
    expect(screen.getByTestId('chosen')).toBeEmptyDOMElement();
  });
});
