import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnChoice } from '../grid/column-choice.ts';

interface ColumnMenuProps {
  /** every column the grid can show, in grid order */
  columns: readonly { colId: string; header: string }[];
  choice: ColumnChoice;
}

/**
 * 列: a drop-down of checkboxes, one per column. The last shown column cannot be
 * hidden (an export needs at least one). Esc or a click outside closes it, and
 * the focus goes back to the button.
 */
export function ColumnMenu({ columns, choice }: ColumnMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const shownCount = columns.filter((c) => !choice.hidden.has(c.colId)).length;

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLInputElement>('input')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="column-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        title={t('grid.columnsHint')}
      >
        {t('grid.columns')}
      </button>
      {open && (
        <div id={panelId} className="column-menu-panel" role="group" aria-label={t('grid.columnsTitle')}>
          <div className="column-menu-title">{t('grid.columnsTitle')}</div>
          <ul>
            {columns.map((c) => {
              const shown = !choice.hidden.has(c.colId);
              return (
                <li key={c.colId}>
                  <label className="checkbox">
                    <input type="checkbox" checked={shown} disabled={shown && shownCount === 1} onChange={(e) => choice.setShown(c.colId, e.target.checked)} />
                    {c.header}
                  </label>
                </li>
              );
            })}
          </ul>
          <div className="column-menu-actions">
            <button type="button" className="button" onClick={choice.reset}>
              {t('grid.columnsReset')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setOpen(false);
                buttonRef.current?.focus();
              }}
            >
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
