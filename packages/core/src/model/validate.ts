/** @module Validation of interchange documents: a parsed document or the list of problems, each with its JSON path. */
import { EvaluationDocument } from './schema.js';

export interface SchemaIssue {
  /** JSON path in the form `$.indicators[0].children[2].weight`. */
  path: string;
  message: string;
}

export type ParseResult =
  | { ok: true; document: EvaluationDocument }
  | { ok: false; issues: SchemaIssue[] };

/** Renders a zod path as a JSON path: ['indicators', 0, 'weight'] → `$.indicators[0].weight`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Validates unknown JSON as an evaluation document; never throws. */
export function parseDocument(input: unknown): ParseResult {
  const result = EvaluationDocument.safeParse(input);
  if (result.success) return { ok: true, document: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
  };
}
