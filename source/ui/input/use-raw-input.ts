// The raw sequence behind the key useInput is about to report. Ink 6.8 names both Backspace
// (DEL, 0x7f) and Delete (ESC[3~) `delete` and empties their input, so only the raw bytes
// tell them apart. Ink's stdin event emitter carries them; this listener subscribes before
// useInput's (whose effect re-subscribes on every render), so it has run when useInput's runs.
import { useStdin } from 'ink';
import { useEffect, useRef } from 'react';

export function useRawInput(): { readonly current: string } {
  const { internal_eventEmitter: events } = useStdin();
  const last = useRef('');
  useEffect(() => {
    const remember = (raw: string) => {
      last.current = raw;
    };
    events.on('input', remember);
    return () => {
      events.off('input', remember);
    };
  }, [events]);
  return last;
}
