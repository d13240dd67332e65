/** @module Explanations built on first read: scoring a province computes numbers; words are made when someone reads them. */
import type { Explanation } from './types.js';

/** An explanation whose text is produced on first access and then kept. Serialises like a plain object. */
export class LazyExplanation implements Explanation {
  private made: Explanation | undefined;
  constructor(private make: () => Explanation) {}

  get value(): Explanation {
    if (!this.made) {
      this.made = this.make();
      this.make = noMake;
    }
    return this.made;
  }
  get formula(): string {
    return this.value.formula;
  }
  get inputs(): Record<string, string> {
    return this.value.inputs;
  }
  get result(): string {
    return this.value.result;
  }
  get text(): string {
    return this.value.text;
  }
  toJSON(): Explanation {
    return this.value;
  }
}

function noMake(): Explanation {
  throw new Error('explanation already made');
}

/** Wraps a builder: `explain(() => ({ formula, inputs, result, text }))`. */
export function explain(make: () => Explanation): Explanation {
  return new LazyExplanation(make);
}
