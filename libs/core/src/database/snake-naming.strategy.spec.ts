import { snakeCase, SnakeNamingStrategy } from './snake-naming.strategy';

describe('snakeCase', () => {
  it.each([
    ['createdAt', 'created_at'],
    ['regionOrganizationId', 'region_organization_id'],
    ['HTMLParser', 'html_parser'],
    ['OutboxMessage', 'outbox_message'],
    ['address2Line', 'address2_line'],
    ['id', 'id'],
    ['already_snake', 'already_snake'],
  ])('%s → %s', (input, expected) => {
    expect(snakeCase(input)).toBe(expected);
  });
});

describe('SnakeNamingStrategy', () => {
  const strategy = new SnakeNamingStrategy();

  it('snake-cases the class name unless the entity names its table', () => {
    expect(strategy.tableName('RemitArea', undefined)).toBe('remit_area');
    expect(strategy.tableName('RemitArea', 'RemitAreas')).toBe('RemitAreas');
  });

  it('snake-cases column names, custom or not', () => {
    expect(strategy.columnName('municipalityCode', undefined, [])).toBe('municipality_code');
    expect(strategy.columnName('municipalityCode', 'muniCode', [])).toBe('muni_code');
  });

  it('prefixes embedded columns with their snake-cased embedding path', () => {
    expect(strategy.columnName('postalCode', undefined, ['homeAddress'])).toBe(
      'home_address_postal_code',
    );
    expect(strategy.columnName('lat', undefined, ['office', 'geoPoint'])).toBe(
      'office_geo_point_lat',
    );
  });

  it('names join columns relation_referenced', () => {
    expect(strategy.joinColumnName('regionOrganization', 'id')).toBe('region_organization_id');
    expect(strategy.joinColumnName('user', 'userId')).toBe('user_user_id');
  });

  it('snake-cases relation names', () => {
    expect(strategy.relationName('remitAreas')).toBe('remit_areas');
  });
});
