import { describe, expect, it } from 'vitest';
import { emptyProject, projectInputOf } from './project-form';

// The program choice as the API takes it: none is sent as null (on an edit, it leaves the
// program), a choice as its id.
describe('projectInputOf: program', () => {
  const values = { ...emptyProject(new Date(2026, 11, 5)), title: 'タイトル', themeCode: 'AGRI' };

  it('sends no program as null', () => {
    expect(projectInputOf(values).programId).toBeNull();
  });

  it('sends the chosen program', () => {
    expect(projectInputOf({ ...values, programId: 'p-1' }).programId).toBe('p-1');
  });
});
