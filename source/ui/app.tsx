// The whole screen: layout, focus, overlays, the input line, and the one place where
// keys become commands (through the keymap).
import { Box, useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
import { errorMessage } from '../kafka/errors.js';
import type { Backend, HistoryStore } from '../model/backend.js';
import { ConnectionStore } from '../model/connection-store.js';
import { parseConsumeOptions, CONSUME_OPTIONS_HELP } from '../model/consume-options.js';
import { ConsumerStore, DEFAULT_BUFFER_SIZE } from '../model/consumer-store.js';
import { DescribeStore } from '../model/describe-store.js';
import { ProducerStore } from '../model/producer-store.js';
import { TopicsStore } from '../model/topics-store.js';
import { COMMAND_LINE_HELP, parseCommandLine } from './command-line.js';
import { HelpOverlay, helpLines } from './components/help-overlay.js';
import { HintBar } from './components/hint-bar.js';
import { LineInput } from './components/line-input.js';
import { PaneTitle, Rows } from './components/rows.js';
import { StatusBar } from './components/status-bar.js';
import { isTooSmall, TooSmall } from './components/too-small.js';
import { useStore } from './hooks/use-store.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { keyName, resolveKey, type Command, type KeyContext } from './keymap.js';
import { ConsumerPane } from './panes/consumer.js';
import { DescribePane } from './panes/describe.js';
import { DetailView, detailRowCount } from './panes/detail.js';
import { ProducerPane } from './panes/producer.js';
import { TopicsPane } from './panes/topics.js';
import { searchText } from './record-text.js';
import { ColorContext } from './theme.js';
import { UiStore, type Overlay, type Pane, type Prompt, type PromptPurpose } from './ui-state.js';

export interface Models {
  backend: Backend;
  connection: ConnectionStore;
  topics: TopicsStore;
  describe: DescribeStore;
  consumer: ConsumerStore;
  producer: ProducerStore;
}

export interface ModelOptions {
  bufferSize?: number;
  keySeparator?: string;
  /** 0 turns the periodic refreshes off (tests). */
  describeRefreshMs?: number;
  connectionCheckMs?: number;
  notifyHz?: number;
}

export function createModels(backend: Backend, history: HistoryStore, options: ModelOptions = {}): Models {
  return {
    backend,
    connection: new ConnectionStore(backend, options.connectionCheckMs),
    topics: new TopicsStore(backend),
    describe: new DescribeStore(backend, options.describeRefreshMs),
    consumer: new ConsumerStore(backend, options.bufferSize ?? DEFAULT_BUFFER_SIZE, searchText, options.notifyHz),
    producer: new ProducerStore(backend, history, options.keySeparator),
  };
}

export async function disposeModels(models: Models): Promise<void> {
  models.connection.dispose();
  models.describe.dispose();
  await models.consumer.dispose();
}

export interface AppProps {
  models: Models;
  readOnly: boolean;
  color: boolean;
  initialTopic?: string;
  /** Size override for tests; the terminal's size otherwise. */
  size?: { columns: number; rows: number };
}

const PANES: readonly Pane[] = ['topics', 'describe', 'consumer', 'producer'];

export interface Layout {
  width: number;
  /** Below the terminal height: a full-height frame makes some terminals scroll (ghost lines). */
  height: number;
  mainHeight: number;
  topHeight: number;
  bottomHeight: number;
  topicsWidth: number;
  describeWidth: number;
}

export function layoutFor(columns: number, rows: number): Layout {
  const width = Math.max(40, columns);
  const height = Math.max(12, rows - 1);
  const mainHeight = height - 4; // status, producer (2), hints
  const topHeight = Math.max(5, Math.floor(mainHeight * 0.45));
  const topicsWidth = Math.max(32, Math.min(60, Math.floor(width * 0.4)));
  return {
    width,
    height,
    mainHeight,
    topHeight,
    bottomHeight: mainHeight - topHeight,
    topicsWidth,
    describeWidth: width - topicsWidth - 1,
  };
}

const READ_ONLY: Partial<Record<Command, string>> = {
  'topic.create': 'creating topics',
  'topic.alterPartitions': 'altering partitions',
  'topic.delete': 'deleting topics',
  'produce.focus': 'producing',
};

export function App({ models, readOnly, color, initialTopic, size }: AppProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const columns = size?.columns ?? terminal.columns;
  const rows = size?.rows ?? terminal.rows;
  const layout = layoutFor(columns, rows);
  const { topics, describe, consumer, producer } = models;
  const connection = useStore(models.connection);

  const [ui] = useState(
    () =>
      new UiStore({ focus: initialTopic ? 'describe' : 'topics', returnFocus: 'topics', overlayTop: 0, describeTop: 0 }),
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
  }, []);

  // A list that failed while the cluster was away comes back with it.
  const connectionState = connection.status.state;
  useEffect(() => {
    if (connectionState === 'ready' && topics.snapshot.error) void topics.refresh();
  }, [connectionState]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => ui.set({ flash: undefined }), 4000);
    return () => clearTimeout(timer);
  }, [flash]);

  // Everything below runs from key handlers and reads the stores' current snapshots,
  // never values captured at render time.
  const say = (text: string, error = false) => ui.set({ flash: { text, error } });
  const fail = (error: unknown) => say(errorMessage(error), true);

  /** The topic an action applies to: the selection in the list, else the one on screen. */
  const currentTopic = (): string | undefined =>
    ui.snapshot.focus === 'topics'
      ? topics.selectedTopic?.name
      : (describe.snapshot.topic ?? consumer.snapshot.request?.topic ?? topics.selectedTopic?.name);

  const showDescribe = (topic: string) => {
    ui.set({ focus: 'describe', describeTop: 0, overlay: undefined });
    void describe.show(topic);
  };

  const startConsumer = (topic: string, text = '') => {
    const options = parseConsumeOptions(text);
    ui.set({ focus: 'consumer', overlay: undefined });
    void consumer.start({ topic, ...options }).catch(fail);
  };

  const focusProducer = (topic: string) => {
    producer.setTopic(topic);
    const current = ui.snapshot.focus;
    ui.set({ focus: 'producer', returnFocus: current === 'producer' ? ui.snapshot.returnFocus : current });
  };

  const contextsOf = (state = ui.snapshot): KeyContext[] =>
    state.prompt
      ? ['input']
      : state.focus === 'producer'
        ? ['producer', 'input']
        : state.overlay
          ? [state.overlay === 'detail' ? 'detail' : 'help', 'global']
          : [state.focus, 'global'];

  const moveCursor = (delta: number | 'top' | 'bottom') => {
    const context = contextsOf()[0];
    const by = (n: number) => (delta === 'top' ? -Infinity : delta === 'bottom' ? Infinity : n);
    const clamp = (value: number, count: number) => Math.max(0, Math.min(count - 1, value));
    if (context === 'help' || context === 'detail') {
      const total = context === 'help' ? helpLines().length : detailRowCount(consumer, layout.width);
      ui.set({ overlayTop: clamp(ui.snapshot.overlayTop + by(delta as number), total) });
    } else if (context === 'topics') {
      const { visible, selected } = topics.snapshot;
      topics.select(delta === 'top' ? 0 : delta === 'bottom' ? visible.length - 1 : selected + delta);
    } else if (context === 'describe') {
      const count = describe.snapshot.description?.partitions.length ?? 0;
      ui.set({ describeTop: clamp(ui.snapshot.describeTop + by(delta as number), count) });
    } else if (context === 'consumer') {
      if (delta === 'top') consumer.moveToTop();
      else if (delta === 'bottom') consumer.moveToBottom();
      else consumer.move(delta);
    }
  };

  const pageSize = (): number => {
    const context = contextsOf()[0];
    if (context === 'topics') return layout.topHeight - 2;
    if (context === 'consumer') return layout.bottomHeight - 2;
    if (context === 'describe') return layout.topHeight - 3;
    return layout.mainHeight - 1;
  };

  const openPrompt = (purpose: PromptPurpose, label: string, text = '', topic?: string, placeholder?: string) =>
    ui.set({ prompt: { purpose, label, text, topic, placeholder } });

  const run = (command: Command) => {
    if (readOnly && READ_ONLY[command]) {
      say(`read-only: ${READ_ONLY[command]} is disabled (--read-only or the profile's readOnly)`, true);
      return;
    }
    const state = ui.snapshot;
    const topic = currentTopic();
    const needTopic = (then: (t: string) => void) => (topic ? then(topic) : say('select a topic first', true));
    switch (command) {
      case 'app.help':
        ui.set({ overlay: 'help', overlayTop: 0 });
        return;
      case 'app.quit':
        exit();
        return;
      case 'app.commandLine':
        openPrompt('command', ':', '', undefined, COMMAND_LINE_HELP);
        return;
      case 'app.back':
        if (state.overlay === 'detail') consumer.closeDetail();
        if (state.overlay) ui.set({ overlay: undefined });
        else if (state.focus === 'topics' && topics.snapshot.filter) topics.setFilter('');
        else if (state.focus === 'consumer' && consumer.snapshot.search) consumer.setSearch('');
        else ui.set({ focus: 'topics' });
        return;
      case 'focus.next':
      case 'focus.previous': {
        const panes = readOnly ? PANES.filter((p) => p !== 'producer') : PANES;
        const step = command === 'focus.next' ? 1 : panes.length - 1;
        const next = panes[(panes.indexOf(state.focus) + step) % panes.length]!;
        ui.set({ overlay: undefined });
        if (next === 'producer') needTopic(focusProducer);
        else ui.set({ focus: next });
        return;
      }
      case 'cursor.up':
        return moveCursor(-1);
      case 'cursor.down':
        return moveCursor(1);
      case 'cursor.top':
        return moveCursor('top');
      case 'cursor.bottom':
        return moveCursor('bottom');
      case 'cursor.pageUp':
        return moveCursor(-pageSize());
      case 'cursor.pageDown':
        return moveCursor(pageSize());
      case 'list.filter':
        if (state.focus === 'consumer') openPrompt('search', 'search: ', consumer.snapshot.search);
        else openPrompt('filter', 'filter: ', topics.snapshot.filter);
        return;
      case 'topic.open':
      case 'topic.describe':
        return needTopic(showDescribe);
      case 'topic.toggleInternal':
        topics.toggleInternal();
        return;
      case 'topic.create':
        openPrompt('create', 'new topic: ', '', undefined, 'name [partitions] [replication factor]');
        return;
      case 'topic.alterPartitions':
        return needTopic((t) => {
          const now = topics.snapshot.all.find((s) => s.name === t)?.partitions;
          openPrompt('alter', `partitions for ${t}${now ? ` (now ${now})` : ''}: `, '', t, 'a larger count');
        });
      case 'topic.delete':
        return needTopic((t) => openPrompt('delete', `delete ${t}? type its name: `, '', t));
      case 'consume.start':
        return needTopic((t) => startConsumer(t));
      case 'consume.options':
        return needTopic((t) => openPrompt('consumeOptions', `consume ${t} from: `, '', t, CONSUME_OPTIONS_HELP));
      case 'consume.pause':
        consumer.togglePause();
        return;
      case 'consume.detail':
        consumer.openDetail();
        if (consumer.snapshot.detailSeq !== undefined) ui.set({ overlay: 'detail', overlayTop: 0 });
        return;
      case 'produce.focus':
        return needTopic(focusProducer);
      case 'view.refresh':
        if (state.focus === 'describe') void describe.refresh();
        else void topics.refresh();
        return;
      case 'input.submit':
        if (state.prompt) submitPrompt(state.prompt);
        else void producer.send();
        return;
      case 'input.cancel':
        if (state.prompt?.purpose === 'filter') topics.setFilter('');
        if (state.prompt?.purpose === 'search') consumer.setSearch('');
        if (state.prompt) ui.set({ prompt: undefined });
        else ui.set({ focus: state.returnFocus });
        return;
      case 'input.historyPrevious':
        producer.browseHistory(-1);
        return;
      case 'input.historyNext':
        producer.browseHistory(1);
        return;
    }
  };

  const submitPrompt = (current: Prompt) => {
    ui.set({ prompt: undefined });
    const text = current.text.trim();
    const topic = current.topic ?? '';
    try {
      switch (current.purpose) {
        case 'filter':
        case 'search':
          return; // already applied while typing
        case 'command':
          return runLine(text);
        case 'consumeOptions':
          return startConsumer(topic, text);
        case 'create': {
          const [name = '', partitions = '1', replication = '1'] = text.split(/\s+/);
          const input = { topic: name, partitions: Number(partitions), replicationFactor: Number(replication) };
          void models.backend.createTopic(input).then(() => {
            say(`created ${name}`);
            return topics.refresh();
          }, fail);
          return;
        }
        case 'alter':
          void models.backend.alterPartitions(topic, Number(text)).then(() => {
            say(`${topic} now has ${text} partitions`);
            void describe.refresh();
            return topics.refresh();
          }, fail);
          return;
        case 'delete':
          if (text !== topic) {
            say(`not deleted: the name typed was not ${topic}`, true);
            return;
          }
          void models.backend.deleteTopic(topic).then(() => {
            say(`deleted ${topic}`);
            if (describe.snapshot.topic === topic) describe.clear();
            return topics.refresh();
          }, fail);
          return;
      }
    } catch (error) {
      fail(error);
    }
  };

  const runLine = (text: string) => {
    const command = parseCommandLine(text);
    const topic =
      command.kind === 'describe' || command.kind === 'consume' || command.kind === 'produce'
        ? (command.topic ?? currentTopic())
        : undefined;
    const needTopic = (then: (t: string) => void) => (topic ? then(topic) : say('name a topic: e.g. :describe orders', true));
    switch (command.kind) {
      case 'topics':
        ui.set({ overlay: undefined, focus: 'topics' });
        return;
      case 'brokers':
        ui.set({ overlay: 'brokers' });
        return;
      case 'groups':
        say('consumer groups are not in the TUI yet', true);
        return;
      case 'quit':
        exit();
        return;
      case 'describe':
        return needTopic(showDescribe);
      case 'consume':
        return needTopic((t) => startConsumer(t));
      case 'produce':
        return readOnly ? run('produce.focus') : needTopic(focusProducer);
    }
  };

  /** The line after a typed key, or undefined when the key does not edit text. */
  const editText = (name: string, input: string, text: string): string | undefined => {
    if (name === 'backspace') return text.slice(0, -1);
    if (name.startsWith('ctrl+') || (name.length > 1 && !/^[^\u0000-\u001f]+$/.test(input))) return undefined;
    // Pasted newlines would end the line; keep the rest of the paste on it.
    // eslint-disable-next-line no-control-regex
    const printable = input.replace(/[\u0000-\u001f\u007f]/g, '');
    return printable ? text + printable : undefined;
  };

  const handleKey = (name: string, input: string) => {
    const state = ui.snapshot;
    const binding = resolveKey(name, contextsOf(state));
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
    const global = name.length > 1 ? resolveKey(name, ['global']) : undefined;
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

  if (isTooSmall(columns, rows)) return <TooSmall columns={columns} rows={rows} />;
  const contexts = contextsOf();
  const topicsFocused = focus === 'topics' && !overlay;
  return (
    <ColorContext.Provider value={color}>
      <Box flexDirection="column" width={layout.width} height={layout.height}>
        <StatusBar label={models.backend.label} connection={connection} readOnly={readOnly} width={layout.width} />
        {overlay ? (
          <OverlayView
            kind={overlay}
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
          <HintBar contexts={contexts} width={layout.width} flash={flash} />
        )}
      </Box>
    </ColorContext.Provider>
  );
}

function OverlayView({
  kind,
  models,
  layout,
  top,
  brokers,
}: {
  kind: Overlay;
  models: Models;
  layout: Layout;
  top: number;
  brokers: ReadonlyArray<{ nodeId: number; host: string; port: number }>;
}) {
  if (kind === 'help') return <HelpOverlay top={top} height={layout.mainHeight} width={layout.width} />;
  if (kind === 'detail') return <DetailView store={models.consumer} height={layout.mainHeight} width={layout.width} top={top} />;
  const rows = brokers.map((b) => ({ key: b.nodeId, text: `  ${String(b.nodeId).padStart(4)}  ${b.host}:${b.port}` }));
  return (
    <Box flexDirection="column" height={layout.mainHeight} width={layout.width}>
      <PaneTitle title="Brokers" focused width={layout.width} extra="Esc close" />
      <Rows rows={rows.length > 0 ? rows : [{ key: 0, text: '  not connected' }]} height={layout.mainHeight - 1} width={layout.width} />
    </Box>
  );
}
