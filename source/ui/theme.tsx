// Colour on or off (NO_COLOR, --no-color). Every state that has a colour also has a
// symbol or a word, so nothing is lost without it.
import { createContext, useContext } from 'react';

export const ColorContext = createContext(true);

/** The colour to pass to <Text color>, or undefined when colour is off. */
export function useColor(): (color: string) => string | undefined {
  const enabled = useContext(ColorContext);
  return (color) => (enabled ? color : undefined);
}

export const MARK = {
  offline: '✖',
  underReplicated: '▲',
  healthy: ' ',
} as const;
