/** Alternatives as one group, in the given order: long vocabularies read best one per line. */
export function oneOf(parts: readonly string[]): string {
  return `(?:${parts.join('|')})`;
}
