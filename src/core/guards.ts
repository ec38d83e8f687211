// Predicates for data of unknown shape (storage, messages, files), so every reader names a bad value the same way.

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Enough of a text for a person to find it; a pasted megabyte must not become a megabyte of error. */
const SHOWN = 80;

/** A value as an error message shows it: `"text"`, `number 7`, `an array`, `null`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** A field path as people write it: ["exceptions", 0, "until"] → "exceptions[0].until". */
export function pathText(keys: readonly unknown[]): string {
  return keys.reduce<string>(
    (base, key) => (typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${String(key)}` : String(key)),
    '',
  );
}
