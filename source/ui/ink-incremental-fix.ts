// Ink 6.8's incremental renderer moves the cursor up one line too few when a frame ends
// with a newline (which every frame shorter than the terminal does), so each frame lands
// one row lower and leaves a ghost line behind. Ink 7 fixes it but needs Node 22.
// Frames handed to it here lose the trailing newline: the cursor then rests on the last
// line, the renderer's arithmetic is right, and the terminal never scrolls.
interface LogUpdate {
  (output: string): boolean;
  willRender(output: string): boolean;
  sync(output: string): void;
}
interface LogUpdateModule {
  default: { create(stream: NodeJS.WriteStream, options: { incremental?: boolean }): LogUpdate };
}

const strip = (output: string) => (output.endsWith('\n') ? output.slice(0, -1) : output);

export async function fixInkIncrementalRendering(): Promise<void> {
  const url = new URL('./log-update.js', import.meta.resolve('ink'));
  const { default: logUpdate } = (await import(url.href)) as LogUpdateModule;
  const create = logUpdate.create;
  if (typeof create !== 'function') return;
  logUpdate.create = (stream, options) => {
    const inner = create(stream, options);
    if (!options.incremental) return inner;
    const render = Object.assign((output: string) => inner(strip(output)), inner, {
      willRender: (output: string) => inner.willRender(strip(output)),
      sync: (output: string) => inner.sync(strip(output)),
    });
    return render;
  };
}
