/**
 * The longest exclude pattern shipshape reads, from `.shipshape.yaml` or `--exclude`. Each
 * pattern becomes a regular expression; one of tens of thousands of characters (`a*a*a*…`)
 * overflows the regex compiler's stack, and no real path glob comes near this. A module of its
 * own so that the command line can check it without loading the configuration schema.
 */
export const MAX_EXCLUDE_PATTERN_LENGTH = 1024;
