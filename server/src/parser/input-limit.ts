// Release names and file names stay far below this (file names max out at 255 bytes, indexer titles at a few
// hundred characters). Anything longer is junk: the name parsers refuse it up front, and the quality parser reads
// only its tail (where a path's file name is), so a 27,000-character input costs no more than a real title.
export const MAX_INPUT_CHARS = 1024;

export const isTooLong = (s: string): boolean => s.length > MAX_INPUT_CHARS;

/** The last MAX_INPUT_CHARS characters: what a quality or extension scan of a long path needs. */
export const inputTail = (s: string): string => (isTooLong(s) ? s.slice(-MAX_INPUT_CHARS) : s);
