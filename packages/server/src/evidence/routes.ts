/**
 * @module Evidence routes: upload (multipart, size and type limits), list, download, delete. Each
 * file belongs to one indicator and is listed in the document (`indicator.evidence`), so uploading or
 * deleting saves a new version of the document in the same transaction.
 */
import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { EvaluationDocument } from '@jixiao/core';
import { recordEvent } from '../audit-trail/events.js';
import type { Deps } from '../deps.js';
import { uuidv7 } from '../db/ids.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { formatBytes } from '../http/middleware.js';
import { AUTHED_READ, AUTHED_WRITE, IdParam, Uuid, errors, json, raw, router } from '../http/openapi.js';
import { findIndicator } from '../evaluations/analysis.js';
import { loadDocument, requireEvaluation, saveEvaluation } from '../evaluations/store.js';
import { versionFromIfMatch } from '../evaluations/queries.js';
import { checkFile, contentDisposition, EVIDENCE_KINDS } from './files.js';

const EvidenceSchema = z
  .object({
    id: z.string(),
    indicatorId: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.object({ id: z.string(), name: z.string() }),
    uploadedAt: z.string(),
    url: z.string(),
  })
  .openapi('Evidence');

const UploadForm = z
  .object({
    file: z.instanceof(File).openapi({ type: 'string', format: 'binary', description: `one file: ${EVIDENCE_KINDS.map((k) => k.extension).join(', ')}` }),
    indicatorId: z.string().min(1).max(200).openapi({ description: 'the indicator the file supports' }),
  })
  .openapi('EvidenceUpload');

const EvidenceParam = IdParam.extend({ evidenceId: Uuid.openapi({ param: { name: 'evidenceId', in: 'path' } }) });

export function evidenceRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const { db, config } = deps;
  const url = (id: string, evidenceId: string) => `/api/evaluations/${id}/evidence/${evidenceId}`;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{id}/evidence',
      tags: ['evidence'],
      summary: 'The evidence files of a document',
      middleware: g.read,
      request: { params: IdParam },
      responses: { 200: { description: 'files', content: { 'application/json': { schema: z.object({ items: z.array(EvidenceSchema) }) } } }, ...errors(...AUTHED_READ, 'not-found') },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      await requireEvaluation(db, user, id, 'evidence.read');
      const rows = await db
        .selectFrom('evidence_files as f')
        .innerJoin('users as u', (j) => j.onRef('u.region', '=', 'f.region').onRef('u.id', '=', 'f.uploaded_by'))
        .select(['f.id', 'f.indicator_id', 'f.file_name', 'f.media_type', 'f.size', 'f.sha256', 'f.uploaded_by', 'u.display_name', 'f.uploaded_at'])
        .where('f.region', '=', user.region)
        .where('f.evaluation_id', '=', id)
        .orderBy('f.uploaded_at')
        .execute();
      return json(c, {
        items: rows.map((r) => ({
          id: r.id,
          indicatorId: r.indicator_id,
          fileName: r.file_name,
          mediaType: r.media_type,
          size: r.size,
          sha256: r.sha256,
          uploadedBy: { id: r.uploaded_by, name: r.display_name },
          uploadedAt: r.uploaded_at.toISOString(),
          url: url(id, r.id),
        })),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{id}/evidence',
      tags: ['evidence'],
      summary: `Upload an evidence file for an indicator (at most ${formatBytes(config.MAX_EVIDENCE_BYTES)}; content must match the extension)`,
      middleware: g.write,
      request: { params: IdParam, body: { content: { 'multipart/form-data': { schema: UploadForm } }, required: true } },
      responses: {
        201: { description: 'stored and listed in the document', content: { 'application/json': { schema: EvidenceSchema } } },
        ...errors(...AUTHED_WRITE, 'not-found', 'unsupported-media-type', 'version-conflict'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const form = c.req.valid('form');
      const file = form.file;
      if (file.size > config.MAX_EVIDENCE_BYTES) throw new AppError('payload-too-large', `文件超过上限 ${formatBytes(config.MAX_EVIDENCE_BYTES)}`);
      if (file.size === 0) throw new AppError('invalid-request', '文件为空', { issues: [{ path: 'form.file', message: '文件为空' }] });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const check = checkFile(file.name, bytes);
      if (!check.ok) {
        if (check.status === 'invalid-name') throw new AppError('invalid-request', check.message, { issues: [{ path: 'form.file', message: check.message }] });
        throw new AppError('unsupported-media-type', check.message);
      }
      const ifMatch = c.req.header('if-match');
      const expected = versionFromIfMatch(ifMatch);
      if (ifMatch !== undefined && expected === undefined) throw new AppError('invalid-request', 'If-Match 格式无效');
      const evidenceId = uuidv7();
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const uploadedAt = new Date();
      await db.transaction().execute(async (trx) => {
        const current = await requireEvaluation(trx, user, id, 'evidence.upload', { lock: true });
        const doc = structuredClone(await loadDocument(trx, user.region, id)) as EvaluationDocument;
        const node = findIndicator(doc, form.indicatorId);
        if (!node) throw new AppError('invalid-request', `文档中没有指标 ${form.indicatorId}`, { issues: [{ path: 'form.indicatorId', message: '指标不存在' }] });
        await trx
          .insertInto('evidence_files')
          .values({
            region: user.region,
            id: evidenceId,
            evaluation_id: id,
            indicator_id: form.indicatorId,
            file_name: check.name,
            media_type: check.kind.mediaType,
            size: bytes.length,
            sha256,
            content: bytes,
            uploaded_by: user.id,
            uploaded_at: uploadedAt,
          })
          .execute();
        node.evidence = [...(node.evidence ?? []), { id: evidenceId, name: check.name, ref: url(id, evidenceId), size: bytes.length, mediaType: check.kind.mediaType }];
        await saveEvaluation(trx, { region: user.region, id: user.id, requestId: c.get('requestId') }, {
          current,
          expectedVersion: expected ?? current.version,
          document: doc,
          action: 'evidence.upload',
          note: { evidenceId, fileName: check.name, size: bytes.length, sha256, indicatorId: form.indicatorId },
        });
      });
      deps.evaluations.invalidate(`${user.region}:${id}`);
      return json(
        c,
        {
          id: evidenceId,
          indicatorId: form.indicatorId,
          fileName: check.name,
          mediaType: check.kind.mediaType,
          size: bytes.length,
          sha256,
          uploadedBy: { id: user.id, name: user.displayName },
          uploadedAt: uploadedAt.toISOString(),
          url: url(id, evidenceId),
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{id}/evidence/{evidenceId}',
      tags: ['evidence'],
      summary: 'Download an evidence file (as an attachment)',
      middleware: g.read,
      request: { params: EvidenceParam },
      responses: { 200: { description: 'the file', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errors(...AUTHED_READ, 'not-found') },
    }),
    async (c) => {
      const user = c.get('user');
      const { id, evidenceId } = c.req.valid('param');
      await requireEvaluation(db, user, id, 'evidence.read');
      const f = await db
        .selectFrom('evidence_files')
        .select(['file_name', 'media_type', 'content', 'sha256'])
        .where('region', '=', user.region)
        .where('evaluation_id', '=', id)
        .where('id', '=', evidenceId)
        .executeTakeFirst();
      if (!f) throw new AppError('not-found', '未找到该佐证材料');
      return raw(c, f.content, 200, {
        'Content-Type': f.media_type,
        'Content-Disposition': contentDisposition(f.file_name),
        ETag: `"${f.sha256}"`,
        'Cache-Control': 'private, no-store',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/evaluations/{id}/evidence/{evidenceId}',
      tags: ['evidence'],
      summary: 'Delete an evidence file and its entry in the document',
      middleware: g.write,
      request: { params: EvidenceParam },
      responses: { 204: { description: 'deleted' }, ...errors(...AUTHED_WRITE, 'not-found', 'version-conflict') },
    }),
    async (c) => {
      const user = c.get('user');
      const { id, evidenceId } = c.req.valid('param');
      const ifMatch = c.req.header('if-match');
      const expected = versionFromIfMatch(ifMatch);
      if (ifMatch !== undefined && expected === undefined) throw new AppError('invalid-request', 'If-Match 格式无效');
      await db.transaction().execute(async (trx) => {
        const current = await requireEvaluation(trx, user, id, 'evidence.delete', { lock: true });
        const f = await trx
          .deleteFrom('evidence_files')
          .where('region', '=', user.region)
          .where('evaluation_id', '=', id)
          .where('id', '=', evidenceId)
          .returning(['indicator_id', 'file_name', 'size', 'sha256'])
          .executeTakeFirst();
        if (!f) throw new AppError('not-found', '未找到该佐证材料');
        const doc = structuredClone(await loadDocument(trx, user.region, id)) as EvaluationDocument;
        const node = findIndicator(doc, f.indicator_id);
        if (node?.evidence) node.evidence = node.evidence.filter((e) => e.id !== evidenceId);
        const note = { evidenceId, fileName: f.file_name, size: f.size, sha256: f.sha256, indicatorId: f.indicator_id };
        const saved = await saveEvaluation(trx, { region: user.region, id: user.id, requestId: c.get('requestId') }, {
          current,
          expectedVersion: expected ?? current.version,
          document: doc,
          action: 'evidence.delete',
          note,
        });
        // The file was not listed in the document any more: the deletion still goes on the record.
        if (!saved.changed) {
          await recordEvent(trx, { region: user.region, actorId: user.id, action: 'evidence.delete', subjectType: 'evidence', subjectId: evidenceId, evaluationId: id, diff: note, requestId: c.get('requestId') });
        }
      });
      deps.evaluations.invalidate(`${user.region}:${id}`);
      return c.body(null, 204) as never;
    },
  );

  return app;
}
