// What cartlint watches on the tab: the platform and dashboard page it took it for, how many fields and rows it
// reads (plainly none, when none), the surface and who said so (correctable), and when the verdicts were judged.
import { beijingDateTime } from '../core/beijing-time';
import { platformName, surfaceName } from '../core/names';
import { SURFACES, type Platform, type SurfaceOrUnknown } from '../core/types';
import type { PageInfo } from '../protocol';
import { useLang, useT } from '../ui/components/lang';

interface Props {
  page: PageInfo & { platform: Platform };
  at: string | null;
  onSurface(surface: SurfaceOrUnknown): void;
}

const SURFACE_CHOICES: readonly SurfaceOrUnknown[] = ['unknown', ...SURFACES];
const FROM_KEYS = {
  adapter: 'popup_surface_from_adapter',
  user: 'popup_surface_from_user',
  unknown: 'popup_surface_from_unknown',
} as const;

export function PageHeader({ page, at, onSurface }: Props) {
  const lang = useLang();
  const tr = useT();
  return (
    <section class="page-header" aria-label={tr('popup_page_label')}>
      <p class="page-platform">
        <strong>{platformName(lang, page.platform)}</strong>
        <span class="muted"> · {new URL(page.url).hostname}</span>
        {page.adapter && <span class="page-adapter muted"> · {tr('popup_watch_adapter', page.adapter)}</span>}
      </p>
      {page.reads && page.reads.fields + page.reads.rows > 0 && (
        <p class="page-reads muted">{tr('popup_reads', page.reads.fields, page.reads.rows)}</p>
      )}
      <p class="page-surface">
        <label for="surface">{tr('popup_surface_label')}</label>{' '}
        <select
          id="surface"
          value={page.surface}
          aria-describedby="surface-from"
          onChange={(e) => onSurface(e.currentTarget.value as SurfaceOrUnknown)}
        >
          {SURFACE_CHOICES.map((s) => (
            <option key={s} value={s}>
              {s === 'unknown' ? tr('popup_surface_unknown_choice') : surfaceName(lang, s)}
            </option>
          ))}
        </select>
        <span id="surface-from" class="muted">
          {' '}
          {tr(FROM_KEYS[page.surfaceFrom])}
        </span>
      </p>
      {at && <p class="page-at muted">{tr('popup_judged_at', beijingDateTime(at))}</p>}
    </section>
  );
}
