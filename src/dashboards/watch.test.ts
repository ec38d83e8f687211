// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { aWatchRule } from '../../test/support/rules';
import { adapterFor } from './index';
import { nextWatchId, selectorProblem, watchAdapters } from './watch';
import { parseWatchRules, validateWatchRules } from './watch-schema';

describe('watch rules', () => {
  it('accepts a rule with stable selectors and returns it as it was', () => {
    expect(validateWatchRules({ watchRules: [aWatchRule('W-1')] }, 'team.json')).toEqual({
      rules: [aWatchRule('W-1')],
      errors: [],
    });
  });

  it('refuses position chains, bare tags and match-everything selectors, naming rule and field', () => {
    const bad = aWatchRule('W-2', { fields: ['div > div:nth-child(3) input'], rows: ['li', '*'] });
    expect(validateWatchRules([bad], 'team.json').errors).toEqual([
      'team.json: watch rule W-2: fields[0]: must not count positions (nth-child)',
      'team.json: watch rule W-2: rows[0]: must name an id, an attribute or a class',
      'team.json: watch rule W-2: rows[1]: must name an id, an attribute or a class',
    ]);
    expect(selectorProblem('[class^="list-item"]')).toBeNull();
    expect(selectorProblem('textarea[name="desc"]')).toBeNull();
  });

  it('names unknown fields, bad hosts and a rule that reads nothing; keeps the valid ones', () => {
    const { rules, errors } = validateWatchRules(
      [
        { ...aWatchRule('W-3'), script: 'alert(1)' },
        aWatchRule('W-4', { host: 'https://shop.example.com' }),
        aWatchRule('W-5', { fields: [], rows: [] }),
        aWatchRule('W-6'),
        aWatchRule('W-6'),
      ],
      'import',
    );
    expect(rules.map((rule) => rule.id)).toEqual(['W-6']);
    expect(errors).toEqual([
      expect.stringMatching(/^import: watch rule W-3: script: /),
      'import: watch rule W-4: host: must be a host name like shop.example.com',
      'import: watch rule W-5: must name at least one field or row selector',
      'import: watch rule W-6: id: duplicate id "W-6"',
    ]);
  });

  it('reads a file’s text and says where bad JSON broke', () => {
    expect(parseWatchRules('[', 'team.json').errors[0]).toMatch(/^team\.json: not valid JSON: /);
    expect(parseWatchRules(JSON.stringify([aWatchRule('W-7')]), 'x').rules).toHaveLength(1);
  });

  it('stands for adapters claiming their host and path, with their surface, dropping unusable selectors', () => {
    document.body.innerHTML = `<input id="goods-link">${'<i class="many"></i>'.repeat(5001)}`;
    const rule = aWatchRule('W-8', { fields: ['#goods-link', '[broken', 'i.many'] });
    const [adapter] = watchAdapters([rule], document);
    expect(adapter!.id).toBe('watch:W-8');
    expect(adapter!.fieldSelectors).toEqual(['#goods-link']);
    expect(adapter!.surface({ says: () => false, has: () => false, path: '/' })).toBe('live-cart');
    expect(adapterFor('https://shop.example.com/goods/edit?id=3', [adapter!])?.adapter).toBe(adapter);
    expect(adapterFor('https://shop.example.com/orders', [adapter!])).toBeNull();
  });

  it('gives a picked rule the next free id of its host', () => {
    expect(nextWatchId('shop.example.com', [{ id: 'W-shop.example.com-1' }])).toBe('W-shop.example.com-2');
  });
});
