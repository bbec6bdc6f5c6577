// Which keymap contexts apply, most specific first, for a UI state.
import type { KeyContext } from './keymap.js';
import type { UiState } from './ui-state.js';

export function contextsOf(state: UiState): KeyContext[] {
  if (state.prompt) return ['input'];
  if (state.focus === 'producer') return ['producer', 'input'];
  if (state.overlay) return [state.overlay === 'detail' ? 'detail' : 'help', 'global'];
  return [state.focus, 'global'];
}
