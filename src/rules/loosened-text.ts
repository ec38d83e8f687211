// The words for a lifted ban (src/rules/loosened.ts), apart from the finder: the worker finds, the pages and the CLI
// word, so the worker's bundle carries none of the display names.
import { listOf, platformName, surfaceName } from '../core/names';
import type { Lang } from '../core/types';
import { t } from '../i18n';
import type { LoosenedBan } from './loosened';

/** The warning for a lifted ban, naming where the added rule came from (`label`: a file, "mine"…). */
export function loosenedBanText({ rule, ban, platform, surfaces }: LoosenedBan, label: string, lang: Lang): string {
  const surfaceNames = surfaces.map((surface) => surfaceName(lang, surface));
  return t(lang, 'rules_loosened_ban', label, rule, ban, platformName(lang, platform), listOf(lang, surfaceNames));
}
