import { z } from 'zod';
import { AppError } from './problems.js';

/** Opaque list cursors: the sort key of the last item, so a page never skips or repeats rows. */
function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify({ k: key })).toString('base64url');
}

/**
 * What a cursor may hold, by the kind of sort key: an id this API made, or a position (a
 * sequence number or a version, a non-negative integer). A cursor is the caller's input: its
 * inside is checked as strictly as any other, so a tampered one is a 400, never a value the
 * database refuses.
 */
const CURSOR_KEYS = {
  id: z.string().regex(/^[a-z]{2,5}_[0-9a-z]{1,64}$/),
  position: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
} as const;

type CursorKind = keyof typeof CURSOR_KEYS;

export function decodeCursor<K extends CursorKind>(
  cursor: string | undefined,
  kind: K,
): z.output<(typeof CURSOR_KEYS)[K]> | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // not JSON: refused below
  }
  const key = CURSOR_KEYS[kind].safeParse((parsed as { k?: unknown } | null)?.k);
  if (key.success) return key.data as z.output<(typeof CURSOR_KEYS)[K]>;
  throw new AppError(
    'validation-failed',
    'The cursor is not valid: pass a nextCursor from a previous page.',
    {
      errors: [{ path: '/querystring/cursor', message: 'is not a cursor this API issued' }],
    },
  );
}

/** Takes `limit + 1` rows and turns them into a page. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => string | number,
): { data: Item[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { data: pageRows.map(toItem), nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
}
