// Store packages on fflate's ZIP writer and reader. Entries are sorted, stamped with one fixed date and given the
// same Unix mode, so the same files always make the same bytes — a store or a reviewer can compare two packages by hash.
import { deflateSync, unzipSync, zipSync, type Zippable } from 'fflate';

export interface ZipInput {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Uint8Array;
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  data: Uint8Array;
}

/**
 * 1980-01-01 00:00, the earliest MS-DOS date. fflate writes the stamp in the zone in force when it writes, so the
 * date is made then, in local time: every zone writes the same bytes.
 */
const stamp = () => new Date(1980, 0, 1, 0, 0, 0);
/** "Made by" Unix, with mode 0644 for regular files, so unzip restores ordinary file modes. */
const UNIX = 3;
const FILE_MODE = 0o100644;

function checkName(name: string): void {
  if (
    !name ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.split('/').some((part) => part === '..' || part === '')
  ) {
    throw new Error(`zip: bad entry name "${name}"`);
  }
}

export function writeZip(inputs: ZipInput[]): Buffer {
  const sorted = [...inputs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: Zippable = {};
  const mtime = stamp();
  for (const [i, { name, data }] of sorted.entries()) {
    checkName(name);
    if (i > 0 && sorted[i - 1]!.name === name) throw new Error(`zip: "${name}" twice`);
    // Stored when deflate would not help (PNG icons): smaller and just as valid.
    const level = deflateSync(data, { level: 9 }).length < data.length ? 9 : 0;
    files[name] = [data, { level, mtime, os: UNIX, attrs: FILE_MODE << 16 }];
  }
  return Buffer.from(zipSync(files));
}

/** Every entry in central-directory order, as a store or `unzip` reads it, with its bytes inflated. */
export function readZip(zip: Uint8Array): ZipEntry[] {
  const methods: { name: string; method: number }[] = [];
  const files = unzipSync(zip, {
    filter: (file) => {
      methods.push({ name: file.name, method: file.compression });
      return true;
    },
  });
  return methods.map(({ name, method }) => ({ name, method, data: files[name]! }));
}
