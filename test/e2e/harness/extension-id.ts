// Chromium names an unpacked extension after its folder: sha256 of the absolute path, the first 32 hex digits
// written with the letters a–p instead of 0–f. Knowing the id before launch lets a test write a managed
// policy for it (policies are read at startup).
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';

export function chromiumExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}
