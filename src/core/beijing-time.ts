// Every platform notice is in Beijing time (UTC+8, no daylight saving), whatever the machine's time zone.
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Beijing calendar day of an instant: "2022-03-01". */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → that day's 00:00 in Beijing; null when it is not a real day. */
export function beijingMidnight(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const at = new Date(`${day}T00:00:00+08:00`);
  return Number.isNaN(at.getTime()) || beijingDay(at) !== day ? null : at;
}

/** A rule date for people: "2022-03-01" at Beijing midnight, "2022-03-01 12:30" otherwise. */
export function beijingDateTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + OFFSET_MS).toISOString();
  const time = shifted.slice(11, 16);
  return time === '00:00' ? shifted.slice(0, 10) : `${shifted.slice(0, 10)} ${time}`;
}
