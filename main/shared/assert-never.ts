// The one assertNever (docs/style.md §10): every switch over a union ends with it, so a new member is a compile
// error there, and a value that slips past the types (a hand-edited file, a newer peer) throws instead of
// falling through silently.

export function assertNever(value: never, what = 'value'): never {
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = String(value);
  }
  throw new Error(`unexpected ${what}: ${shown}`);
}
