import { describe, expect, it } from 'vitest';
import { BADGE_AMBER, BADGE_RED, badgeFor, showBadge, type ActionApi } from './badge';
import { FakeAction, finding } from '../../test/support/fake-browser';

const many = (n: number, verdict: 'banned' | 'review' | 'allowed') =>
  Array.from({ length: n }, (_, i) => finding(`${verdict}${i}`, verdict));

describe('badgeFor', () => {
  it.each([
    ['banned count in red, whatever else', [...many(2, 'banned'), ...many(3, 'review')], '2', BADGE_RED],
    ['review count in amber when nothing is banned', [...many(3, 'review'), ...many(1, 'allowed')], '3', BADGE_AMBER],
    ['nothing when only allowed links', many(4, 'allowed'), '', null],
    ['nothing without findings', [], '', null],
    ['99+ beyond two digits', many(120, 'banned'), '99+', BADGE_RED],
  ])('%s', (_, findings, text, color) => {
    expect(badgeFor(findings, false, 'en')).toMatchObject({ text, color });
  });

  it('shows nothing on a paused site', () => {
    expect(badgeFor(many(2, 'banned'), true, 'en')).toMatchObject({ text: '', color: null });
  });

  it('says in the title what the count means, not by colour alone', () => {
    expect(badgeFor([...many(2, 'banned'), ...many(1, 'review')], false, 'en').title).toBe(
      'cartlint: 2 banned, 1 to check on this page',
    );
    expect(badgeFor(many(1, 'review'), false, 'zh').title).toBe('cartlint：本页 1 个待核实');
  });
});

describe('showBadge', () => {
  it('paints text, background, a readable text colour and the title', async () => {
    const action = new FakeAction();
    await showBadge(action, 4, badgeFor(many(1, 'review'), false, 'en'));
    expect(action.badges.get(4)).toEqual({
      text: '1',
      color: BADGE_AMBER,
      textColor: '#000000',
      title: 'cartlint: 1 to check on this page',
    });
  });

  it('works where setBadgeTextColor does not exist, and shrugs off a tab that closed', async () => {
    const calls: string[] = [];
    const old: ActionApi = {
      setBadgeText: async ({ text }) => void calls.push(`text ${text}`),
      setBadgeBackgroundColor: async ({ color }) => void calls.push(`color ${color}`),
      setTitle: async () => {
        throw new Error('No tab with id: 4');
      },
    };
    await expect(showBadge(old, 4, badgeFor(many(1, 'banned'), false, 'en'))).resolves.toBeUndefined();
    expect(calls).toEqual([`color ${BADGE_RED}`, 'text 1']);
  });
});
