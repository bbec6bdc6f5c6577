// The brokers pane: Enter opens the selected broker's configs (Esc, in the global controller,
// goes back to the table).
import type { Controller } from './context.js';

export const brokersController = {
  'broker.configs': ({ ui, models: { brokers } }) => {
    if (brokers.snapshot.configsOf !== undefined) return;
    ui.set({ overlayTop: 0 });
    void brokers.showConfigs();
  },
} satisfies Controller<'broker.configs'>;
