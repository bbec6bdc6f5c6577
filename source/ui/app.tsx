// The whole screen: layout, focus, overlays and the input line. A key becomes a command
// through the keymap, and the command runs through the controllers' handler table.
import { Box, useApp, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { HelpOverlay } from './components/help-overlay.js';
import { HintBar } from './components/hint-bar.js';
import { LineInput } from './components/line-input.js';
import { PaneTitle, Rows } from './components/rows.js';
import { StatusBar } from './components/status-bar.js';
import { isTooSmall, TooSmall } from './components/too-small.js';
import type { ControllerContext } from './controllers/context.js';
import { dispatch } from './controllers/index.js';
import { contextsOf, isTyping } from './focus.js';
import { useStore } from './hooks/use-store.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { KEYMAP, keyName, resolveKey, type Binding, type Command } from './keymap.js';
import { layoutFor, type Layout } from './layout.js';
import type { Models } from './models.js';
import { editLine, insertText, lineOf, type Line } from './input/line-editor.js';
import { BracketedPasteReader, pastedLines, readTextRun, textRun } from './input/paste.js';
import { useRawInput } from './input/use-raw-input.js';
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
  const columns = size?.columns ?? terminal.columns;
  const rows = size?.rows ?? terminal.rows;
  const layout = layoutFor(columns, rows);
  const { topics, describe, consumer, producer } = models;
  const connection = useStore(models.connection);

  const [ui] = useState(
    () =>
      new UiStore({
        focus: initialTopic ? 'describe' : 'topics',
        returnFocus: 'topics',
        overlayTop: 0,
        describeTop: 0,
        typing: false,
        flash: notice ? { text: notice, error: true } : undefined,
      }),
  );
  const { focus, overlay, overlayTop, describeTop, prompt, flash, typing } = useStore(ui);
  const [paste] = useState(() => new BracketedPasteReader());
  /** What the last Ctrl-U/K/W removed, for Ctrl-Y; one for every input line, as in readline. */
  const kill = useRef('');
  const raw = useRawInput();

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

  /** The line being edited: the prompt's, else the producer's. */
  const currentLine = (state = ui.snapshot): Line =>
    state.prompt ? lineOf(state.prompt.text, state.prompt.cursor) : lineOf(producer.snapshot.text, producer.snapshot.cursor);

  /** Puts an edited line back where it came from: the prompt (and its live filter) or the producer. */
  const setLine = ({ text, cursor }: Line) => {
    const current = ui.snapshot.prompt;
    if (!current) return producer.setText(text, cursor);
    ui.set({ prompt: { ...current, text, cursor, note: undefined } });
    if (current.purpose === 'filter') topics.setFilter(text);
    if (current.purpose === 'search') consumer.setSearch(text);
  };

  /** True while keys are text for some input line (a prompt, or the producer in typing mode). */
  const lineActive = (state = ui.snapshot) => Boolean(state.prompt) || isTyping(state);

  const handleKey = (name: string, input: string) => {
    const state = ui.snapshot;
    const binding = resolveKey(name, contextsOf(state), keymap);
    if (binding) return run(binding.command);
    if (!lineActive(state)) return;
    // Pasted lines wait for Enter or Esc; nothing is typed over them.
    if (!state.prompt && producer.snapshot.pending) return;
    const edit = editLine(currentLine(state), name, input, kill.current);
    if (edit) {
      if (edit.killed) kill.current = edit.killed;
      return setLine(edit.line);
    }
    // While typing, only the non-printing global keys (Tab, Ctrl-C) still act.
    const global = name.length > 1 ? resolveKey(name, ['global'], keymap) : undefined;
    if (global) run(global.command);
  };

  /** A run of typed text, inserted as text even when it spells a key name ("up", "enter"). */
  const typeText = (text: string) => {
    if (!ui.snapshot.prompt && producer.snapshot.pending) return;
    setLine(insertText(currentLine(), text));
  };

  /** Several lines at once: the producer asks, then sends one message per line; a prompt keeps the first. */
  const handleLines = (lines: string[]) => {
    const state = ui.snapshot;
    if (lines.length === 0) return;
    if (!lineActive(state)) return ctx.say('paste ignored: press p (or Enter on the producer) to type first', true);
    if (state.prompt || lines.length === 1) {
      if (!state.prompt && producer.snapshot.pending) return;
      setLine(insertText(currentLine(state), lines[0]!));
      if (lines.length > 1) {
        const note = `pasted ${lines.length} lines: kept the first`;
        if (state.prompt) ui.set({ prompt: { ...ui.snapshot.prompt!, note } });
        else ctx.say(note);
      }
      return;
    }
    producer.offerLines(lines);
  };

  /** Several keys in one read: typed faster than the terminal is read, or pasted without brackets. */
  const handleChunk = (chunk: string) => {
    for (let at = 0; at < chunk.length;) {
      const char = chunk[at]!;
      if (!lineActive() || char === '\t' || char === '\u007f') {
        // Commands take keys one at a time, so `p` then text works.
        handleKey(char === ' ' ? 'space' : char === '\t' ? 'tab' : char === '\u007f' ? 'backspace' : char === '\r' ? 'enter' : char, char);
        at++;
        continue;
      }
      const run = textRun(chunk.slice(at)) || char;
      at += run.length;
      const read = readTextRun(run);
      if (read.kind === 'lines') {
        handleLines(read.lines);
        continue;
      }
      for (const piece of read.pieces) {
        if (piece.kind === 'enter') handleKey('enter', '\r');
        else typeText(piece.text);
      }
    }
  };

  useInput((input, key) => {
    const step = paste.feed(input, key);
    if (step.kind === 'inside') return;
    if (step.kind === 'done') {
      handleLines(pastedLines(step.text));
      if (step.rest) handleChunk(step.rest);
      return;
    }
    const chunk = !key.ctrl && !key.meta && input.length > 1 && !input.startsWith('\u001b');
    if (!chunk) return handleKey(keyName(input, key, raw.current), input);
    handleChunk(input);
  });

  if (isTooSmall(columns, rows)) return <TooSmall columns={columns} rows={rows} />;
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
