import { describe, expect, it } from 'vitest';
import { BADGE_AMBER, BADGE_RED, badgeFor, showBadge, type ActionApi } from './badge';
import { FakeAction } from '../../test/support/fake-browser';

const counts = (banned: number, review = 0, allowed = 0) => ({ banned, review, allowed });

describe('badgeFor', () => {
  it.each([
    ['banned count in red, whatever else', counts(2, 3), '2', BADGE_RED],
    ['review count in amber when nothing is banned', counts(0, 3, 1), '3', BADGE_AMBER],
    ['nothing when only allowed links', counts(0, 0, 4), '', null],
    ['nothing without findings', counts(0), '', null],
    ['99+ beyond two digits', counts(120), '99+', BADGE_RED],
    ['the whole count, not only the listed ones (a cart past MAX_LISTED)', counts(0, 8000), '99+', BADGE_AMBER],
  ])('%s', (_, tab, text, color) => {
    expect(badgeFor(tab, false, 'en')).toMatchObject({ text, color });
  });

  it('shows nothing on a paused site', () => {
    expect(badgeFor(counts(2), true, 'en')).toMatchObject({ text: '', color: null });
  });

  it('says in the title what the count means, not by colour alone', () => {
    expect(badgeFor(counts(2, 1), false, 'en').title).toBe('cartlint: 2 banned, 1 to check on this page');
    expect(badgeFor(counts(0, 1), false, 'zh').title).toBe('cartlint：本页 1 个待核实');
  });
});

describe('showBadge', () => {
  it('paints text, background, a readable text colour and the title', async () => {
    const action = new FakeAction();
    await showBadge(action, 4, badgeFor(counts(0, 1), false, 'en'));
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
    await expect(showBadge(old, 4, badgeFor(counts(1), false, 'en'))).resolves.toBeUndefined();
    expect(calls).toEqual([`color ${BADGE_RED}`, 'text 1']);
  });
});
