// Content script entry (bundled to a classic script). On pages that are not dashboards it returns at once.
import { startContent } from './controller';
import { createJudges } from './judges';
import { nativeRuntime } from './runtime';
import { logged } from './logged';

try {
  const runtime = nativeRuntime();
  if (runtime) startContent({ win: window, runtime, makeJudges: (context) => createJudges(context) });
} catch (error) {
  logged('start')(error); // the host page must never break
}
