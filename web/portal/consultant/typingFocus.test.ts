import { describe, expect, it } from 'vitest';
import { opensKeyboard } from './typingFocus';

describe('the consultant steps aside while the customer types', () => {
  it('for fields that bring up the keyboard or a picker', () => {
    expect(opensKeyboard({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(opensKeyboard({ tagName: 'INPUT', type: 'email' })).toBe(true);
    expect(opensKeyboard({ tagName: 'INPUT', type: 'tel' })).toBe(true);
    expect(opensKeyboard({ tagName: 'INPUT', type: 'datetime-local' })).toBe(true);
    expect(opensKeyboard({ tagName: 'INPUT' })).toBe(true);
    expect(opensKeyboard({ tagName: 'TEXTAREA' })).toBe(true);
    expect(opensKeyboard({ tagName: 'SELECT' })).toBe(true);
    expect(opensKeyboard({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('not for buttons, choices, file pickers, links or fields that cannot be typed in', () => {
    for (const type of ['button', 'submit', 'checkbox', 'radio', 'file', 'range', 'hidden'])
      expect(opensKeyboard({ tagName: 'INPUT', type }), type).toBe(false);
    expect(opensKeyboard({ tagName: 'BUTTON' })).toBe(false);
    expect(opensKeyboard({ tagName: 'A' })).toBe(false);
    expect(opensKeyboard({ tagName: 'INPUT', type: 'text', readOnly: true })).toBe(false);
    expect(opensKeyboard({ tagName: 'TEXTAREA', disabled: true })).toBe(false);
    expect(opensKeyboard(null)).toBe(false);
  });
});
