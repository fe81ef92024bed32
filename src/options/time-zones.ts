import { foldText } from '../shared/text';

/** One time zone as the picker shows it: "Rome · UTC+01:00" under Europe. */
export interface TimeZoneChoice {
  id: string;
  city: string;
  /** Its offset from UTC at the moment the list was made, as "UTC+05:30" (or "UTC" itself). */
  offset: string;
}

export interface TimeZoneGroup {
  /** The IANA region ("Europe", "America"); zones outside one (UTC, Etc/…) are under OTHER_REGION. */
  region: string;
  zones: TimeZoneChoice[];
}

/** The group of zones that name no region of the world. */
export const OTHER_REGION = 'Other';
const REGIONS = new Set([
  'Africa',
  'America',
  'Antarctica',
  'Arctic',
  'Asia',
  'Atlantic',
  'Australia',
  'Europe',
  'Indian',
  'Pacific',
]);

function offsetOf(id: string, at: number): string {
  const name = new Intl.DateTimeFormat('en', { timeZone: id, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  return (name ?? 'GMT').replace(/^GMT/, 'UTC');
}

/**
 * The browser's ~400 IANA ids as a person looks for them: grouped by region, each named by its city
 * ("America/Argentina/Buenos_Aires" is "Buenos Aires, Argentina") with its offset now, regions and
 * cities in alphabetical order.
 */
export function timeZoneGroups(ids: readonly string[], at: number): TimeZoneGroup[] {
  const groups = new Map<string, TimeZoneChoice[]>();
  for (const id of ids) {
    const [first = id, ...rest] = id.split('/');
    const region = rest.length > 0 && REGIONS.has(first) ? first : OTHER_REGION;
    const places = (region === OTHER_REGION ? [id] : rest).map((part) => part.replaceAll('_', ' '));
    const city = places.reverse().join(', ');
    groups.set(region, [...(groups.get(region) ?? []), { id, city, offset: offsetOf(id, at) }]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === OTHER_REGION ? 1 : b === OTHER_REGION ? -1 : a.localeCompare(b)))
    .map(([region, zones]) => ({ region, zones: zones.sort((a, b) => a.city.localeCompare(b.city)) }));
}

/**
 * The zones whose city, id, region or offset holds what the admin typed, without regard to case or
 * accents ("rom", "sao paulo", "+05:30"); every zone when nothing is typed.
 */
export function searchTimeZones(groups: readonly TimeZoneGroup[], query: string): TimeZoneGroup[] {
  const needle = foldText(query.trim());
  if (!needle) return [...groups];
  return groups
    .map(({ region, zones }) => ({
      region,
      zones: zones.filter((zone) =>
        foldText(`${zone.city} ${zone.id} ${region} ${zone.offset}`).includes(needle),
      ),
    }))
    .filter(({ zones }) => zones.length > 0);
}
