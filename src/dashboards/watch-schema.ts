// The watch rule's shape as a valibot schema, and the readers of rule lists (options, import, managed storage).
// Apart from src/dashboards/watch.ts so the content script, which only gets checked rules, bundles none of it.
import * as v from 'valibot';
import { PLATFORMS, SURFACES } from '../core/types';
import { describe, isObject, pathText } from '../core/guards';
import { selectorProblem } from './watch';

const selector = v.pipe(
  v.string('must be a CSS selector'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(300, 'must be at most 300 characters'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = selectorProblem(dataset.value);
    if (problem) addIssue({ message: problem });
  }),
);

export const WatchRuleSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be letters, digits, . _ - (≤ 64)')),
    host: v.pipe(v.string(), v.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a host name like shop.example.com')),
    path: v.pipe(v.string(), v.startsWith('/', 'must start with /'), v.maxLength(300)),
    platform: v.picklist(PLATFORMS, `must be one of ${PLATFORMS.join(', ')}`),
    surface: v.picklist([...SURFACES, 'unknown'], `must be one of ${[...SURFACES, 'unknown'].join(', ')}`),
    fields: v.pipe(v.array(selector), v.maxLength(20)),
    rows: v.pipe(v.array(selector), v.maxLength(20)),
  }),
  v.check((rule) => rule.fields.length + rule.rows.length > 0, 'must name at least one field or row selector'),
);

export type WatchRule = v.InferOutput<typeof WatchRuleSchema>;
/** A watch rule as the snapshot carries it: whose it is (the organisation's are read-only). */
export type LoadedWatchRule = WatchRule & { origin: 'custom' | 'managed' };

const ruleLabel = (value: unknown, index: number) =>
  isObject(value) && typeof value.id === 'string' && value.id ? `watch rule ${value.id}` : `watch rule #${index + 1}`;

/** The valid rules of a list (`{"watchRules": [...]}` or a bare array), and every problem as "label: path: why". */
export function validateWatchRules(json: unknown, file: string): { rules: WatchRule[]; errors: string[] } {
  const list = Array.isArray(json) ? json : isObject(json) && Array.isArray(json.watchRules) ? json.watchRules : null;
  if (!list)
    return { rules: [], errors: [`${file}: must be {"watchRules": [ … ]} or an array, got ${describe(json)}`] };
  const rules: WatchRule[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  list.forEach((value, index) => {
    const label = `${file}: ${ruleLabel(value, index)}`;
    const result = v.safeParse(WatchRuleSchema, value);
    if (!result.success) {
      for (const issue of result.issues) {
        const path = pathText((issue.path ?? []).map((item) => item.key));
        errors.push(path ? `${label}: ${path}: ${issue.message}` : `${label}: ${issue.message}`);
      }
      return;
    }
    if (seen.has(result.output.id)) return errors.push(`${label}: id: duplicate id "${result.output.id}"`);
    seen.add(result.output.id);
    rules.push(result.output);
  });
  return { rules, errors };
}

/** A watch rule's text from a file or a paste (bad JSON → one error naming where it broke). */
export function parseWatchRules(text: string, file: string): { rules: WatchRule[]; errors: string[] } {
  try {
    return validateWatchRules(JSON.parse(text.replace(/^\uFEFF/, '')), file);
  } catch (error) {
    return { rules: [], errors: [`${file}: not valid JSON: ${(error as Error).message}`] };
  }
}
