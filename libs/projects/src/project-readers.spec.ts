import { checkProjectReaderRelations, PROJECT_READER_RELATIONS } from './project-readers';

describe('checkProjectReaderRelations', () => {
  it('accepts exactly one provider per listed relation', () => {
    expect(checkProjectReaderRelations([...PROJECT_READER_RELATIONS])).toEqual([]);
  });

  it('names a relation nobody answers, one answered twice, and one nobody listed', () => {
    const [first, second, ...rest] = PROJECT_READER_RELATIONS;
    expect(checkProjectReaderRelations([first, first, ...rest, 'bookmark'])).toEqual([
      `project reader relation "${first}" has 2 providers`,
      `project reader relation "${second}" has 0 providers`,
      'provider of unlisted project reader relation "bookmark"',
    ]);
  });
});
