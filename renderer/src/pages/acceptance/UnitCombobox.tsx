import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client.ts';
import type { ControlProps } from '../../components/Field.tsx';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { useLoad } from '../../components/useLoad.ts';

export interface Candidate {
  id: string;
  name: string;
  uscc: string;
  inUse: number;
}

const SHOWN = 50;

/**
 * The unit of a new file, found by typing: name, 统一社会信用代码 or pinyin initials,
 * searched by the core as the units grid searches (a district has hundreds of units).
 * A combobox: ↓/↑ move through the matches, Enter chooses, Esc closes the list.
 */
export function UnitCombobox({ control, value, onChange, onError }: {
  control: ControlProps;
  value: Candidate | null;
  onChange: (unit: Candidate | null) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(text, 200);
  // new matches start from the first; a refused search keeps the last matches and tells the form
  const { value: matches } = useLoad(
    () =>
      api.call('acceptance.candidates', { search: query.trim() || undefined, limit: SHOWN + 1 }).then(
        (rows): Candidate[] => {
          setActive(0);
          return rows;
        },
        (error: unknown) => {
          onError(errorMessage(error));
          throw error;
        },
      ),
    [query, onError],
  );

  // Esc closes the list, not the dialog around it (the dialog listens on the document)
  useEffect(() => {
    if (!open) return;
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || !root.current?.contains(event.target as Node)) return;
      event.stopPropagation();
      event.preventDefault();
      setOpen(false);
    };
    window.addEventListener('keydown', onEscape, true);
    return () => window.removeEventListener('keydown', onEscape, true);
  }, [open]);

  const shown = (matches ?? []).slice(0, SHOWN);
  const choose = (unit: Candidate) => {
    onChange(unit);
    setText(unit.name);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      else if (shown.length > 0) setActive((a) => (a + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % shown.length);
    } else if (event.key === 'Enter' && open && shown[active]) {
      // Enter picks the unit and must not submit the form
      event.preventDefault();
      choose(shown[active]!);
    }
  };

  return (
    <div className="acc-combobox" ref={root}>
      <input
        {...control}
        type="text"
        role="combobox"
        name="unitSearch"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && shown[active] ? `${listId}-${shown[active]!.id}` : undefined}
        placeholder={t('acceptance.form.search')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={(e) => {
          if (!root.current?.contains(e.relatedTarget as Node)) setOpen(false);
        }}
        onKeyDown={onKeyDown}
        data-autofocus
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={t('acceptance.form.unit')} className="acc-combobox-list">
          {matches && shown.length === 0 && <li className="acc-combobox-option muted">{t('acceptance.form.noMatch')}</li>}
          {shown.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${c.id}`}
              role="option"
              aria-selected={i === active}
              className="acc-combobox-option"
              // mousedown, so the input's blur does not close the list before the click
              onMouseDown={(e) => {
                e.preventDefault();
                choose(c);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{c.name}</span>
              <span className="muted acc-small">
                {c.uscc} · {t('acceptance.form.inUse', { count: c.inUse })}
              </span>
            </li>
          ))}
          {(matches?.length ?? 0) > SHOWN && <li className="acc-combobox-option muted">{t('acceptance.form.more', { count: SHOWN })}</li>}
        </ul>
      )}
      {value && <div className="field-hint">{t('acceptance.form.chosen', { name: value.name, uscc: value.uscc })}</div>}
    </div>
  );
}
