/**
 * Whether a rewrite holds a `[placeholder]` to fill in: a bracketed span the writer did not write.
 * The writer's own brackets ("[voice note]", "[attached]") are their words, kept as they are.
 */
export function holdsPlaceholder(text: string, rewrite: string): boolean {
  return (rewrite.match(/\[[^\]\n]{2,}\]/g) ?? []).some((span) => !text.includes(span));
}
