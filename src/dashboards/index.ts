// Every dashboard adapter. A meta-test checks each file in this folder is listed here and has a fixture page,
// and that the manifest's content_scripts.matches equal DASHBOARD_MATCHES.
import type { Adapter } from './define';
import { matchingPath } from './define';
import douyinBuyinLive from './douyin-buyin-live';
import douyinBuyinPendingGoods from './douyin-buyin-pending-goods';
import douyinCreatorPublish from './douyin-creator-publish';
import douyinFxgLive from './douyin-fxg-live';
import kuaishouCpPublish from './kuaishou-cp-publish';
import kuaishouCpsPromoter from './kuaishou-cps-promoter';
import kuaishouLiveHelper from './kuaishou-live-helper';
import kuaishouMerchantGoods from './kuaishou-merchant-goods';
import weixinChannelsLive from './weixin-channels-live';
import weixinChannelsPost from './weixin-channels-post';
import weixinStoreTalent from './weixin-store-talent';
import xiaohongshuArkLive from './xiaohongshu-ark-live';
import xiaohongshuArkNote from './xiaohongshu-ark-note';
import xiaohongshuCreatorPublish from './xiaohongshu-creator-publish';

export type { Adapter } from './define';

export const ADAPTERS: readonly Adapter[] = [
  douyinBuyinLive,
  douyinBuyinPendingGoods,
  douyinFxgLive,
  douyinCreatorPublish,
  kuaishouLiveHelper,
  kuaishouCpsPromoter,
  kuaishouMerchantGoods,
  kuaishouCpPublish,
  xiaohongshuArkNote,
  xiaohongshuCreatorPublish,
  xiaohongshuArkLive,
  weixinChannelsLive,
  weixinChannelsPost,
  weixinStoreTalent,
];

/** The manifest's content_scripts.matches and host_permissions: whole hosts, because SPA routes change paths in place. */
export const DASHBOARD_MATCHES: readonly string[] = /* @__PURE__ */ dashboardMatches();

function dashboardMatches(): string[] {
  return [...new Set(ADAPTERS.map((a) => `https://${a.host}/*`))];
}

export interface AdapterMatch {
  adapter: Adapter;
  /** Key under which the operator's surface choice is remembered (PageInfo.pattern). */
  pattern: string;
}

/** The adapter claiming a page, or null: the content script then stays idle. */
export function adapterFor(url: string | URL, adapters: readonly Adapter[] = ADAPTERS): AdapterMatch | null {
  const { protocol, host, pathname } = typeof url === 'string' ? new URL(url) : url;
  if (protocol !== 'https:') return null;
  for (const adapter of adapters) {
    if (adapter.host !== host) continue;
    const path = matchingPath(adapter, pathname);
    if (path !== null) return { adapter, pattern: `${adapter.id} ${path}` };
  }
  return null;
}
