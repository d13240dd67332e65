/** @module JSON Schema of the interchange format, generated from the zod definition. */
import { z } from 'zod';
import { EvaluationDocument, SCHEMA_VERSION } from './schema.js';

/** The JSON Schema (draft 2020-12) of an evaluation document, as committed in `schema/`. */
export function toJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(EvaluationDocument, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $id: `https://jixiao.dev/schema/evaluation.v${SCHEMA_VERSION}.json`,
    title: 'jixiao evaluation document (绩效评价文档)',
    ...schema,
  };
}
