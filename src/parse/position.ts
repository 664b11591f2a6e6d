/**
 * Positions and parse errors shared by every parser. Lines and columns are 1-based, the way
 * editors and `file:line:column` links count them.
 */

export interface SourcePosition {
  line: number;
  column: number;
}

/** A learner's file could not be understood; carries where, so the user sees `file:line:col`. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly position: SourcePosition,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** `Dockerfile:3:1: unknown instruction "BLAH"` */
  format(): string {
    return `${this.file}:${this.position.line}:${this.position.column}: ${this.message}`;
  }
}

/** Files that look binary (a NUL byte early on) are refused rather than parsed as text. */
export function looksBinary(text: string): boolean {
  return (text.length <= 8192 ? text : text.slice(0, 8192)).includes('\u0000');
}
