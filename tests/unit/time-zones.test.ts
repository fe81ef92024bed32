import { describe, expect, test } from 'vitest';
import { OTHER_REGION, searchTimeZones, timeZoneGroups } from '../../src/options/time-zones';

/** 15 January 2026, when Rome is at UTC+1 and São Paulo at UTC−3. */
const WINTER = Date.UTC(2026, 0, 15, 12);
const IDS = [
  'Europe/Rome',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'Asia/Kolkata',
  'UTC',
  'Europe/Berlin',
];

describe('the time-zone picker', () => {
  const groups = timeZoneGroups(IDS, WINTER);

  test('groups zones by region, in alphabetical order, the zones of no region last', () => {
    expect(groups.map((group) => group.region)).toEqual(['America', 'Asia', 'Europe', OTHER_REGION]);
  });

  test('names each zone by its city, with its offset from UTC now', () => {
    const [america, asia, europe] = groups;
    expect(america!.zones).toEqual([
      { id: 'America/Argentina/Buenos_Aires', city: 'Buenos Aires, Argentina', offset: 'UTC-03:00' },
      { id: 'America/Sao_Paulo', city: 'Sao Paulo', offset: 'UTC-03:00' },
    ]);
    expect(asia!.zones).toEqual([{ id: 'Asia/Kolkata', city: 'Kolkata', offset: 'UTC+05:30' }]);
    expect(europe!.zones.map((zone) => `${zone.city} ${zone.offset}`)).toEqual([
      'Berlin UTC+01:00',
      'Rome UTC+01:00',
    ]);
  });

  test('search finds a city without regard to case or accents, and keeps its region', () => {
    expect(searchTimeZones(groups, 'rom')).toEqual([
      { region: 'Europe', zones: [{ id: 'Europe/Rome', city: 'Rome', offset: 'UTC+01:00' }] },
    ]);
    expect(
      searchTimeZones(groups, 'SÃO PAULO').flatMap((group) => group.zones.map((zone) => zone.id)),
    ).toEqual(['America/Sao_Paulo']);
  });

  test('search finds zones by offset or region, and everything when the box is empty', () => {
    const ids = (query: string) =>
      searchTimeZones(groups, query).flatMap((group) => group.zones.map((zone) => zone.id));
    expect(ids('+05:30')).toEqual(['Asia/Kolkata']);
    expect(ids('europe')).toEqual(['Europe/Berlin', 'Europe/Rome']);
    expect(ids('  ')).toHaveLength(IDS.length);
  });
});
