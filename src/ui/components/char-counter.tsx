/**
 * The limit under a text box. Without the script it states the limit; the script makes it a live
 * count that warns near the limit and says how far over it is. Nothing is cut: the box has no
 * `maxlength`, so a long paste stays whole and the API's refusal says what to do.
 */
export function CharCounter({ id, max }: { id: string; max: number }) {
  return (
    <>
      <p id={`${id}-count`} class="counter" data-state="ok">
        Up to {max.toLocaleString('en')} characters.
      </p>
      <span id={`${id}-status`} class="visually-hidden" role="status"></span>
    </>
  );
}
