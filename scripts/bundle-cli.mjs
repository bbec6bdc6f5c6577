// Bundles the CLI (dist/cli/main.js and the commands it imports on demand) after tsc, one chunk
// per command with the code they share split out. Loaded as separate files, kafkajs (~50 modules)
// and meow took most of a command's start-up; as a few files, a command starts in about half.
// Native and WASM codecs, conf (profiles only) and the TUI bundle stay external.
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: { 'main.bundle': resolve(repo, 'dist/cli/main.js') },
  outdir: resolve(repo, 'dist/cli'),
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['./tui.bundle.js', 'snappy', 'lz4-napi', '@bokuweb/zstd-wasm', 'conf'],
  // CommonJS dependencies inside an ESM bundle still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Less to parse at every start; names are kept, so stack traces (KAFKA_TUI_DEBUG) still read.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
