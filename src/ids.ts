/**
 * Opaque ids with a type prefix. The time part (base36 ms, fixed width) makes ids sort by
 * creation, so a list can page with the last id as its cursor; the random part keeps them
 * unique and unguessable.
 */
export const ID_PREFIXES = ['usr', 'tok', 'ses', 'drf', 'crq'] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];
export type NewId = (prefix: IdPrefix) => string;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function createIdGenerator(now: () => number): NewId {
  return (prefix) => {
    const time = now().toString(36).padStart(9, '0');
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    let random = '';
    for (const b of bytes) random += ALPHABET[b % 36];
    return `${prefix}_${time}${random}`;
  };
}
