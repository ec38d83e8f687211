import { describe, expect, it } from 'vitest';
import englishMessages from '../public/_locales/en/messages.json';
import { CONFIG_KEYS } from '../src/protocol';
import { REQUESTS, SettingsSchema } from '../src/protocol-schema';
import { RuleSchema } from '../src/rules/schema';
import { WatchRuleSchema } from '../src/dashboards/watch-schema';
import { CONTENT_INTERNAL_PROPS, liftPage, squeeze } from './build';

describe('liftPage', () => {
  it('points a page moved up from popup/ at ./assets/, and leaves other URLs alone', () => {
    const html = [
      '<script type="module" crossorigin src="../assets/popup.js"></script>',
      "<link rel='stylesheet' href='../assets/shared.css'>",
      '<a href="../other.html">x</a>',
      '<p>../assets/ in text</p>',
    ].join('\n');
    expect(liftPage(html).split('\n')).toEqual([
      '<script type="module" crossorigin src="./assets/popup.js"></script>',
      "<link rel='stylesheet' href='./assets/shared.css'>",
      '<a href="../other.html">x</a>',
      '<p>../assets/ in text</p>',
    ]);
  });
});

describe('squeeze', () => {
  it('writes ASCII alone, with the same strings and patterns', async () => {
    const code = 'globalThis.out = ["小黄车（$1）", /^[￥¥]\\p{Script=Han}+|😀/u.test("￥淘宝"), /😀/u.test("😀")];';
    const squeezed = await squeeze(code);
    expect(squeezed).toMatch(/^[\x20-\x7e]*$/);
    const run = (js: string) => new Function(`${js}; return globalThis.out;`)() as unknown;
    expect(run(squeezed)).toEqual(run(code));
  });
});

/** Every field name a valibot schema declares, however deep (objects, arrays, records, unions, pipes, wrappers). */
function fieldNames(schema: unknown, names = new Set<string>()): Set<string> {
  if (typeof schema !== 'object' || schema === null) return names;
  const node = schema as { kind?: unknown; entries?: object; item?: unknown; wrapped?: unknown; value?: unknown };
  const parts = schema as { options?: unknown; pipe?: unknown; rest?: unknown; items?: unknown };
  if (node.kind !== 'schema') return names;
  for (const [name, entry] of Object.entries(node.entries ?? {})) fieldNames(entry, names.add(name));
  for (const child of [node.item, node.wrapped, node.value, parts.rest]) fieldNames(child, names);
  for (const list of [parts.options, parts.pipe, parts.items])
    if (Array.isArray(list)) for (const child of list) fieldNames(child, names);
  return names;
}

describe('CONTENT_INTERNAL_PROPS', () => {
  it('names no field of a message, the settings, a rule or a watch rule, and no message key', () => {
    const shapes = [...Object.values(REQUESTS), SettingsSchema, RuleSchema, WatchRuleSchema];
    const external = new Set([
      ...shapes.flatMap((shape) => [...fieldNames(shape)]),
      ...CONFIG_KEYS,
      ...Object.keys(englishMessages),
    ]);
    expect(external.size).toBeGreaterThan(100); // the walk reached into the shapes
    expect(CONTENT_INTERNAL_PROPS.filter((name) => external.has(name))).toEqual([]);
  });
});
