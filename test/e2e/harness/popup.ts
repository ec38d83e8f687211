// The popup opened for one tab (`popup.html?tab=ID`), waited on until it has rendered that tab rather than
// its loading line. Shared by the end-to-end tests and the demo's screenshots.
import type { TestPage } from './page';
import type { ExtensionSession } from './session';

export async function popupReady(popup: TestPage): Promise<void> {
  await popup.waitFor(
    () => !document.querySelector('.loading') && document.querySelector('.page-header, .empty') !== null,
    undefined,
    {
      what: 'the popup to render its tab',
    },
  );
}

export async function openReadyPopup(session: ExtensionSession, tabId: number): Promise<TestPage> {
  const popup = await session.openPopup(tabId);
  await popupReady(popup);
  return popup;
}
