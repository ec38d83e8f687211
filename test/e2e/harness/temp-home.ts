// Browsers write into $HOME (crash reports, NSS db, dconf, mozilla caches). Each launch gets its own temporary
// HOME and profile, removed on close, so runs never touch the user's files or each other.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDirs {
  home: string;
  profile: string;
  env: Record<string, string>;
  remove(): void;
}

export function makeTempDirs(prefix: string): TempDirs {
  const root = mkdtempSync(join(tmpdir(), `cartlint-${prefix}-`));
  const home = join(root, 'home');
  const profile = join(root, 'profile');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('XDG_')) env[key] = value;
  }
  env.HOME = home;
  return {
    home,
    profile,
    env,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
