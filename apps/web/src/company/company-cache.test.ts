import { Client, type Exchange, makeResult } from '@urql/core';
import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { map, pipe } from 'wonka';
import { createCache } from '../graphql/client';
import { CompanyEmployeesQuery, RemoveCompanyEmployeeMutation } from './company-documents';

const COMPANY = 'c0000000-0000-4000-8000-000000000001';
const person = (n: number) => ({
  __typename: 'CompanyEmployee',
  userId: `u0000000-0000-4000-8000-00000000000${n}`,
  displayName: `社員 ${n}`,
  kind: 'COMPANY_EMPLOYEE',
  engagementCount: 0,
  activeEngagementCount: 0,
  enrolledAt: '2026-12-01T00:00:00.000Z',
});

// A company whose employees the server pages two at a time, with the app's own cache in front.
function companyServer() {
  let employees = [1, 2, 3, 4].map(person);
  const page = (after: string | null) => {
    const start = after ? Number(after) : 0;
    const rows = employees.slice(start, start + 2);
    return {
      companyEmployees: {
        __typename: 'CompanyEmployeeConnection',
        edges: rows.map((node) => ({ __typename: 'CompanyEmployeeEdge', node })),
        pageInfo: {
          __typename: 'PageInfo',
          hasNextPage: start + 2 < employees.length,
          endCursor: String(start + rows.length),
        },
      },
    };
  };
  const server: Exchange = () => (operations$) =>
    pipe(
      operations$,
      map((op) => {
        if (/mutation RemoveCompanyEmployee/.test(print(op.query))) {
          const { userId } = (op.variables as { input: { userId: string } }).input;
          employees = employees.filter((e) => e.userId !== userId);
          return makeResult(op, { data: { removeCompanyEmployee: true } });
        }
        const { after } = op.variables as { after: string | null };
        return makeResult(op, { data: page(after) });
      }),
    );
  return new Client({ url: '/graphql', exchanges: [createCache(), server] });
}

const names = (data: { companyEmployees: { edges: Array<{ node: { displayName: string } }> } }) =>
  data.companyEmployees.edges.map((e) => e.node.displayName);

describe("the company's paged employees in the app's cache", () => {
  it('drops every loaded page after a removal, not only the first', async () => {
    const client = companyServer();
    const ask = (after: string | null) =>
      client
        .query(CompanyEmployeesQuery, { companyOrganizationId: COMPANY, first: 2, after })
        .toPromise();
    const first = await ask(null);
    expect(names((await ask(first.data!.companyEmployees.pageInfo.endCursor)).data!)).toEqual([
      '社員 1',
      '社員 2',
      '社員 3',
      '社員 4',
    ]);
    // Someone on the second page leaves the company.
    await client
      .mutation(RemoveCompanyEmployeeMutation, {
        input: { companyOrganizationId: COMPANY, userId: person(3).userId },
      })
      .toPromise();
    // The first page asked again starts a fresh list: the old second page is not joined to it.
    const again = await ask(null);
    expect(names(again.data!)).toEqual(['社員 1', '社員 2']);
    expect(again.data!.companyEmployees.pageInfo.hasNextPage).toBe(true);
  });
});
