// The whole screen: layout, focus and overlays. Keys are read by useKeyInput (input/), which
// turns them into commands through the keymap and the controllers' handler table, or into text.
import { Box, useApp, useStdin, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { HelpOverlay } from './components/help-overlay.js';
import { HintBar } from './components/hint-bar.js';
import { LineInput } from './components/line-input.js';
import { StatusBar } from './components/status-bar.js';
import { useDenied } from './hooks/use-denied.js';
import { isTooSmall, TooSmall } from './components/too-small.js';
import type { ControllerContext } from './controllers/context.js';
import { runOnTerminal } from './external.js';
import { contextsOf } from './focus.js';
import { useStore } from './hooks/use-store.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { KEYMAP, type Binding } from './keymap.js';
import { useKeyInput } from './input/use-key-input.js';
import { layoutFor, type Layout } from './layout.js';
import type { Models } from './models.js';
import { BrokersPane } from './panes/brokers.js';
import { TopicConfigsPane } from './panes/topic-configs.js';
import { ConsumerPane } from './panes/consumer.js';
import { DescribePane } from './panes/describe.js';
import { DetailView } from './panes/detail.js';
import { GroupPane } from './panes/group.js';
import { GroupsPane } from './panes/groups.js';
import { ProducerPane } from './panes/producer.js';
import { TopicsPane } from './panes/topics.js';
import { CLEAR_AND_HOME } from './screen.js';
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
  /** Where the clipboard's OSC 52 and the screen switches around a pager go (tests catch them); stdout otherwise. */
  writeTerminal?: (sequence: string) => void;
  env?: NodeJS.ProcessEnv;
}

export function App({ models, readOnly, color, initialTopic, size, keymap = KEYMAP, notice, writeTerminal, env = process.env }: AppProps) {
  const { exit } = useApp();
  const { stdout, write } = useStdout();
  const { stdin } = useStdin();
  const terminal = useTerminalSize();
  const columns = size?.columns ?? terminal.columns;
  const rows = size?.rows ?? terminal.rows;
  const layout = layoutFor(columns, rows);
  const { topics, describe, consumer, producer } = models;
  const connection = useStore(models.connection);
  const denied = useDenied(models);

  const [ui] = useState(
    () =>
      new UiStore({
        focus: initialTopic ? 'describe' : 'topics',
        returnFocus: 'topics',
        overlayTop: 0,
        describeTop: 0,
        groupTop: 0,
        typing: false,
        flash: notice ? { text: notice, error: true } : undefined,
      }),
  );
  const { focus, overlay, overlayTop, describeTop, groupTop, prompt, flash, typing } = useStore(ui);

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

  // The brokers table refreshes in the background while it is on screen, whatever closes it.
  useEffect(() => {
    if (overlay !== 'brokers') return;
    void models.brokers.open();
    return () => models.brokers.close();
  }, [overlay, models.brokers]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => ui.set({ flash: undefined }), 4000);
    return () => clearTimeout(timer);
  }, [flash, ui]);

  // Handlers run from key presses and read the stores' current snapshots, never values
  // captured at render time.
  const toTerminal = writeTerminal ?? ((sequence: string) => void stdout.write(sequence));
  const ctx: ControllerContext = {
    models,
    ui,
    layout,
    readOnly,
    keymap,
    say: (text, error = false) => ui.set({ flash: { text, error } }),
    writeTerminal: toTerminal,
    env,
    runOnTerminal: (command, file) =>
      runOnTerminal(
        {
          stdin,
          write: toTerminal,
          // Ink's own write clears its frame, writes ours, and draws the frame whole.
          redraw: () => write(CLEAR_AND_HOME),
        },
        command,
        file,
      ),
    exit,
  };
  useKeyInput(ctx);

  if (isTooSmall(columns, rows)) return <TooSmall columns={columns} rows={rows} />;
  const contexts = contextsOf(ui.snapshot);
  const topicsFocused = focus === 'topics' && !overlay;
  return (
    <ColorContext.Provider value={color}>
      <Box flexDirection="column" width={layout.width} height={layout.height}>
        <StatusBar
          label={models.backend.label}
          connection={connection}
          readOnly={readOnly}
          denied={denied}
          width={layout.width}
          topics={topics}
        />
        {overlay ? (
          <OverlayView kind={overlay} keymap={keymap} models={models} layout={layout} top={overlayTop} />
        ) : focus === 'groups' ? (
          <GroupsPane store={models.groups} height={layout.mainHeight} width={layout.width} focused />
        ) : focus === 'group' ? (
          <GroupPane store={models.group} height={layout.mainHeight} width={layout.width} top={groupTop} />
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
        <ProducerPane
          store={producer}
          width={layout.width}
          focused={focus === 'producer' && !prompt}
          typing={typing && !readOnly}
          readOnly={readOnly}
        />
        {prompt ? (
          <LineInput
            label={prompt.label}
            text={prompt.text}
            cursor={prompt.cursor}
            placeholder={prompt.placeholder}
            note={prompt.note}
            width={layout.width}
            active
          />
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
}: {
  kind: Overlay;
  keymap: readonly Binding[];
  models: Models;
  layout: Layout;
  top: number;
}) {
  if (kind === 'help') return <HelpOverlay keymap={keymap} top={top} height={layout.mainHeight} width={layout.width} />;
  if (kind === 'detail') return <DetailView store={models.consumer} height={layout.mainHeight} width={layout.width} top={top} />;
  if (kind === 'topicConfigs') return <TopicConfigsPane store={models.topicConfigs} height={layout.mainHeight} width={layout.width} />;
  return <BrokersPane store={models.brokers} height={layout.mainHeight} width={layout.width} top={top} />;
}
