/**
 * @module Import routes: preview a file (nothing saved), import one file now, and bulk-import many
 * files as a background job with progress.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { scoreDocument } from '@jixiao/core';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { formatBytes } from '../http/middleware.js';
import { AUTHED_READ, AUTHED_WRITE, IdParam, PageQuery, Uuid, errors, json, router } from '../http/openapi.js';
import type { AuthUser } from '../http/env.js';
import { analyse } from '../evaluations/analysis.js';
import { createEvaluation } from '../evaluations/store.js';
import { fileNameProblem } from '../evidence/files.js';
import { findOrg, orgSubject } from '../organisations/store.js';
import { allow } from '../permissions/policy.js';
import { createBatch } from './batches.js';
import { readUpload } from './read.js';

const FileField = z.instanceof(File).openapi({ type: 'string', format: 'binary', description: 'xlsx, docx, txt or interchange .json' });

const OneFileForm = z
  .object({
    file: FileField,
    orgId: Uuid.optional().openapi({ description: "the organisation to import into; default: the caller's" }),
  })
  .openapi('ImportFile');

const ManyFilesForm = z
  .object({
    files: z.union([FileField, z.array(FileField)]).openapi({ description: 'one or more files (repeat the field)' }),
    orgId: Uuid.optional(),
  })
  .openapi('ImportBatchUpload');

const ImportErrorSchema = z.object({ code: z.string(), message: z.string(), where: z.string().optional() });

const BatchSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    progress: z.number().openapi({ description: '(done + failed) / total, 0 to 1' }),
    createdBy: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    items: z
      .array(
        z.object({
          seq: z.number().int(),
          fileName: z.string(),
          size: z.number().int(),
          status: z.enum(['pending', 'done', 'failed']),
          evaluationIds: z.array(z.string()),
          error: ImportErrorSchema.nullable(),
        }),
      )
      .optional(),
  })
  .openapi('ImportBatch');

export function importRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const { db, config } = deps;

  const checkUpload = (file: File, field: string) => {
    const problem = fileNameProblem(file.name.normalize('NFC').trim());
    if (problem) throw new AppError('invalid-request', `${file.name}：${problem}`, { issues: [{ path: field, message: problem }] });
    if (file.size > config.MAX_IMPORT_FILE_BYTES) throw new AppError('payload-too-large', `${file.name} 超过单个文件上限 ${formatBytes(config.MAX_IMPORT_FILE_BYTES)}`);
    if (file.size === 0) throw new AppError('invalid-request', `${file.name} 是空文件`, { issues: [{ path: field, message: '空文件' }] });
  };

  const targetOrg = async (user: AuthUser, orgId: string | undefined) => {
    const org = await findOrg(db, user.region, orgId ?? user.orgId);
    if (!org) throw new AppError('invalid-request', '组织不存在', { issues: [{ path: 'form.orgId', message: '组织不存在' }] });
    if (!allow(user, 'evaluation.create', orgSubject(org))) throw new AppError('forbidden', `你不能向“${org.name}”导入评价文档`);
    return org;
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/import/preview',
      tags: ['import / export'],
      summary: 'Read a file into documents with the import report and the computed score; nothing is saved',
      middleware: g.write,
      request: { body: { content: { 'multipart/form-data': { schema: OneFileForm } }, required: true } },
      responses: {
        200: {
          description: 'documents read from the file',
          content: {
            'application/json': {
              schema: z.object({ documents: z.array(z.object({ document: z.unknown(), report: z.unknown(), total: z.string(), grade: z.string() })) }),
            },
          },
        },
        ...errors(...AUTHED_WRITE, 'invalid-file'),
      },
    }),
    async (c) => {
      const { file } = c.req.valid('form');
      checkUpload(file, 'form.file');
      const r = await readUpload(new Uint8Array(await file.arrayBuffer()), file.name, config.MAX_IMPORT_FILE_BYTES);
      if (!r.ok) throw importFailed(r.error);
      return json(c, {
        documents: r.documents.map((d) => {
          const s = scoreDocument(d.document);
          return { document: d.document, report: d.report, total: s.total.toString(), grade: s.grade };
        }),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/import',
      tags: ['import / export'],
      summary: 'Import one file now: every document in it becomes a new evaluation (草稿), all or none',
      middleware: g.write,
      request: { body: { content: { 'multipart/form-data': { schema: OneFileForm } }, required: true } },
      responses: {
        201: {
          description: 'created evaluations',
          content: { 'application/json': { schema: z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), total: z.string().nullable(), grade: z.string().nullable() })), reports: z.array(z.unknown()) }) } },
        },
        ...errors(...AUTHED_WRITE, 'invalid-file'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const form = c.req.valid('form');
      checkUpload(form.file, 'form.file');
      const org = await targetOrg(user, form.orgId);
      const r = await readUpload(new Uint8Array(await form.file.arrayBuffer()), form.file.name, config.MAX_IMPORT_FILE_BYTES);
      if (!r.ok) throw importFailed(r.error);
      const prepared = r.documents.map((d) => ({ document: d.document, analysis: analyse(d.document) }));
      const created = await db.transaction().execute(async (trx) => {
        const out: Array<{ id: string; title: string; total: string | null; grade: string | null }> = [];
        for (const p of prepared) {
          const e = await createEvaluation(trx, { region: user.region, id: user.id, requestId: c.get('requestId') }, { org, document: p.document, analysis: p.analysis });
          out.push({ id: e.id, title: p.document.header.title, total: p.analysis.total, grade: p.analysis.grade });
        }
        return out;
      });
      return json(c, { items: created, reports: r.documents.map((d) => d.report) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/imports',
      tags: ['import / export'],
      summary: 'Bulk import many files as a background job; poll GET /api/imports/{id} for progress',
      middleware: g.write,
      request: { body: { content: { 'multipart/form-data': { schema: ManyFilesForm } }, required: true } },
      responses: {
        202: { description: 'queued', content: { 'application/json': { schema: BatchSchema } } },
        ...errors(...AUTHED_WRITE, 'not-ready'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const form = c.req.valid('form');
      const jobs = deps.jobs.current;
      if (!jobs) throw new AppError('not-ready', '后台任务队列尚未启动');
      const files = Array.isArray(form.files) ? form.files : [form.files];
      if (files.length === 0) throw new AppError('invalid-request', '没有文件', { issues: [{ path: 'form.files', message: '没有文件' }] });
      if (files.length > config.MAX_IMPORT_BATCH_FILES) throw new AppError('invalid-request', `一次最多导入 ${config.MAX_IMPORT_BATCH_FILES} 个文件`);
      files.forEach((f, i) => checkUpload(f, `form.files[${i}]`));
      const org = await targetOrg(user, form.orgId);
      const contents = await Promise.all(files.map(async (f) => ({ name: f.name.normalize('NFC').trim(), bytes: new Uint8Array(await f.arrayBuffer()) })));
      const id = await db.transaction().execute((trx) => createBatch(trx, jobs, { region: user.region, id: user.id, requestId: c.get('requestId') }, org, contents));
      c.header('Location', `/api/imports/${id}`);
      return json(c, await batchView(user.region, id, true), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/imports',
      tags: ['import / export'],
      summary: 'Bulk imports: the caller’s own (all of the region for the admin and the finance office), newest first',
      middleware: g.read,
      request: { query: z.object(PageQuery) },
      responses: { 200: { description: 'batches', content: { 'application/json': { schema: z.object({ items: z.array(BatchSchema) }) } } }, ...errors(...AUTHED_READ) },
    }),
    async (c) => {
      const user = c.get('user');
      const { page, pageSize } = c.req.valid('query');
      let q = db.selectFrom('import_batches').select('id').where('region', '=', user.region);
      if (user.role !== 'admin' && user.role !== 'finance') q = q.where('created_by', '=', user.id);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
      const items = [];
      for (const r of rows) items.push(await batchView(user.region, r.id, false));
      return json(c, { items });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/imports/{id}',
      tags: ['import / export'],
      summary: 'Progress of a bulk import, file by file',
      middleware: g.read,
      request: { params: IdParam },
      responses: { 200: { description: 'the batch', content: { 'application/json': { schema: BatchSchema } } }, ...errors(...AUTHED_READ, 'not-found') },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const b = await db
        .selectFrom('import_batches as b')
        .innerJoin('orgs as o', (j) => j.onRef('o.region', '=', 'b.region').onRef('o.id', '=', 'b.org_id'))
        .select(['b.org_id', 'o.path', 'b.created_by'])
        .where('b.region', '=', user.region)
        .where('b.id', '=', id)
        .executeTakeFirst();
      if (!b || !allow(user, 'read', { type: 'import-batch', region: user.region, orgId: b.org_id, orgPath: b.path, createdBy: b.created_by })) {
        throw new AppError('not-found', '未找到该导入任务');
      }
      return json(c, await batchView(user.region, id, true));
    },
  );

  async function batchView(region: string, id: string, withItems: boolean) {
    const b = await db.selectFrom('import_batches').selectAll().where('region', '=', region).where('id', '=', id).executeTakeFirstOrThrow();
    const items = withItems
      ? await db
          .selectFrom('import_items')
          .select(['seq', 'file_name', 'size', 'status', 'evaluation_ids', 'error'])
          .where('region', '=', region)
          .where('batch_id', '=', id)
          .orderBy('seq')
          .execute()
      : undefined;
    return {
      id: b.id,
      orgId: b.org_id,
      status: b.status,
      total: b.total,
      done: b.done,
      failed: b.failed,
      progress: b.total === 0 ? 1 : Math.round(((b.done + b.failed) / b.total) * 1000) / 1000,
      createdBy: b.created_by,
      createdAt: b.created_at.toISOString(),
      finishedAt: b.finished_at?.toISOString() ?? null,
      ...(items
        ? {
            items: items.map((i) => ({ seq: i.seq, fileName: i.file_name, size: i.size, status: i.status, evaluationIds: i.evaluation_ids, error: i.error })),
          }
        : {}),
    };
  }

  return app;
}

function importFailed(error: { code: string; message: string; where?: string }): AppError {
  return new AppError('invalid-file', error.where ? `${error.message}（位置：${error.where}）` : error.message, {
    details: { importCode: error.code, ...(error.where ? { where: error.where } : {}) },
  });
}
