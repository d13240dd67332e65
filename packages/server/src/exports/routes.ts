/**
 * @module Export routes: the official 自评表 (xlsx), 自评报告 (docx, PDF), HTML and the interchange JSON; a goal
 * declaration's xlsx is the 绩效目标申报表.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { auditDocument, scoreDocument } from '@jixiao/core';
import type { EvaluationDocument } from '@jixiao/core';
import { ExportError, exportDocx, exportGoalsXlsx, exportHtml, exportOptionsFrom, exportPdf, exportXlsx } from '@jixiao/documents';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { AUTHED_READ, IdParam, errors, raw, router } from '../http/openapi.js';
import { contentDisposition } from '../evidence/files.js';
import { requireEvaluation } from '../evaluations/store.js';

const FORMATS = {
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', suffix: '自评表.xlsx' },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', suffix: '自评报告.docx' },
  pdf: { type: 'application/pdf', suffix: '自评报告.pdf' },
  html: { type: 'text/html; charset=utf-8', suffix: '自评报告.html' },
  json: { type: 'application/json; charset=utf-8', suffix: '.json' },
} as const;

type Format = keyof typeof FORMATS;

export function exportRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const { db } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{id}/export',
      tags: ['import / export'],
      summary: 'Download the document as 自评表 (xlsx; a goal declaration: 绩效目标申报表), 自评报告 (docx, pdf, html) or interchange JSON',
      middleware: g.read,
      request: { params: IdParam, query: z.object({ format: z.enum(['xlsx', 'docx', 'pdf', 'html', 'json']).default('xlsx') }) },
      responses: {
        200: { description: 'the file', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errors(...AUTHED_READ, 'not-found', 'not-ready', 'invalid-document'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const format: Format = c.req.valid('query').format;
      await requireEvaluation(db, user, id, 'export');
      const row = await db
        .selectFrom('evaluations')
        .select(['document', 'title', 'version'])
        .where('region', '=', user.region)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const doc = row.document as EvaluationDocument;
      const goals = doc.header.stage === 'goals' && format === 'xlsx';
      const suffix = goals ? '绩效目标申报表.xlsx' : FORMATS[format].suffix;
      // eslint-disable-next-line no-control-regex
      const name = `${row.title.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120)}${format === 'json' ? '' : '-'}${suffix}`;
      let body: string | Uint8Array;
      try {
        if (goals) {
          return raw(c, await exportGoalsXlsx(doc), 200, { 'Content-Type': FORMATS.xlsx.type, 'Content-Disposition': contentDisposition(name), 'Cache-Control': 'private, no-store' });
        }
        const report = scoreDocument(doc);
        const options = exportOptionsFrom(report, auditDocument(doc, { score: report }), new Date().toISOString());
        switch (format) {
          case 'xlsx':
            body = await exportXlsx(doc, options);
            break;
          case 'docx':
            body = await exportDocx(doc, options);
            break;
          case 'pdf':
            body = await exportPdf(doc, options);
            break;
          case 'html':
            body = exportHtml(doc, options);
            break;
          case 'json':
            body = JSON.stringify(doc, null, 2);
            break;
        }
      } catch (err) {
        throw exportFailed(err);
      }
      return raw(c, body, 200, {
        'Content-Type': FORMATS[format].type,
        'Content-Disposition': contentDisposition(name),
        'Cache-Control': 'private, no-store',
      });
    },
  );

  return app;
}

function exportFailed(err: unknown): AppError {
  if (err instanceof ExportError) {
    switch (err.code) {
      case 'no-converter':
      case 'timeout':
        return new AppError('not-ready', err.message, { cause: err });
      case 'invalid-document':
        return new AppError('invalid-document', err.message, { cause: err });
      default:
        return new AppError('internal', err.message, { cause: err });
    }
  }
  return new AppError('internal', '导出失败', { cause: err });
}
