// Reading and writing one field deep inside a draft that may be any JSON the user typed: never throws, and
// writing creates the objects and arrays on the way.
export type Path = readonly (string | number)[];

export function getIn(value: unknown, path: Path): unknown {
  let here = value;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}

/** A copy of `value` with `path` set; `undefined` removes the field. */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return next;
  const container = typeof value === 'object' && value !== null ? value : typeof key === 'number' ? [] : {};
  const copy = (Array.isArray(container) ? [...container] : { ...container }) as Record<string | number, unknown>;
  const child = setIn(copy[key], rest, next);
  if (child === undefined && !Array.isArray(copy)) delete copy[key];
  else copy[key] = child;
  return copy;
}
