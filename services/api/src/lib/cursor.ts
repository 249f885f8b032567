import { AppError } from './problems.js';

/** Opaque list cursors: the sort key of the last item, so a page never skips or repeats rows. */
export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify({ k: key })).toString('base64url');
}

export function decodeCursor<T extends 'string' | 'number'>(
  cursor: string | undefined,
  kind: T,
): (T extends 'string' ? string : number) | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof parsed.k === kind) return parsed.k as T extends 'string' ? string : number;
  } catch {
    // fall through to the problem below
  }
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
