/**
 * A moment as people read it on a report: the local date and time with the zone spelled out
 * ("2026-06-01 10:00 UTC+02:00, Europe/Amsterdam"), so a reader in another zone is not misled.
 * JSON and CSV keep ISO 8601 in UTC.
 */

/** This machine's IANA time zone (TZ when set). */
export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function localTime(iso: string, timeZone: string = systemTimeZone()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let zone = timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    zone = 'UTC';
  }
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
  }).formatToParts(date).map((part) => [part.type, part.value]));
  const offset = String(parts.timeZoneName ?? 'GMT').replace(/^GMT(\+00:00)?$/, 'UTC').replace(/^GMT/, 'UTC');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${offset}${zone === 'UTC' ? '' : `, ${zone}`}`;
}
