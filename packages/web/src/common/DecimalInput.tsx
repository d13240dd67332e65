/**
 * @module A number cell outside the grid (money, weights): shows 1,550.00 when not focused, the plain
 * figure while typing, writes a decimal string on every valid keystroke and refuses anything else.
 */
import { useState } from 'react';
import { Input, Tooltip } from 'antd';
import { formatMoney, readDecimal } from '../format/numbers.js';

export interface DecimalInputProps {
  id?: string | undefined;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  'aria-label': string;
  readOnly?: boolean | undefined;
  /** Show the figure as money (two decimals, separators) when not focused. */
  money?: boolean | undefined;
  allowNegative?: boolean | undefined;
  status?: 'error' | 'warning' | undefined;
  placeholder?: string | undefined;
  className?: string | undefined;
}

export function DecimalInput({ id, value, onChange, readOnly, money = true, allowNegative = false, status, placeholder, className, ...rest }: DecimalInputProps) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const focused = draft !== undefined;
  const shown = focused ? draft : money ? formatMoney(value) : (value ?? '');

  return (
    <Tooltip title={problem} open={problem !== undefined}>
      <Input
        id={id}
        className={`decimal-input ${className ?? ''}`}
        aria-label={rest['aria-label']}
        aria-invalid={problem ? true : undefined}
        value={shown}
        readOnly={readOnly}
        placeholder={placeholder}
        status={problem ? 'error' : status}
        inputMode="decimal"
        onFocus={(e) => {
          if (readOnly) return;
          setDraft(value ?? '');
          const el = e.target;
          requestAnimationFrame(() => el.select());
        }}
        onBlur={() => {
          setDraft(undefined);
          setProblem(undefined);
        }}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          const d = readDecimal(text);
          if (d === undefined || (!allowNegative && d.startsWith('-'))) {
            setProblem(d === undefined ? '请输入数字，如 155 或 243.03' : '不能为负数');
            return;
          }
          setProblem(undefined);
          onChange(d === '' ? undefined : d);
        }}
      />
    </Tooltip>
  );
}
