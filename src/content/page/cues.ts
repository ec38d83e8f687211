// Page cues for adapters: short labels (tabs, modal titles, dropdown options) and marker elements, in every root.
import type { PageCues } from '../../dashboards/define';
import type { Root } from './roots';

/** Where dashboards write the labels that tell a surface: tabs, options, headings, buttons first (few elements, and
 *  cheap to match), then elements by class-name fragment, which a long goods list matches on every row title. */
const LABEL_SELECTORS = [
  ['[role="tab"]', '[role="option"]', 'h1', 'h2', 'h3', 'h4', 'label', 'button', 'legend'].join(','),
  // "tab" alone would also match every table row.
  ['[class*="tabs"]', '[class*="tab-"]', '[class*="Tab"]', '[class*="title"]', '[class*="modal-header"]'].join(','),
];

/** A label is short; longer texts are sentences that merely mention the word. */
const MAX_LABEL_LENGTH = 12;

export function pageCues(roots: readonly Root[], path: string): PageCues {
  return {
    path,
    has: (selector) => roots.some((root) => root.querySelector(selector) !== null),
    says: (labels) =>
      LABEL_SELECTORS.some((selector) =>
        roots.some((root) =>
          Array.from(root.querySelectorAll(selector)).some((el) => {
            const text = (el.textContent ?? '').replace(/\s+/g, '');
            return text.length <= MAX_LABEL_LENGTH && labels.some((label) => text.startsWith(label));
          }),
        ),
      ),
  };
}
