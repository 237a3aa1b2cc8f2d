/**
 * Reasoning models served raw (DeepSeek-R1, Qwen3, QwQ behind vLLM, llama.cpp or LM Studio) write
 * their reasoning into the answer as `<think>…</think>`. None of it may be shown, stored or sent
 * back, so it is removed here, as the text arrives: text from `<think>` on is held until
 * `</think>` and then dropped, with tags split across chunks, and the blank lines that separate
 * the reasoning from the answer go with it. An unclosed block is reasoning cut short: all dropped.
 */
const OPEN = '<think>';
const CLOSE = '</think>';
const OPEN_AT = /<think>/i;
const CLOSE_AT = /<\/think>/i;

export interface ThinkFilter {
  /** The visible part of `piece`; may hold back the start of what could be a tag. */
  push(piece: string): string;
  /** What was held back and turned out to be visible text. */
  end(): string;
}

export function createThinkFilter(): ThinkFilter {
  let inside = false;
  let held = '';
  let afterBlock = false;
  return {
    push(piece) {
      let rest = held + piece;
      held = '';
      let out = '';
      for (;;) {
        if (inside) {
          const close = CLOSE_AT.exec(rest);
          if (!close) {
            held = tagStartAtEnd(rest, CLOSE);
            return out;
          }
          rest = rest.slice(close.index + CLOSE.length);
          inside = false;
          afterBlock = true;
          continue;
        }
        if (afterBlock) {
          rest = rest.replace(/^\s+/, '');
          if (rest === '') return out;
          afterBlock = false;
        }
        const open = OPEN_AT.exec(rest);
        if (!open) {
          held = tagStartAtEnd(rest, OPEN);
          return out + rest.slice(0, rest.length - held.length);
        }
        out += rest.slice(0, open.index);
        rest = rest.slice(open.index + OPEN.length);
        inside = true;
      }
    },
    end() {
      const rest = inside ? '' : held;
      held = '';
      return rest;
    },
  };
}

/** A whole reply without its reasoning. */
export function visibleText(text: string): string {
  const filter = createThinkFilter();
  return filter.push(text) + filter.end();
}

/** The longest end of `text` that could be the start of `tag`, to hold until the next piece decides. */
function tagStartAtEnd(text: string, tag: string): string {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    const end = text.slice(-n);
    if (end.toLowerCase() === tag.slice(0, n)) return end;
  }
  return '';
}
