// The brokers pane: Enter opens the selected broker's configs, a view of its own (Esc, in the
// global controller, goes back to the table).
import type { Controller } from './context.js';

export const brokersController = {
  'broker.configs': ({ ui, models: { brokers } }) => {
    if (brokers.selectedBroker === undefined) return;
    ui.set({ overlay: 'brokerConfigs', overlayTop: 0 });
    void brokers.showConfigs();
  },
} satisfies Controller<'broker.configs'>;
