import { describe, expect, it } from 'vitest';
import { JournalInputError } from '../../main/journal/errors.js';
import { storeDayOf, storeDayRange, storeDaysRange } from '../../main/journal/store-day.js';

const HOUR = 3_600_000;

describe('store days in an IANA zone', () => {
  it('a plain day in Toronto (EST, UTC-5) starts at 05:00Z and lasts 24 h', () => {
    const r = storeDayRange('2026-01-15', 'America/Toronto');
    expect(new Date(r.startMs).toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(r.endMs - r.startMs).toBe(24 * HOUR);
  });

  it('the spring-forward day in Toronto (2026-03-08) is 23 h long', () => {
    const r = storeDayRange('2026-03-08', 'America/Toronto');
    expect(new Date(r.startMs).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(r.endMs).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(r.endMs - r.startMs).toBe(23 * HOUR);
  });

  it('the fall-back day in Toronto (2026-11-01) is 25 h long', () => {
    const r = storeDayRange('2026-11-01', 'America/Toronto');
    expect(new Date(r.startMs).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(r.endMs - r.startMs).toBe(25 * HOUR);
  });

  it('UTC days are midnight to midnight', () => {
    const r = storeDayRange('2026-03-08', 'UTC');
    expect(new Date(r.startMs).toISOString()).toBe('2026-03-08T00:00:00.000Z');
    expect(r.endMs - r.startMs).toBe(24 * HOUR);
  });

  it('a zone whose DST change skips midnight (America/Santiago, 2026-09-06) starts at 01:00 local', () => {
    const r = storeDayRange('2026-09-06', 'America/Santiago');
    expect(storeDayOf(r.startMs, 'America/Santiago')).toBe('2026-09-06');
    expect(storeDayOf(r.startMs - 1, 'America/Santiago')).toBe('2026-09-05');
    expect(r.endMs - r.startMs).toBe(23 * HOUR);
  });

  it('boundaries are exact to the millisecond', () => {
    const r = storeDayRange('2026-07-01', 'Asia/Shanghai');
    expect(storeDayOf(r.startMs - 1, 'Asia/Shanghai')).toBe('2026-06-30');
    expect(storeDayOf(r.startMs, 'Asia/Shanghai')).toBe('2026-07-01');
    expect(storeDayOf(r.endMs - 1, 'Asia/Shanghai')).toBe('2026-07-01');
    expect(storeDayOf(r.endMs, 'Asia/Shanghai')).toBe('2026-07-02');
  });

  it('a range of days covers from the first start to the last end', () => {
    const r = storeDaysRange('2026-03-07', '2026-03-09', 'America/Toronto');
    expect(r.endMs - r.startMs).toBe(71 * HOUR);
  });

  it('refuses bad dates and unknown zones with a typed error', () => {
    expect(() => storeDayRange('2026-02-30', 'UTC')).toThrow(JournalInputError);
    expect(() => storeDayRange('26-01-01', 'UTC')).toThrow(JournalInputError);
    expect(() => storeDayRange('2026-01-01', 'Mars/Olympus')).toThrow(JournalInputError);
  });
});
