// The whole screen: layout, focus, overlays and the input line. A key becomes a command
// through the keymap, and the command runs through the controllers' handler table.
import { Box, useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
import { HelpOverlay } from './components/help-overlay.js';
import { HintBar } from './components/hint-bar.js';
import { LineInput } from './components/line-input.js';
import { PaneTitle, Rows } from './components/rows.js';
import { StatusBar } from './components/status-bar.js';
import type { ControllerContext } from './controllers/context.js';
import { dispatch } from './controllers/index.js';
import { contextsOf } from './focus.js';
import { useStore } from './hooks/use-store.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { KEYMAP, keyName, resolveKey, type Binding, type Command } from './keymap.js';
import { layoutFor, type Layout } from './layout.js';
import type { Models } from './models.js';
import { ConsumerPane } from './panes/consumer.js';
import { DescribePane } from './panes/describe.js';
import { DetailView } from './panes/detail.js';
import { ProducerPane } from './panes/producer.js';
import { TopicsPane } from './panes/topics.js';
import { ColorContext } from './theme.js';
import { UiStore, type Overlay } from './ui-state.js';

export { createModels, disposeModels, type ModelOptions, type Models } from './models.js';
export { layoutFor, type Layout } from './layout.js';

export interface AppProps {
  models: Models;
  readOnly: boolean;
  color: boolean;
  initialTopic?: string;
  /** Size override for tests; the terminal's size otherwise. */
  size?: { columns: number; rows: number };
  /** The keymap with the user's remaps (config `keys`); the defaults otherwise. */
  keymap?: readonly Binding[];
  /** A message to show once at start, e.g. why the user's key remaps were refused. */
  notice?: string;
}

export function App({ models, readOnly, color, initialTopic, size, keymap = KEYMAP, notice }: AppProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const layout = layoutFor(size?.columns ?? terminal.columns, size?.rows ?? terminal.rows);
  const { topics, describe, consumer, producer } = models;
  const connection = useStore(models.connection);

  const [ui] = useState(
    () =>
      new UiStore({
        focus: initialTopic ? 'describe' : 'topics',
        returnFocus: 'topics',
        overlayTop: 0,
        describeTop: 0,
        flash: notice ? { text: notice, error: true } : undefined,
      }),
  );
  const { focus, overlay, overlayTop, describeTop, prompt, flash } = useStore(ui);

  useEffect(() => {
    void topics.refresh().then(() => {
      if (initialTopic) topics.selectName(initialTopic);
    });
    if (initialTopic) {
      void describe.show(initialTopic);
      producer.setTopic(initialTopic);
    }
  }, [topics, describe, producer, initialTopic]);

  // A list that failed while the cluster was away comes back with it.
  const connectionState = connection.status.state;
  useEffect(() => {
    if (connectionState === 'ready' && topics.snapshot.error) void topics.refresh();
  }, [connectionState, topics]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => ui.set({ flash: undefined }), 4000);
    return () => clearTimeout(timer);
  }, [flash, ui]);

  // Handlers run from key presses and read the stores' current snapshots, never values
  // captured at render time.
  const ctx: ControllerContext = {
    models,
    ui,
    layout,
    readOnly,
    keymap,
    say: (text, error = false) => ui.set({ flash: { text, error } }),
    exit,
  };
  const run = (command: Command) => dispatch(ctx, command);

  /** The line after a typed key, or undefined when the key does not edit text. */
  const editText = (name: string, input: string, text: string): string | undefined => {
    if (name === 'backspace') return text.slice(0, -1);
    // eslint-disable-next-line no-control-regex
    if (name.startsWith('ctrl+') || (name.length > 1 && !/^[^\u0000-\u001f]+$/.test(input))) return undefined;
    // Pasted newlines would end the line; keep the rest of the paste on it.
    // eslint-disable-next-line no-control-regex
    const printable = input.replace(/[\u0000-\u001f\u007f]/g, '');
    return printable ? text + printable : undefined;
  };

  const handleKey = (name: string, input: string) => {
    const state = ui.snapshot;
    const binding = resolveKey(name, contextsOf(state), keymap);
    if (binding) return run(binding.command);
    if (!state.prompt && state.focus !== 'producer') return;
    const current = state.prompt;
    const text = editText(name, input, current ? current.text : producer.snapshot.text);
    if (text !== undefined) {
      if (!current) return producer.setText(text);
      ui.set({ prompt: { ...current, text } });
      if (current.purpose === 'filter') topics.setFilter(text);
      if (current.purpose === 'search') consumer.setSearch(text);
      return;
    }
    // While typing, only the non-printing global keys (Tab, Ctrl-C) still act.
    const global = name.length > 1 ? resolveKey(name, ['global'], keymap) : undefined;
    if (global) run(global.command);
  };

  useInput((input, key) => {
    const chunk = !key.ctrl && !key.meta && input.length > 1 && !input.startsWith('\u001b');
    if (!chunk) return handleKey(keyName(input, key), input);
    // Several keys in one read: typed faster than the terminal is read, or pasted. Commands
    // take them one at a time (so `p` then text works), an input line takes a run of text at
    // once, and a carriage return is Enter.
    for (let at = 0; at < input.length; ) {
      const state = ui.snapshot;
      const char = input[at]!;
      if (char === '\r') {
        handleKey('enter', char);
        at++;
      } else if ((state.prompt || state.focus === 'producer') && char !== '\t' && char !== '\u007f') {
        const run = /^[^\r\t\u007f]+/.exec(input.slice(at))![0];
        handleKey(run, run);
        at += run.length;
      } else {
        handleKey(char === ' ' ? 'space' : char === '\t' ? 'tab' : char === '\u007f' ? 'backspace' : char, char);
        at++;
      }
    }
  });

  const contexts = contextsOf(ui.snapshot);
  const topicsFocused = focus === 'topics' && !overlay;
  return (
    <ColorContext.Provider value={color}>
      <Box flexDirection="column" width={layout.width} height={layout.height}>
        <StatusBar label={models.backend.label} connection={connection} readOnly={readOnly} width={layout.width} />
        {overlay ? (
          <OverlayView
            kind={overlay}
            keymap={keymap}
            models={models}
            layout={layout}
            top={overlayTop}
            brokers={connection.cluster?.brokers ?? []}
          />
        ) : (
          <Box flexDirection="column" height={layout.mainHeight}>
            <Box height={layout.topHeight}>
              <TopicsPane store={topics} height={layout.topHeight} width={layout.topicsWidth} focused={topicsFocused} />
              <Box width={1} />
              <DescribePane
                store={describe}
                height={layout.topHeight}
                width={layout.describeWidth}
                focused={focus === 'describe'}
                top={describeTop}
              />
            </Box>
            <ConsumerPane store={consumer} height={layout.bottomHeight} width={layout.width} focused={focus === 'consumer'} />
          </Box>
        )}
        <ProducerPane store={producer} width={layout.width} focused={focus === 'producer' && !prompt} readOnly={readOnly} />
        {prompt ? (
          <LineInput label={prompt.label} text={prompt.text} placeholder={prompt.placeholder} width={layout.width} active />
        ) : (
          <HintBar contexts={contexts} keymap={keymap} width={layout.width} flash={flash} />
        )}
      </Box>
    </ColorContext.Provider>
  );
}

function OverlayView({
  kind,
  keymap,
  models,
  layout,
  top,
  brokers,
}: {
  kind: Overlay;
  keymap: readonly Binding[];
  models: Models;
  layout: Layout;
  top: number;
  brokers: ReadonlyArray<{ nodeId: number; host: string; port: number }>;
}) {
  if (kind === 'help') return <HelpOverlay keymap={keymap} top={top} height={layout.mainHeight} width={layout.width} />;
  if (kind === 'detail') return <DetailView store={models.consumer} height={layout.mainHeight} width={layout.width} top={top} />;
  const rows = brokers.map((b) => ({ key: b.nodeId, text: `  ${String(b.nodeId).padStart(4)}  ${b.host}:${b.port}` }));
  return (
    <Box flexDirection="column" height={layout.mainHeight} width={layout.width}>
      <PaneTitle title="Brokers" focused width={layout.width} extra="Esc close" />
      <Rows rows={rows.length > 0 ? rows : [{ key: 0, text: '  not connected' }]} height={layout.mainHeight - 1} width={layout.width} />
    </Box>
  );
}
