import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** What `opensKeyboard` reads of an element (a DOM element, or a plain object in tests). */
export type FocusTarget = {
  tagName: string;
  type?: string;
  readOnly?: boolean;
  disabled?: boolean;
  isContentEditable?: boolean;
};

/** Input types that take no typing: focusing them brings up no on-screen keyboard or picker. */
const NO_KEYBOARD = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

/**
 * True when focusing the element brings up a phone's on-screen keyboard or picker at the bottom
 * of the screen: a text-like input, a textarea, a select or an editable region.
 */
export function opensKeyboard(target: FocusTarget | null | undefined): boolean {
  if (!target || target.disabled || target.readOnly) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NO_KEYBOARD.has((target.type ?? 'text').toLowerCase());
}

/**
 * Whether a field outside `own` has focus and so the keyboard is likely up: the consultant's corner
 * button steps aside then (its CSS does so on phones only), so it never sits over the field being
 * filled in or the keyboard. Focus moving between two fields keeps it aside without a flicker.
 */
export function useTypingElsewhere(own: RefObject<HTMLElement | null>): boolean {
  const [typing, setTyping] = useState(false);
  useEffect(() => {
    const check = (target: EventTarget | null) => {
      const element = target instanceof HTMLElement ? target : null;
      setTyping(opensKeyboard(element) && !own.current?.contains(element));
    };
    const onFocusIn = (event: FocusEvent) => check(event.target);
    // Where focus goes next (null when nowhere): the button comes back as soon as typing ends.
    const onFocusOut = (event: FocusEvent) => check(event.relatedTarget);
    check(document.activeElement);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, [own]);
  return typing;
}
