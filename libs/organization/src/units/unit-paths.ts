import { isWithin } from '@linli/platform';

/** `path` with its `oldRoot` prefix replaced by `newRoot` (what a subtree move does to every path inside). The other path helpers are the kernel's (`pathPrefixes`, `isWithin`, …). */
export function rebasePath(path: string, oldRoot: string, newRoot: string): string {
  if (!isWithin(path, oldRoot)) throw new Error(`${path} is not within ${oldRoot}`);
  return newRoot + path.slice(oldRoot.length);
}
