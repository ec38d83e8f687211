// The rules cartlint ships with, as plain data: no schema runs over them when a bundle loads. They are checked
// once, before they ship, by the same schema as a user's or an admin's rule file (scripts/built-in-check.ts,
// run by its test and by `npm run build`). Only each file's `rules` is imported, so the files' `comment` notes
// for maintainers are left out of every bundle by tree-shaking.
import type { Rule } from '../core/types';
import { rules as douyin } from './douyin.json';
import { rules as kuaishou } from './kuaishou.json';
import { rules as taobaoLive } from './taobao-live.json';
import { rules as weixin } from './weixin.json';
import { rules as xiaohongshu } from './xiaohongshu.json';

/** File by file, in the order the rules are listed (the checker names the file in its errors). */
export const BUILT_IN_FILES = [
  'kuaishou.json',
  'douyin.json',
  'xiaohongshu.json',
  'weixin.json',
  'taobao-live.json',
] as const;

// JSON imports are typed with plain strings, not the Rule vocabulary; the check proves the data is Rule[].
export const BUILT_IN_RULES: Rule[] = [kuaishou, douyin, xiaohongshu, weixin, taobaoLive].flat() as unknown as Rule[];
