// Our own errors, in every part of the content script: noted for a developer at the console's debug level, never
// thrown into the host page.

/** A handler for an error of ours: `what` names the part that failed. */
export const logged =
  (what: string) =>
  (error: unknown): void =>
    console.debug(`cartlint: ${what} failed`, error);
