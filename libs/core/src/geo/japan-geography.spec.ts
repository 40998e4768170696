import { JapanGeography } from './japan-geography';

describe('JapanGeography', () => {
  const geo = JapanGeography.get();

  it('is loaded once and shared', () => {
    expect(JapanGeography.get()).toBe(geo);
  });

  describe('prefectures', () => {
    it('has all 47, coded 01 to 47', () => {
      const expected = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));
      expect([...geo.prefectures.keys()].sort()).toEqual(expected);
    });

    it('pads and names 01 as 北海道 / Hokkaido', () => {
      expect(geo.prefecture('01')).toEqual({
        code: '01',
        nameJa: '北海道',
        nameEn: 'Hokkaido',
        lat: expect.closeTo(43.06, 1),
        lng: expect.closeTo(141.35, 1),
      });
      expect(geo.prefecture('47')?.nameJa).toBe('沖縄県');
    });

    it('returns undefined for an unknown or unpadded code', () => {
      expect(geo.prefecture('48')).toBeUndefined();
      expect(geo.prefecture('1')).toBeUndefined();
    });
  });

  describe('municipalities', () => {
    it.each([
      ['015431', '01', '北海道美幌町'],
      ['032093', '03', '岩手県一関市'],
      ['204226', '20', '長野県上松町'],
    ])('%s is %s / %s', (code, prefectureCode, nameJa) => {
      expect(geo.municipality(code)).toMatchObject({ code, prefectureCode, nameJa });
    });

    it('carries kana and numeric coordinates', () => {
      const bihoro = geo.municipality('015431')!;
      expect(bihoro.nameKana).toBe('びほろちょう');
      expect(bihoro.lat).toBeCloseTo(43.82, 1);
      expect(bihoro.lng).toBeCloseTo(144.11, 1);
    });

    it('writes designated-city wards without the space the source data has', () => {
      expect(geo.municipality('011011')?.nameJa).toBe('北海道札幌市中央区');
      const spaced = [...geo.municipalities.values()].filter((m) => /\s/.test(m.nameJa));
      expect(spaced).toEqual([]);
    });

    it('returns undefined for an unknown code', () => {
      expect(geo.municipality('999999')).toBeUndefined();
      expect(geo.municipality('15431')).toBeUndefined();
    });

    it('has more than 1,900 entries, every one with valid codes and coordinates', () => {
      expect(geo.municipalities.size).toBeGreaterThan(1900);
      // Collected rather than asserted one by one, so a failure lists every offending entry.
      const invalid = [...geo.municipalities.entries()]
        .filter(
          ([key, m]) =>
            m.code !== key ||
            !/^\d{6}$/.test(m.code) ||
            m.prefectureCode !== m.code.slice(0, 2) ||
            geo.prefecture(m.prefectureCode) === undefined ||
            !Number.isFinite(m.lat) ||
            !Number.isFinite(m.lng),
        )
        .map(([, m]) => m);
      expect(invalid).toEqual([]);
    });
  });

  describe('municipalitiesOf', () => {
    it('lists every municipality once, under its prefecture, in code order', () => {
      const listed = [...geo.prefectures.keys()].flatMap((code) => {
        const list = geo.municipalitiesOf(code);
        expect(list.every((m) => m.prefectureCode === code)).toBe(true);
        expect(list.map((m) => m.code)).toEqual(list.map((m) => m.code).sort());
        return list;
      });
      expect(listed).toHaveLength(geo.municipalities.size);
      expect(geo.municipalitiesOf('01')[0]).toBe(geo.municipality('011002'));
    });

    it('returns a copy a caller may change, and nothing for an unknown prefecture', () => {
      const first = geo.municipalitiesOf('13');
      first.reverse().pop();
      expect(geo.municipalitiesOf('13')).toHaveLength(first.length + 1);
      expect(geo.municipalitiesOf('13')[0].code < geo.municipalitiesOf('13')[1].code).toBe(true);
      expect(geo.municipalitiesOf('48')).toEqual([]);
    });
  });
});
