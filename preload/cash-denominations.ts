// Canadian coins and notes a drawer is counted in (docs/staff.md "Counting the drawer"), in cents. The penny is
// gone since 2013 (cash is rounded to 5¢), so the smallest is the nickel. Pure data shared by main and the screens.
export const CAD_DENOMINATIONS = [5, 10, 25, 100, 200, 500, 1000, 2000, 5000, 10000] as const;

export type Denomination = (typeof CAD_DENOMINATIONS)[number];

/** How many of each coin or note; absent means none. */
export type DenominationCounts = Partial<Record<`${Denomination}`, number>>;

/** The counted total in cents, or null when a count is not a whole number from 0 to 100 000. */
export function countedCents(counts: DenominationCounts): number | null {
  let total = 0;
  for (const [key, n] of Object.entries(counts)) {
    const cents = Number(key);
    if (!(CAD_DENOMINATIONS as readonly number[]).includes(cents)) return null;
    if (n === undefined) continue;
    if (!Number.isSafeInteger(n) || n < 0 || n > 100_000) return null;
    total += cents * n;
  }
  return total;
}
