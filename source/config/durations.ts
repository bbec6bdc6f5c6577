// Timeouts in the config and on the command line: the shared duration grammar, where a bare
// number means seconds ("10s", "500ms", "2m", "3").
import { parseDuration as parseDurationText } from '../format/time-grammar.js';

export const parseDuration = (text: string): number | undefined => parseDurationText(text, 's');
