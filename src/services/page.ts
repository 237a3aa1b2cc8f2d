/** What a list is asked for: `?limit=&cursor=` on every list route, the same on the pages. */
export interface PageQuery {
  limit: number;
  /** The last id of the previous page. */
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Rows were fetched with `limit + 1`: the extra one only says whether another page exists. */
export function toPage<T extends { id: string }>(rows: readonly T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
