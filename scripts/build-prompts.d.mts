export function buildPrompts(): Array<{ id: string; version: number; text: string; file: string }>;
export function contentInputsStamp(): string;
