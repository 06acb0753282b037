// Store days in the store's IANA time zone, computed with Intl only (no tz database of our own).
// A store day is [first instant whose local date is D, first instant whose local date is D+1): 23 or 25 hours
// long across a DST change, and correct even where a DST change skips local midnight.
import { JournalInputError } from './errors.js';

export interface UtcRange {
  /** Inclusive, ms since epoch. */
  startMs: number;
  /** Exclusive, ms since epoch. */
  endMs: number;
}

const STORE_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function validateTimeZone(timeZone: string): string {
  try {
    formatterFor(timeZone);
    return timeZone;
  } catch {
    throw new JournalInputError('timeZone', `unknown IANA time zone '${timeZone}'`);
  }
}

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function storeDayOf(ms: number, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function parseStoreDay(day: string): number {
  const m = STORE_DAY.exec(day);
  const utc = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== day) {
    throw new JournalInputError('storeDay', `'${day}' is not a YYYY-MM-DD date`);
  }
  return utc;
}

/** First instant whose local date is on or after `day`. Offsets lie within ±15 h, so bisect that window. */
function startOfStoreDay(day: string, utcMidnight: number, timeZone: string): number {
  let low = utcMidnight - 15 * HOUR; // local date here is always before `day`
  let high = utcMidnight + 15 * HOUR; // and here always on or after it
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (storeDayOf(mid, timeZone) >= day) high = mid;
    else low = mid;
  }
  return high;
}

export function storeDayRange(day: string, timeZone: string): UtcRange {
  const utcMidnight = parseStoreDay(day);
  validateTimeZone(timeZone);
  const next = new Date(utcMidnight + 24 * HOUR).toISOString().slice(0, 10);
  return {
    startMs: startOfStoreDay(day, utcMidnight, timeZone),
    endMs: startOfStoreDay(next, utcMidnight + 24 * HOUR, timeZone),
  };
}

/** The UTC range covering store days `from` through `to`, inclusive. */
export function storeDaysRange(from: string, to: string, timeZone: string): UtcRange {
  const first = storeDayRange(from, timeZone);
  const last = storeDayRange(to, timeZone);
  if (last.endMs < first.startMs) throw new JournalInputError('to', `'${to}' is before '${from}'`);
  return { startMs: first.startMs, endMs: last.endMs };
}
