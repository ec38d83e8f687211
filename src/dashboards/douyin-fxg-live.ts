// 抖店 直播中控: the 巨量百应 console embedded in the merchant back office, same markup.
// Test URL: https://fxg.jinritemai.com/ffa/buyin/dashboard/live/control
import { BUYIN_LIVE_CONSOLE } from './douyin-buyin-live';
import { defineAdapter } from './define';

export default defineAdapter({
  id: 'douyin-fxg-live',
  host: 'fxg.jinritemai.com',
  paths: ['/ffa/buyin/dashboard/live/'],
  ...BUYIN_LIVE_CONSOLE,
});
