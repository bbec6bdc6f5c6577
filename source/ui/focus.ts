// Which keymap contexts apply, most specific first, for a UI state.
import type { KeyContext } from './keymap.js';
import type { UiState } from './ui-state.js';

export function contextsOf(state: UiState): KeyContext[] {
  if (state.prompt) return ['input'];
  if (isTyping(state)) return ['producer', 'input'];
  if (state.overlay) return [state.overlay, 'global'];
  return [state.focus === 'producer' ? 'producerPane' : state.focus, 'global'];
}

/** Keys are message text only in the producer's typing mode, entered on purpose (p, or Enter on the pane). */
export function isTyping(state: UiState): boolean {
  return state.focus === 'producer' && state.typing;
}
