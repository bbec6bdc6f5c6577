#!/usr/bin/env node
// The CLI as bundled by scripts/bundle-cli.mjs (the per-file build is dist/cli/main.js).
import '../dist/cli/main.bundle.js';
