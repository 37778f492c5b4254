import { useEffect, useRef } from 'react';
import type { Outcome } from '../../../../shared/domain/decision';
import type { MessageKey } from '../../../i18n/ko';

/** What the review screen can be told to do from the keyboard. */
export interface ReviewCommands {
  nextClaim(): void;
  previousClaim(): void;
  focusGrid(): void;
  focusSearch(): void;
  closeClaim(): void;
  nextEvidence?(): void;
  previousEvidence?(): void;
  focusEvidence?(): void;
  focusCalculator?(): void;
  focusDecision?(): void;
  chooseOutcome?(outcome: Outcome): void;
  saveDecision?(): void;
  focusHistory?(): void;
  revealContact?(): void;
  toggleHelp(): void;
}

export interface Shortcut {
  keys: string[];
  description: MessageKey;
  /** For the outcome keys: which outcome, so the help can name it as the form does. */
  outcome?: Outcome;
  /** Works while typing in a field too (only combinations that type nothing). */
  inFields?: boolean;
  run(commands: ReviewCommands): void;
}

const OUTCOME_KEYS: [string, Outcome][] = [
  ['1', 'approve'],
  ['2', 'partial'],
  ['3', 'reject'],
  ['4', 'request_evidence'],
  ['5', 'defer'],
];

/** The one list: the handler below and the help overlay both read it, so they cannot disagree. */
export const SHORTCUTS: Shortcut[] = [
  { keys: ['j'], description: 'review.keys.nextClaim', run: (c) => c.nextClaim() },
  { keys: ['k'], description: 'review.keys.previousClaim', run: (c) => c.previousClaim() },
  { keys: ['g'], description: 'review.keys.focusGrid', run: (c) => c.focusGrid() },
  { keys: ['/'], description: 'review.keys.focusSearch', run: (c) => c.focusSearch() },
  { keys: [']'], description: 'review.keys.nextEvidence', run: (c) => c.nextEvidence?.() },
  { keys: ['['], description: 'review.keys.previousEvidence', run: (c) => c.previousEvidence?.() },
  { keys: ['e'], description: 'review.keys.focusEvidence', run: (c) => c.focusEvidence?.() },
  { keys: ['c'], description: 'review.keys.focusCalculator', run: (c) => c.focusCalculator?.() },
  { keys: ['d'], description: 'review.keys.focusDecision', run: (c) => c.focusDecision?.() },
  ...OUTCOME_KEYS.map(([key, outcome]): Shortcut => ({
    keys: [key],
    description: 'review.keys.outcome',
    outcome,
    run: (c) => c.chooseOutcome?.(outcome),
  })),
  {
    keys: ['Control+Enter', 'Meta+Enter'],
    description: 'review.keys.save',
    inFields: true,
    run: (c) => c.saveDecision?.(),
  },
  { keys: ['h'], description: 'review.keys.history', run: (c) => c.focusHistory?.() },
  { keys: ['m'], description: 'review.keys.revealContact', run: (c) => c.revealContact?.() },
  { keys: ['?'], description: 'review.keys.help', run: (c) => c.toggleHelp() },
  {
    keys: ['Escape'],
    description: 'review.keys.close',
    inFields: true,
    run: (c) => c.closeClaim(),
  },
];

/** "Control+Enter" for a keydown with Ctrl held, "j" for a plain j. */
export function keyName(event: KeyboardEvent): string {
  const modifiers = [event.ctrlKey && 'Control', event.metaKey && 'Meta', event.altKey && 'Alt']
    .filter(Boolean)
    .join('+');
  return modifiers ? `${modifiers}+${event.key}` : event.key;
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    // Radio buttons and checkboxes take no text: single-letter keys stay shortcuts there.
    return !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
  }
  return false;
}

/**
 * Listens on the window. Single keys are ignored while typing (or composing Hangul) so a
 * reviewer's note never triggers an action; Ctrl+Enter and Escape work everywhere.
 */
export function useReviewShortcuts(commands: ReviewCommands): void {
  const ref = useRef(commands);
  useEffect(() => {
    ref.current = commands;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.isComposing || event.defaultPrevented) return;
      const name = keyName(event);
      const shortcut = SHORTCUTS.find((s) => s.keys.includes(name));
      if (!shortcut) return;
      if (!shortcut.inFields && isTypingTarget(event.target)) return;
      event.preventDefault();
      shortcut.run(ref.current);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
