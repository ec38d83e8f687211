// Single-page-app route changes, seen from the isolated world: the page's history.pushState calls are invisible to
// us, so compare location.href on the events that may move it (popstate, hashchange, the Navigation API where the
// browser has it) and on a cheap timer for everything else.
import { logged } from '../logged';

export function watchRoute(win: Window, onChange: (href: string) => void, signal: AbortSignal, pollMs = 250): void {
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href === last || signal.aborted) return;
    last = href;
    try {
      onChange(href);
    } catch (error) {
      logged('route')(error);
    }
  };
  win.addEventListener('popstate', check, { signal });
  win.addEventListener('hashchange', check, { signal });
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', check, { signal });
  const timer = win.setInterval(check, pollMs);
  signal.addEventListener('abort', () => win.clearInterval(timer), { once: true });
}
