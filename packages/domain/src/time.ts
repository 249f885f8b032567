/*
 * Calendar arithmetic for timing. Only Date parsing and Date.UTC are used (no clock): the domain
 * must be deterministic and run in a browser.
 */

function parseInstant(value: string, name: string): number {
  const milliseconds = Date.parse(value);
  if (Number.isNaN(milliseconds)) throw new RangeError(`${name} is not an RFC 3339 date-time: ${value}`);
  return milliseconds;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * Whole calendar months from `start` to `end`, counted in UTC: the largest k such that start plus
 * k months (same day of month and time of day, the day clamped to the end of a shorter month) is
 * not after end. So 2026-01-15 → 2026-07-14 is 5 months, → 2026-07-15 is 6, and 2026-01-31 →
 * 2026-02-28 is 1. Negative when end is before start (then counted from end to start).
 */
export function wholeMonthsBetween(startIso: string, endIso: string): number {
  const start = parseInstant(startIso, 'dealCreatedAt');
  const end = parseInstant(endIso, 'expectedDecisionAt');
  return end >= start ? monthsFromTo(start, end) : -monthsFromTo(end, start);
}

function monthsFromTo(start: number, end: number): number {
  const from = new Date(start);
  const to = new Date(end);
  const startYear = from.getUTCFullYear();
  const startMonth = from.getUTCMonth();
  const startDay = from.getUTCDate();
  const timeOfDay = start - Date.UTC(startYear, startMonth, startDay);
  let months = (to.getUTCFullYear() - startYear) * 12 + (to.getUTCMonth() - startMonth);
  const anniversaryYear = startYear + Math.floor((startMonth + months) / 12);
  const anniversaryMonth = (((startMonth + months) % 12) + 12) % 12;
  const anniversaryDay = Math.min(startDay, daysInMonth(anniversaryYear, anniversaryMonth));
  const anniversary = Date.UTC(anniversaryYear, anniversaryMonth, anniversaryDay) + timeOfDay;
  if (anniversary > end) months -= 1;
  return months;
}
