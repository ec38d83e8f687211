// Deterministic bench inputs: what operators paste (corpus lines, varied), what pages show (titles, prices,
// chat), and a dashboard page text. Same seed → same inputs, so runs compare.
import { CORPUS_INPUTS } from '../test/support/corpus';

/** mulberry32: a small seeded PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = [
  '2024秋冬新款加厚保暖羊羔绒外套女宽松百搭',
  '三只松鼠每日坚果礼盒750g混合果仁零食',
  '小米充电宝20000毫安大容量快充移动电源',
  '儿童保温杯带吸管316不锈钢防摔水杯',
  '云南高山普洱茶熟茶饼357g七子饼茶',
  '懒人沙发豆袋可躺可睡单人小户型卧室',
  'Apple AirPods Pro 2 主动降噪无线耳机',
  '东北大米5kg新米粳米长粒香',
];
const CHAT = [
  '今晚八点直播，福利多多，记得来！',
  '家人们这个链接已经上车了',
  '库存还有多少？麻烦看一下',
  '好的收到，马上改价。',
  'OK, will update the cart after the show',
  '运费险已开通，七天无理由退换',
  '这款面膜很好用。推荐给大家！',
  '下单备注颜色，默认随机发货',
];
const PRICES = [
  '￥199',
  '¥42.30',
  '到手价 ￥59.9',
  '原价￥299 现价￥199',
  '5.19亓',
  '€9.99',
  '券后 ¥ 8.9',
  '限时秒杀 ￥1.00',
];

/** A corpus line with its surroundings and digits varied, so the mix is not 270 strings repeated. */
function varied(line: string, rand: () => number): string {
  const roll = rand();
  const digit = String(Math.floor(rand() * 10));
  const body = rand() < 0.5 ? line.replace(/\d(?=\d{3}\b)/, digit) : line;
  if (roll < 0.3) return `${CHAT[Math.floor(rand() * CHAT.length)]} ${body}`;
  if (roll < 0.45) return `${TITLES[Math.floor(rand() * TITLES.length)]}${body}`;
  return body;
}

/** The realistic mix: 40% link inputs, 35% plain text (titles, chat), 25% prices. */
export function mixedInputs(count: number, seed = 1): string[] {
  const corpus = CORPUS_INPUTS;
  const rand = random(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rand();
    if (roll < 0.4) out.push(varied(corpus[Math.floor(rand() * corpus.length)]!, rand));
    else if (roll < 0.575) out.push(TITLES[Math.floor(rand() * TITLES.length)]!);
    else if (roll < 0.75) out.push(CHAT[Math.floor(rand() * CHAT.length)]!);
    else out.push(PRICES[Math.floor(rand() * PRICES.length)]!);
  }
  return out;
}

/**
 * A dashboard page's text of about `bytes` UTF-16 units: goods rows (title, price, stock, sales) with a product
 * link in every `linkEvery`-th row, as the content script reads it from a goods list.
 */
export function pageText(bytes: number, linkEvery: number, seed = 2): string {
  const corpus = CORPUS_INPUTS;
  const rand = random(seed);
  const rows: string[] = [];
  let length = 0;
  for (let row = 0; length < bytes; row++) {
    const title = TITLES[Math.floor(rand() * TITLES.length)]!;
    const price = PRICES[Math.floor(rand() * PRICES.length)]!;
    const link = row % linkEvery === 0 ? ` ${corpus[Math.floor(rand() * corpus.length)]!}` : '';
    const line = `${row + 1}\t${title}\t${price}\t库存 ${Math.floor(rand() * 900)}\t已售 ${(rand() * 9).toFixed(1)}万${link}\n`;
    rows.push(line);
    length += line.length;
  }
  return rows.join('').slice(0, bytes);
}
