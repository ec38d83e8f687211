// public/managed_schema.json is read by Chrome, which refuses to load the extension if the schema breaks its rules
// (exactly one `type` or `$ref` per schema, object at the top, no additionalProperties there) and drops policy
// values that do not fit it. This checks both with a small validator of the subset Chrome implements.
// It is also written by hand, so it is checked field by field against the schemas the background reads a policy with.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import schema from '../../public/managed_schema.json';
import { PLATFORMS, SURFACES, VERDICTS } from '../core/types';
import { SETTINGS_ENTRIES } from '../protocol-schema';
import { BUILT_IN_RULES } from '../rules';
import { RuleSchema } from '../rules/schema';
import { WatchRuleSchema } from '../dashboards/watch-schema';

interface Schema {
  type?: string;
  $ref?: string;
  id?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  additionalProperties?: unknown;
}

const TYPES = ['object', 'array', 'string', 'boolean', 'integer', 'number'];

function collect(node: Schema, path: string, ids: Map<string, Schema>, problems: string[]): void {
  if ((node.type === undefined) === (node.$ref === undefined))
    problems.push(`${path}: needs exactly one of type, $ref`);
  if (node.type !== undefined && !TYPES.includes(node.type)) problems.push(`${path}: unknown type ${node.type}`);
  if (node.id) ids.set(node.id, node);
  for (const [key, child] of Object.entries(node.properties ?? {})) collect(child, `${path}.${key}`, ids, problems);
  if (node.items) collect(node.items, `${path}[]`, ids, problems);
}

function resolve(node: Schema, ids: Map<string, Schema>): Schema {
  return node.$ref ? ids.get(node.$ref)! : node;
}

function fits(value: unknown, node: Schema, ids: Map<string, Schema>, path: string): string | null {
  const s = resolve(node, ids);
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (actual !== s.type) return `${path}: ${actual} is not ${s.type}`;
  if (s.enum && !s.enum.includes(value)) return `${path}: ${String(value)} not in enum`;
  if (s.type === 'array') {
    for (const [i, item] of (value as unknown[]).entries()) {
      const problem = fits(item, s.items!, ids, `${path}[${i}]`);
      if (problem) return problem;
    }
  }
  if (s.type === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const property = s.properties?.[key];
      if (!property) return `${path}.${key}: not in the schema`;
      const problem = fits(child, property, ids, `${path}.${key}`);
      if (problem) return problem;
    }
  }
  return null;
}

/** The part of a valibot schema's structure that a JSON schema can say: type, fields, items, enum. */
interface Valibot {
  kind: string;
  type: string;
  pipe?: Valibot[];
  wrapped?: Valibot;
  item?: Valibot;
  entries?: Record<string, Valibot>;
  options?: unknown[];
}

/** The JSON-schema picture of a valibot schema: the type after unwrapping optionals and pipes. */
function pictureOf(node: Valibot): Schema {
  if (node.type === 'optional') return pictureOf(node.wrapped!);
  // A pipe has its schemas' shape; a rule-file object opens with an "is an object" guard (custom), then the object.
  const schemas = node.pipe?.filter((item) => item.kind === 'schema') ?? [];
  if (schemas.length > 0) return pictureOf(schemas.find((item) => item.type !== 'custom') ?? schemas[0]!);
  if (node.entries) {
    const properties = Object.fromEntries(Object.entries(node.entries).map(([key, entry]) => [key, pictureOf(entry)]));
    return { type: 'object', properties };
  }
  if (node.type === 'array') return { type: 'array', items: pictureOf(node.item!) };
  if (node.type === 'picklist') return { type: 'string', enum: node.options };
  return { type: node.type };
}

/** Where the hand-written JSON schema and the valibot picture differ (an enum the JSON leaves open is fine). */
function differences(json: Schema, picture: Schema, ids: Map<string, Schema>, path: string): string[] {
  const node = resolve(json, ids);
  if (node.type !== picture.type) return [`${path}: ${node.type} in the JSON schema, ${picture.type} in valibot`];
  if (node.enum && JSON.stringify(node.enum) !== JSON.stringify(picture.enum)) return [`${path}: enum differs`];
  if (picture.items) return differences(node.items!, picture.items, ids, `${path}[]`);
  const keys = new Set([...Object.keys(node.properties ?? {}), ...Object.keys(picture.properties ?? {})]);
  return [...keys].flatMap((key) => {
    const [a, b] = [node.properties?.[key], picture.properties?.[key]];
    if (!a || !b) return [`${path}.${key}: only in the ${a ? 'JSON schema' : 'valibot schema'}`];
    return differences(a, b, ids, `${path}.${key}`);
  });
}

const root = schema as Schema;
const ids = new Map<string, Schema>();
const problems: string[] = [];
collect(root, 'schema', ids, problems);

describe('managed_schema.json', () => {
  it('follows Chrome’s rules for a managed schema', () => {
    expect(problems).toEqual([]);
    expect(root.type).toBe('object');
    expect(root.additionalProperties).toBeUndefined();
    const refs = JSON.stringify(root).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) expect(ids.has(ref.slice(8, -1)), ref).toBe(true);
  });

  it('says exactly what the rule and settings schemas say, field by field', () => {
    const policy = v.object({
      ...SETTINGS_ENTRIES,
      locked: v.boolean(),
      rules: v.array(RuleSchema),
      watchRules: v.array(WatchRuleSchema),
    });
    expect(differences(root, pictureOf(policy as unknown as Valibot), ids, 'policy')).toEqual([]);
  });

  it('declares exactly the keys the background reads', () => {
    expect(Object.keys(root.properties!).sort()).toEqual([
      'language',
      'locked',
      'pausedSites',
      'resolveShortLinks',
      'rules',
      'watchRules',
    ]);
  });

  it('lets an administrator push any built-in rule as it is written', () => {
    expect(fits(BUILT_IN_RULES, root.properties!.rules!, ids, 'rules')).toBeNull();
  });

  it('uses the same platform, surface and verdict names as the core', () => {
    const rule = root.properties!.rules!.items!.properties!;
    expect(rule.platform!.enum).toEqual([...PLATFORMS]);
    expect(rule.surfaces!.items!.enum).toEqual([...SURFACES]);
    expect(rule.verdict!.enum).toEqual([...VERDICTS]);
  });

  it('accepts a whole policy and rejects values of the wrong type', () => {
    const policy = {
      rules: [],
      locked: true,
      language: 'zh',
      resolveShortLinks: false,
      pausedSites: ['cp.kuaishou.com'],
    };
    expect(fits(policy, root, ids, 'policy')).toBeNull();
    expect(fits({ locked: 'yes' }, root, ids, 'policy')).toMatch(/locked/);
    expect(fits({ language: 'fr' }, root, ids, 'policy')).toMatch(/language/);
  });
});
