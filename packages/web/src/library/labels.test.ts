import { describe, expect, it } from 'vitest';
import { rateText } from './labels.js';

describe('rateText', () => {
  it('moves the decimal point without floating point', () => {
    expect(rateText('0.8333')).toBe('83.33%');
    expect(rateText('1')).toBe('100.00%');
    expect(rateText('0.05')).toBe('5.00%');
    expect(rateText('0')).toBe('0.00%');
    expect(rateText(undefined)).toBe('—');
  });
});
