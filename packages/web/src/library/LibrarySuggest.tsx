/**
 * @module LibrarySuggest — indicator name suggestions from the region's indicator library (指标联想): an
 * Ant Design AutoComplete over `GET /api/library/indicators?q=`, debounced, each option showing the name,
 * unit, direction and how often it was used. Loads no core code (safe for any chunk).
 *
 * Props:
 * - `value?: string` / `onChange?(text: string)` — the text in the box (controlled or not). Typing calls
 *   `onChange` with the text; choosing a suggestion calls it with the entry's name.
 * - `onSelect?(hit: LibraryHit)` — a suggestion was chosen (mouse or Enter): the whole hit, with `key`
 *   (for `/api/library/indicators/{key}` and `/library/{key}`), `name`, `unit`, `direction`, `category`,
 *   `uses`, `organisations`, `completionRate`, `recommended`.
 * - `category?: string` — only entries of this indicator category (core's `IndicatorCategory`, e.g. `quantity`).
 * - `limit?: number` — at most this many suggestions (default 8, the API allows 50).
 * - `debounceMs?: number` — wait this long after the last keystroke (default 250).
 * - `minChars?: number` — ask only from this many characters (default 1; 0 lists the most used on focus).
 * - `aria-label: string` — required: the box's accessible name, e.g. "三级指标名称".
 * - `placeholder?`, `disabled?`, `autoFocus?`, `size?`, `status?`, `style?`, `className?`, `id?`, `onBlur?`,
 *   `onKeyDown?` — passed to the AutoComplete / its input, so it can stand in for an `Input` in a grid cell.
 * - `data-testid?: string` — default `library-suggest`; options carry `data-testid="library-option"`.
 *
 * Errors of the search are shown as one disabled option ("指标库暂不可用") and never thrown.
 */
import { useEffect, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent } from 'react';
import { AutoComplete, Tag } from 'antd';
import { messageOf } from '../api/errors.js';
import { searchLibrary } from './api.js';
import { DIRECTION_SHORT } from './labels.js';
import type { LibraryHit } from './types.js';

export interface LibrarySuggestProps {
  value?: string | undefined;
  onChange?: ((text: string) => void) | undefined;
  onSelect?: ((hit: LibraryHit) => void) | undefined;
  category?: string | undefined;
  limit?: number | undefined;
  debounceMs?: number | undefined;
  minChars?: number | undefined;
  'aria-label': string;
  placeholder?: string | undefined;
  disabled?: boolean | undefined;
  autoFocus?: boolean | undefined;
  size?: 'small' | 'middle' | 'large' | undefined;
  status?: 'error' | 'warning' | undefined;
  style?: CSSProperties | undefined;
  className?: string | undefined;
  id?: string | undefined;
  onBlur?: (() => void) | undefined;
  onKeyDown?: ((e: KeyboardEvent<HTMLElement>) => void) | undefined;
  'data-testid'?: string | undefined;
}

type Answer = { q: string; items: LibraryHit[] } | { q: string; error: string };

export function LibrarySuggest(props: LibrarySuggestProps) {
  const { value, onChange, onSelect, category, limit = 8, debounceMs = 250, minChars = 1 } = props;
  const [inner, setInner] = useState(value ?? '');
  const text = value ?? inner;
  const [answer, setAnswer] = useState<Answer | undefined>();
  const [loading, setLoading] = useState(false);
  const [focused, setFocused] = useState(false);
  const hits = useRef(new Map<string, LibraryHit>());

  useEffect(() => {
    const q = text.trim();
    if (!focused || q.length < minChars) {
      setLoading(false);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    const t = setTimeout(() => {
      searchLibrary({ q, category, limit }, ctl.signal)
        .then((r) => {
          hits.current = new Map(r.items.map((h) => [h.key, h]));
          setAnswer({ q, items: r.items });
        })
        .catch((err: unknown) => {
          if (!ctl.signal.aborted) setAnswer({ q, error: messageOf(err) });
        })
        .finally(() => {
          if (!ctl.signal.aborted) setLoading(false);
        });
    }, debounceMs);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [text, focused, category, limit, debounceMs, minChars]);

  const options =
    answer === undefined || text.trim().length < minChars
      ? []
      : 'error' in answer
        ? [{ value: '__error__', disabled: true, label: <span className="muted">指标库暂不可用：{answer.error}</span> }]
        : answer.items.map((h) => ({
            value: h.key,
            label: (
              <div data-testid="library-option" style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {h.name}
                  {h.recommended && (
                    <Tag color="gold" style={{ marginLeft: 4 }}>
                      推荐
                    </Tag>
                  )}
                </span>
                <span className="muted" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                  {h.unit ? `${h.unit} · ` : ''}
                  {DIRECTION_SHORT[h.direction] ?? ''} · 用过{h.uses}次
                </span>
              </div>
            ),
          }));

  const change = (t: string) => {
    setInner(t);
    onChange?.(t);
  };

  return (
    <AutoComplete
      id={props.id}
      className={props.className}
      style={props.style}
      size={props.size}
      status={props.status}
      disabled={props.disabled}
      autoFocus={props.autoFocus}
      placeholder={props.placeholder ?? '输入指标名称，从指标库中选择'}
      aria-label={props['aria-label']}
      data-testid={props['data-testid'] ?? 'library-suggest'}
      value={text}
      options={options}
      notFoundContent={loading ? '正在查找…' : answer && 'items' in answer && text.trim().length >= minChars ? '指标库中没有相近的指标，可直接填写' : null}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        props.onBlur?.();
      }}
      onKeyDown={props.onKeyDown}
      onSearch={change}
      onSelect={(key: string) => {
        const hit = hits.current.get(key);
        if (!hit) return;
        change(hit.name);
        onSelect?.(hit);
      }}
      popupMatchSelectWidth={360}
    />
  );
}

export type { LibraryHit } from './types.js';
