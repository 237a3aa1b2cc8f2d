import { buildPrompts } from '../../scripts/build-prompts.mjs';

export default function setup(): void {
  buildPrompts();
}
