// Copying must happen inside the click: browsers grant the clipboard only during the user's gesture, so the text
// is built before the click and writeText is called synchronously from the handler (no await before it).
import { useEffect, useState } from 'preact/hooks';
import type { PopupEnv } from './env';

export type CopyState =
  | { kind: 'idle' }
  /** `what` names the button that copied, so only that one says "Copied". */
  | { kind: 'copied'; what: string }
  | { kind: 'refused'; text: string };

const CONFIRMATION_MS = 2500;

export function useCopy(clipboard: PopupEnv['clipboard']): [CopyState, (what: string, text: string) => void] {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = (what: string, text: string) => {
    let written: Promise<void>;
    try {
      written = clipboard.writeText(text);
    } catch (error) {
      written = Promise.reject(error);
    }
    written.then(
      () => setState({ kind: 'copied', what }),
      () => setState({ kind: 'refused', text }),
    );
  };
  return [state, copy];
}
