// When the browser refuses the clipboard, the notice is shown selected so one Ctrl+C copies it.
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../ui/components/lang';

export function CopyFallback({ text }: { text: string }) {
  const tr = useT();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    box.current?.focus();
    box.current?.select();
  }, [text]);
  return (
    <div class="copy-fallback">
      <label for="copy-fallback-text">{tr('popup_copy_refused')}</label>
      <textarea id="copy-fallback-text" ref={box} readOnly rows={6} value={text} />
    </div>
  );
}
