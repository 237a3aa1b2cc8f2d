import type { UsageTotals } from './usage-meter.js';

/**
 * USD per million tokens (input, output), from OpenAI's public price list; other models and
 * providers have no entry, so their cost shows as unknown unless `--price IN,OUT` is given.
 * Prices change: check before quoting a cost.
 */
export const PRICES: Readonly<Record<string, { input: number; output: number }>> = {
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
};

export type Price = { input: number; output: number };

/** Parses `--price 0.4,1.6`. */
export function parsePrice(raw: string): Price | undefined {
  const [input, output] = raw.split(',').map(Number);
  return input !== undefined && output !== undefined && Number.isFinite(input) && Number.isFinite(output) ? { input, output } : undefined;
}

/** Cost in USD, or null when the model's price is unknown (offline costs nothing: 0). */
export function costUsd(usage: UsageTotals, price: Price | undefined): number | null {
  if (usage.calls === 0) return 0;
  if (!price) return null;
  return (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000;
}
