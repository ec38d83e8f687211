// `npx tsx scripts/readme-shots.ts` (after `npm run build`, under the browser lock): the README's popup and picker
// screenshots in docs/, from Chromium with the built extension — the popup of a 2,000-row Kuaishou live cart with
// 200 banned links, and the element picker on a dashboard page no adapter knows. No network: fixture pages only.
import { join } from 'node:path';
import { createFixtureRouter, launch, loadFixturePages, openReadyPopup } from '../test/e2e/harness/index';
import { REPO_ROOT } from '../test/e2e/harness/paths';

const LIVE = 'https://zs.kwaixiaodian.com/page/helper';
const POOL = {
  file: 'goods-pool.html',
  url: 'https://zs.kwaixiaodian.com/page/goods-pool',
  html: `<!doctype html><meta charset="utf-8"><title>选品池</title><body style="font:14px system-ui;padding:90px 24px">
<h2>选品池</h2><label>商品链接 <textarea name="goodsNote" rows="3" cols="60"></textarea></label>
<div class="poolList--Ab3Cd" style="margin-top:16px"><div class="poolRow--Zq9Xw">三只松鼠 夹心乳酪手撕面包 500g</div>
<div class="poolRow--Zq9Xw">店铺自营 红枣夹核桃 1kg</div></div></body>`,
};

async function main(): Promise<void> {
  const session = await launch('chromium', {
    router: createFixtureRouter({ pages: [...loadFixturePages(), POOL] }),
    viewport: { width: 900, height: 640 },
  });
  try {
    const page = await session.openDashboard(LIVE);
    await page.waitForSelector('[data-fixture-rows]');
    await page.evaluate(() => {
      const list = document.querySelector('[data-fixture-rows]')!;
      const template = document.getElementById('row') as HTMLTemplateElement;
      for (let n = 0; n < 2000; n++) {
        const node = template.content.cloneNode(true) as DocumentFragment;
        const banned = n % 10 === 3 && n < 1980;
        const jd = n === 1990 || n === 1995;
        node.querySelector('[data-slot="title"]')!.textContent = banned ? `联盟商品 ${n}` : `店铺商品 ${n}`;
        node.querySelector('[data-slot="badge"]')!.remove();
        node
          .querySelector('[data-slot="link"]')!
          .setAttribute(
            'href',
            banned
              ? `https://s.click.taobao.com/t?e=m%3D2%26s%3Dabc&pid=mm_123_456_789&n=${n}`
              : jd
                ? `https://item.jd.com/${100000000 + n}.html`
                : `https://app.kwaixiaodian.com/merchant/shop/detail?id=${2000000 + n}`,
          );
        list.append(node);
      }
    });
    const tabId = await session.tabIdOf(page);
    await session.waitForTabState(
      tabId,
      (s) => s.findings.filter((f) => f.decision.verdict === 'banned').length === 200,
    );
    const popup = await openReadyPopup(session, tabId);
    await popup.evaluate(() => document.querySelector('.group details')?.setAttribute('open', ''));
    await popup.screenshot(join(REPO_ROOT, 'docs', 'screenshot-popup.png'), 'body');
    await popup.close();

    const pool = await session.openDashboard(POOL.url);
    await pool.waitForSelector('textarea');
    const poolTab = await session.tabIdOf(pool);
    await session.request({ type: 'picker/start', tabId: poolTab });
    await pool.waitFor(
      () =>
        Array.from(document.querySelectorAll('cartlint-ui')).some((h) => h.shadowRoot?.querySelector('.picker-panel')),
      undefined,
      { what: 'the picker' },
    );
    await pool.click('.poolList--Ab3Cd');
    await pool.click('.poolRow--Zq9Xw');
    await pool.screenshot(join(REPO_ROOT, 'docs', 'screenshot-picker.png'));
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
