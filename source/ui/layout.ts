// Where each pane goes for a terminal size, and how many list rows each view shows. The
// panes draw with these numbers and the cursor keys page and clamp with the same ones.

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

/**
 * Rows above a view's list: the title, and the column header (describe also has its configs and
 * groups lines, an opened group its ETA line, brokers a cluster line).
 */
export const LIST_CHROME = { topics: 2, describe: 4, consumer: 2, groups: 2, group: 2, overlay: 1, brokers: 3 } as const;

/** List rows a view of `height` lines shows. */
export const listRows = (height: number, view: keyof typeof LIST_CHROME): number => Math.max(0, height - LIST_CHROME[view]);
