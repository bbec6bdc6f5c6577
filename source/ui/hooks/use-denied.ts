// What the broker last denied us, for the status bar: a pane shows its own error, and the status
// bar says in one place that it was an authorization failure (the rest keeps working).
import { useCallback, useSyncExternalStore } from 'react';
import { NOT_AUTHORIZED } from '../../format/describe-text.js';
import type { Models } from '../models.js';

type Watched = Pick<Models, 'consumer' | 'producer' | 'describe'>;

/** The first denial among the panes' states, or undefined. Pure, so that it can be tested without Ink. */
export function deniedText({ consumer, producer, describe }: Watched): string | undefined {
  const errors = [consumer.snapshot.error, producer.snapshot.error, describe.snapshot.error];
  const denial = errors.find((error) => error?.includes(NOT_AUTHORIZED));
  if (denial) return denial;
  const { topic, description } = describe.snapshot;
  return description?.notAuthorized ? `${NOT_AUTHORIZED} to describe topic ${topic}` : undefined;
}

/** Re-renders only when the denial text changes, not on every store update. */
export function useDenied(models: Watched): string | undefined {
  const { consumer, producer, describe } = models;
  const subscribe = useCallback(
    (listener: () => void) => {
      const offs = [consumer.subscribe(listener), producer.subscribe(listener), describe.subscribe(listener)];
      return () => offs.forEach((off) => off());
    },
    [consumer, producer, describe],
  );
  return useSyncExternalStore(subscribe, () => deniedText({ consumer, producer, describe }));
}
