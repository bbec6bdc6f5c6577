import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { CLEAR_AND_HOME } from '../screen.js';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** Long enough for the frame at the new size to be out (Ink draws at most 30 times a second). */
const REDRAW_AFTER_RESIZE_MS = 120;

const sizeOf = (stdout: NodeJS.WriteStream): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });

export function useTerminalSize(): TerminalSize {
  const { stdout, write } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    let redraw: NodeJS.Timeout | undefined;
    const onResize = () => {
      setSize(sizeOf(stdout));
      // Ink rewrites only the lines it believes changed, where it believes its frame is. A resize
      // breaks that belief (a frame drawn at the old width wraps, the terminal scrolls or crops),
      // and old lines stay on screen. Once the new frame is out, clear the screen and have Ink
      // draw the frame whole: its write() clears its own output, writes ours, and redraws.
      clearTimeout(redraw);
      redraw = setTimeout(() => write(CLEAR_AND_HOME), REDRAW_AFTER_RESIZE_MS);
    };
    stdout.on('resize', onResize);
    return () => {
      clearTimeout(redraw);
      stdout.off('resize', onResize);
    };
  }, [stdout, write]);
  return size;
}
