/**
 * Opaque ids with a type prefix. The time part (base36 ms, fixed width) and a counter within the
 * same millisecond make ids sort by creation, so a list can page with the last id as its cursor;
 * the random part keeps them unique across processes and unguessable.
 */
export const ID_PREFIXES = ['usr', 'tok', 'ses', 'drf', 'crq', 'rel', 'ent', 'pky'] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];
export type NewId = (prefix: IdPrefix) => string;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function createIdGenerator(now: () => number): NewId {
  let lastTime = -1;
  let counter = 0;
  return (prefix) => {
    const t = now();
    counter = t === lastTime ? counter + 1 : 0;
    lastTime = t;
    const time = t.toString(36).padStart(9, '0');
    const sequence = (counter % 36 ** 3).toString(36).padStart(3, '0');
    const bytes = crypto.getRandomValues(new Uint8Array(9));
    let random = '';
    for (const b of bytes) random += ALPHABET[b % 36];
    return `${prefix}_${time}${sequence}${random}`;
  };
}
