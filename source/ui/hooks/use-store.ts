import { useCallback, useSyncExternalStore } from 'react';
import type { MessageBuffer } from '../../model/message-buffer.js';
import type { Store } from '../../model/store.js';

export function useStore<S extends object>(store: Store<S>): S {
  return useSyncExternalStore(store.subscribe, () => store.snapshot);
}

/** Re-renders at the buffer's notification rate (≤ 20 Hz), never per record. */
export function useBufferVersion(buffer: MessageBuffer<unknown>): number {
  const subscribe = useCallback((listener: () => void) => buffer.subscribe(listener), [buffer]);
  return useSyncExternalStore(subscribe, () => buffer.version);
}
