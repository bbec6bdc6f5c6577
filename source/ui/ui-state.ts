// Focus, overlays and the input line. Kept in a store rather than React state because key
// handlers must see the effect of the previous key at once: typed and pasted keys can
// arrive faster than React re-renders.
import { Store } from '../model/store.js';
import type { Flash } from './components/hint-bar.js';

/** groups and group (one opened group) take the place of topics, describe and consumer on screen. */
export type Pane = 'topics' | 'describe' | 'consumer' | 'producer' | 'groups' | 'group';
export type Overlay = 'help' | 'detail' | 'brokers' | 'brokerConfigs' | 'topicConfigs';
export type PromptPurpose =
  | 'filter'
  | 'search'
  | 'command'
  | 'create'
  | 'alter'
  | 'delete'
  | 'consumeOptions'
  | 'find'
  | 'groupFilter'
  | 'resetPlan'
  | 'resetConfirm'
  | 'groupDelete'
  | 'offsetsTopic'
  | 'offsetsConfirm'
  | 'configValue'
  | 'savePath'
  | 'configConfirm';

export interface Prompt {
  purpose: PromptPurpose;
  label: string;
  /** Shown greyed while nothing is typed. */
  placeholder?: string;
  text: string;
  /** The line editor's cursor; undefined means at the end. */
  cursor?: number;
  topic?: string;
  /** The consumer group the prompt acts on. */
  group?: string;
  /** Said after the text, e.g. that a paste kept only its first line. */
  note?: string;
}

export interface UiState {
  focus: Pane;
  /** Where Esc in the producer input returns to. */
  returnFocus: Pane;
  /** Keys are message text only in this mode, entered on purpose (p, or Enter on the pane). */
  typing: boolean;
  overlay?: Overlay;
  overlayTop: number;
  describeTop: number;
  /** The opened group's first visible line. */
  groupTop: number;
  prompt?: Prompt;
  flash?: Flash;
}

export class UiStore extends Store<UiState> {
  set(patch: Partial<UiState>): void {
    this.update(patch);
  }
}
