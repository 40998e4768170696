import type { DataSource } from 'typeorm';
import type { MethodDiscovery } from '../events/method-discovery';
import {
  checkPersonalDataReaders,
  PERSONAL_DATA_SECTIONS,
  PersonalDataExport,
} from './personal-data';

describe('checkPersonalDataReaders', () => {
  it('reports nothing when every section has exactly one reader', () => {
    expect(PERSONAL_DATA_SECTIONS.length).toBeGreaterThan(0);
    expect(checkPersonalDataReaders([...PERSONAL_DATA_SECTIONS])).toEqual([]);
  });

  it('reports a section without a reader', () => {
    expect(checkPersonalDataReaders([])).toEqual(
      PERSONAL_DATA_SECTIONS.map((section) => `personal-data section "${section}" has 0 readers`),
    );
  });

  it('reports a section with two readers', () => {
    const [first, ...rest] = PERSONAL_DATA_SECTIONS;

    expect(checkPersonalDataReaders([first, first, ...rest])).toEqual([
      `personal-data section "${first}" has 2 readers`,
    ]);
  });

  it('reports a reader of a section that is not listed', () => {
    expect(checkPersonalDataReaders([...PERSONAL_DATA_SECTIONS, 'shoeSize'])).toEqual([
      'reader of unlisted personal-data section "shoeSize"',
    ]);
  });

  it('reports every problem together, an unlisted section once', () => {
    const problems = checkPersonalDataReaders(['shoeSize', 'shoeSize']);

    expect(problems).toContain('reader of unlisted personal-data section "shoeSize"');
    expect(problems).toContain(
      `personal-data section "${PERSONAL_DATA_SECTIONS[0]}" has 0 readers`,
    );
    expect(problems.filter((p) => p.includes('shoeSize'))).toHaveLength(1);
  });
});

describe('PersonalDataExport.checkReaders', () => {
  function exportWith(sections: string[]): PersonalDataExport {
    const methods = {
      find: () => sections.map((metadata) => ({ metadata, method: () => Promise.resolve({}) })),
    } as unknown as MethodDiscovery;
    return new PersonalDataExport({} as DataSource, methods);
  }

  it('fails before any download when a section has no reader', () => {
    expect(() => exportWith(PERSONAL_DATA_SECTIONS.slice(1)).checkReaders()).toThrow(
      `personal-data section "${PERSONAL_DATA_SECTIONS[0]}" has 0 readers`,
    );
  });

  it('passes when every section has its reader', () => {
    expect(() => exportWith([...PERSONAL_DATA_SECTIONS]).checkReaders()).not.toThrow();
  });
});
