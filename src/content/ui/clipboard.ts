// Copying a notice from the page: the async clipboard first; where the page's permissions policy or an old engine
// refuses it, a textarea in our shadow root, selected, with execCommand('copy'); where that fails too, the text
// stays selected in view so the operator can press Ctrl+C.
export type CopyResult = 'copied' | 'selected';

export async function copyText(text: string, into: HTMLElement): Promise<CopyResult> {
  const doc = into.ownerDocument;
  try {
    await doc.defaultView!.navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    // fall through to the selection route
  }
  const area = doc.createElement('textarea');
  area.className = 'copy-area';
  area.readOnly = true;
  area.value = text;
  into.append(area);
  area.focus();
  area.select();
  let copied = false;
  try {
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  }
  if (copied) area.remove();
  return copied ? 'copied' : 'selected';
}
