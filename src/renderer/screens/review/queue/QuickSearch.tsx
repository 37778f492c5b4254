import { forwardRef, useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale-context';

/** Long enough to skip the keystrokes of one word, short enough to feel immediate. */
const SEARCH_DELAY_MS = 150;

/**
 * The queue's quick search. Korean is typed through an IME: while a syllable is being composed
 * ("ㄱ" -> "가" -> "각") the text is unfinished, so nothing is searched until composition ends.
 */
export const QuickSearch = forwardRef<
  HTMLInputElement,
  {
    onSearch: (text: string) => void;
    /** Enter: search now and go to what was found. */
    onSubmit: (text: string) => void;
    initial?: string;
  }
>(function QuickSearch({ onSearch, onSubmit, initial = '' }, ref) {
  const t = useT();
  const [text, setText] = useState(initial);
  const composing = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  function schedule(value: string) {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onSearch(value.trim()), SEARCH_DELAY_MS);
  }
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <label className="inline-field quick-search">
      <span className="visually-hidden">{t('review.search.label')}</span>
      <input
        ref={ref}
        type="search"
        className="input quick-search__input"
        data-testid="quick-search"
        placeholder={t('review.search.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const native = event.nativeEvent as InputEvent;
          if (!composing.current && !native.isComposing) schedule(event.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
          window.clearTimeout(timer.current);
        }}
        onCompositionEnd={(event) => {
          composing.current = false;
          schedule(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setText('');
            schedule('');
          } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            window.clearTimeout(timer.current);
            onSubmit(event.currentTarget.value.trim());
          }
        }}
      />
    </label>
  );
});
