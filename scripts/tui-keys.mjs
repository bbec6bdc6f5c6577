#!/usr/bin/env node
// Prints the TUI key table (markdown) from the keymap, for README.md. Run after a build.
import { keyTableMarkdown } from '../dist/ui/keymap.js';

process.stdout.write(`${keyTableMarkdown()}\n`);
