// The research corpus of real pastes (test/fixtures/link-corpus.jsonl, a copy of ../shared/research/), read once.
import { readFileSync } from 'node:fs';

/** One labelled paste: `source` and `alliance` say what the finding is; `none` means no finding at all. */
export interface CorpusLine {
  input: string;
  source: string;
  alliance: boolean | null;
  kind: string;
  note?: string;
}

export const CORPUS_LINES: readonly CorpusLine[] = readFileSync(
  new URL('../fixtures/link-corpus.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as CorpusLine);

/** Every pasted text of the corpus, in file order. */
export const CORPUS_INPUTS: readonly string[] = CORPUS_LINES.map((line) => line.input);
