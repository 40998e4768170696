import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { fakeClient, renderWith } from '../test/fake-client';
import { EmployeesPage } from './EmployeesPage';

initI18n('ja');
vi.setConfig({ testTimeout: 20_000 });

const page = (nodes: object[]) => ({
  edges: nodes.map((node) => ({ node })),
  pageInfo: { hasNextPage: false, endCursor: null },
});
const AOI = {
  userId: 'u1',
  displayName: '青井 葵',
  kind: 'COMPANY_EMPLOYEE',
  engagementCount: 0,
  activeEngagementCount: 0,
  enrolledAt: '2027-04-01T00:00:00Z',
};

// The page as its owner opens it, with a company whose employees are `employees` (a search
// finds those whose name holds it).
function renderPage(employees: Array<typeof AOI>) {
  const { client } = fakeClient((name, variables) => {
    if (name === 'CompanyEmployees') {
      const search = variables.search as string | null;
      return {
        companyEmployees: page(employees.filter((e) => !search || e.displayName.includes(search))),
      };
    }
    return { companyInvitations: page([]) };
  });
  const membership = {
    organization: { id: 'c1', name: '青葉商事', kind: 'COMPANY' },
    role: 'OWNER',
  };
  renderWith(
    client,
    <MemoryRouter>
      <Routes>
        <Route element={<Outlet context={membership} />}>
          <Route index element={<EmployeesPage />} />
        </Route>
      </Routes>
    </MemoryRouter>,
  );
}

describe('EmployeesPage: the name search', () => {
  it('is not shown when the company has no employee to search among', async () => {
    renderPage([]);
    expect(await screen.findByText('まだ登録された社員はいません。')).toBeInTheDocument();
    expect(screen.queryByRole('searchbox', { name: '名前で探す' })).not.toBeInTheDocument();
  });

  it('is shown when there are employees, and stays while it holds a query that finds none', async () => {
    renderPage([AOI]);
    const search = await screen.findByRole('searchbox', { name: '名前で探す' });
    const user = userEvent.setup();
    await user.type(search, '山田');
    expect(await screen.findByText('「山田」を含む名前の社員はいません。')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: '名前で探す' })).toHaveValue('山田');
    await user.clear(screen.getByRole('searchbox', { name: '名前で探す' }));
    expect(await screen.findByText('青井 葵')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: '名前で探す' })).toBeInTheDocument();
  });
});
