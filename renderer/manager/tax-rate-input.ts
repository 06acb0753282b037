// A rate typed as a percent ("15", "9.975", "9,975" in French) as parts per 100 000, without a float: the screen
// sends main an integer (docs/register.md "Rate overrides"). Null: not a rate above 0 and at most 25% with up to
// three decimals.
export function parsePercentRate(typed: string): number | null {
  const m = /^(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(typed.trim().replace(/\s*%$/, ''));
  if (!m) return null;
  const rate = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return rate >= 1 && rate <= 25_000 ? rate : null;
}
