// The yardstick for `npm run bench`'s command-line figures: what a person would write in five minutes to find
// the URLs in a product list, one JSON line per input line (as `cartlint classify` prints).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const URL_RE = /https?:\/\/[^\s"'<>()（）【】，。]+/g;
const input = process.argv[2] ? createReadStream(process.argv[2]) : process.stdin;
const lines = createInterface({ input, crlfDelay: Infinity });
for await (const line of lines) {
  const links = [];
  for (const match of line.matchAll(URL_RE)) {
    let host;
    try {
      host = new URL(match[0]).hostname;
    } catch {
      continue;
    }
    links.push({ text: match[0], start: match.index, end: match.index + match[0].length, host });
  }
  if (!process.stdout.write(`${JSON.stringify({ input: line, links })}\n`)) {
    await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}
