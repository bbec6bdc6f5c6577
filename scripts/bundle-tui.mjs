// Bundles the TUI (dist/cli/tui.js, with Ink, React and our UI) into one ESM file after tsc.
// Loaded as ~100 separate modules, Ink and React take ~0.35 s to import on Node 20; as one
// file, ~0.1 s, which is what keeps the first full frame under 0.4 s.
// Packages with native, WASM or kafkajs-internal files stay external and load from node_modules.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Ink 6.8's incremental renderer moves the cursor up one line too few when a frame ends with a
 * newline (which every frame shorter than the terminal does), so each frame lands one row lower
 * and leaves a ghost line behind. Ink 7 fixes it but needs Node 22. Frames handed to it here lose
 * the trailing newline: the cursor then rests on the last line and the arithmetic is right.
 * This function's source is appended to Ink's log-update.js inside the bundle.
 */
function fixIncrementalRendering(logUpdate) {
  const create = logUpdate.create;
  const strip = (output) => (output.endsWith('\n') ? output.slice(0, -1) : output);
  logUpdate.create = (stream, options = {}) => {
    const inner = create(stream, options);
    if (!options.incremental) return inner;
    return Object.assign((output) => inner(strip(output)), inner, {
      willRender: (output) => inner.willRender(strip(output)),
      sync: (output) => inner.sync(strip(output)),
    });
  };
}

await build({
  entryPoints: [resolve(repo, 'dist/cli/tui.js')],
  outfile: resolve(repo, 'dist/cli/tui.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['kafkajs', 'snappy', 'lz4-napi', 'fzstd', '@bokuweb/zstd-wasm', 'conf', 'meow'],
  // React's production build: the development one is larger and slower to load.
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies inside an ESM bundle still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [
    {
      name: 'ink-incremental-rendering-fix',
      setup(b) {
        b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]log-update\.js$/ }, async (args) => ({
          contents: `${await readFile(args.path, 'utf8')}\n(${fixIncrementalRendering})(logUpdate);\n`,
          loader: 'js',
        }));
      },
    },
    {
      // Ink imports React DevTools only when DEV=true; the bundle must not need the package.
      name: 'no-react-devtools',
      setup(b) {
        b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
        b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};' }));
      },
    },
  ],
  logLevel: 'warning',
});
