/**
 * @module End-to-end acceptance of the web app in Debian's Chromium: the whole review loop from a new
 * draft to the public portal, the import wizard with a download, the conflict dialog with two
 * browser contexts, and a screenshot of every main page at 1366×768 (and tablet width) written to
 * artifacts/web/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportXlsx } from '@jixiao/documents';
import { parseDocument } from '@jixiao/core';
import { ARTIFACTS, hasChromium, login, logout, open, ROOT, settle, shot, shotOnFailure, suiteStack } from './support/harness.js';
import type { Session } from './support/harness.js';
import { gone, hasText, hasValue, see } from './support/assert.js';
import { addChild, confirmInDialog, waitSaved } from './support/editor.js';

const PROJECT = '食品安全抽检专项';
const TITLE = new RegExp(PROJECT);

/** Console errors worth failing on: all of them (the login and public pages do not probe a session nobody has). */
function realProblems(s: Session): string[] {
  return s.problems;
}

async function total(page: Page): Promise<string> {
  return page.getByTestId('total-score').innerText();
}

async function openFromCard(page: Page, card: string): Promise<void> {
  const c = page.locator('.ant-card').filter({ hasText: card });
  await c.getByRole('link', { name: TITLE }).first().click();
  await page.waitForSelector('.indicator-grid');
}

describe.skipIf(!hasChromium)('web app end to end (Chromium)', () => {
  const stack = suiteStack();
  let evaluationUrl = '';

  it('takes a new evaluation from draft through review to the public portal', async () => {
    // --- preparer: log in, create, fill, see the score move, follow a finding, submit
    const p = await open(stack, 'preparer');
    const page = p.page;
    shotOnFailure(page, 'workflow');
    await see(page.getByRole('heading', { name: '我的绩效自评' }));
    await settle(page);
    await shot(page, '02-home-preparer');
    await page.getByRole('button', { name: '新建评价' }).click();
    await page.getByLabel('项目名称', { exact: true }).fill(PROJECT);
    await page.getByRole('button', { name: '创建并填写' }).click();
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    evaluationUrl = page.url();
    await page.waitForSelector('.indicator-grid');

    const before = await total(page);
    await page.getByLabel('年度资金总额 年初预算数（万元）', { exact: true }).fill('200');
    await page.getByLabel('年度资金总额 全年预算数（万元）', { exact: true }).fill('200');
    await page.getByLabel('年度资金总额 全年执行数（万元）', { exact: true }).fill('180');
    await page.getByLabel('其中：本级财政拨款 全年预算数（万元）', { exact: true }).fill('200');
    await page.getByLabel('其中：本级财政拨款 全年执行数（万元）', { exact: true }).fill('180');
    await hasText(page.locator('.funding-total'), '90.00%');
    expect(await total(page)).not.toBe(before);
    expect(await total(page)).toBe('9');
    await page.getByLabel('年度总体目标 预期目标', { exact: true }).fill('全年完成食品安全抽检500批次以上，抽检合格率保持在95%以上，群众满意度90%以上。');
    await page.getByLabel('年度总体目标 实际完成情况', { exact: true }).fill('全年完成抽检480批次，合格率97%，群众满意度93%。');

    // One indicator: the score follows as the actual is typed (25 × 480 ÷ 500 = 24).
    await addChild(page, '数量指标', ['食品抽检批次', '≥500批次', '480批次', '25']);
    await see(page.getByRole('gridcell', { name: '得分：24' }));
    expect(await total(page)).toBe('33');
    await hasText(page.locator('.g-row', { hasText: '食品抽检批次' }).locator('.cell-hint').first(), '不少于500批次');

    // The 产出 section is declared at 50 but its indicators add up to 25: the audit says so; a click focuses the cell.
    const finding = page.locator('.finding[data-code="WEIGHT-SECTION-DECLARED"]', { hasText: '产出指标' });
    await see(finding);
    await shot(page, '04-editor-finding');
    await finding.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), { timeout: 15_000 }).toBe('分值（产出指标）');

    await addChild(page, '质量指标', ['抽检合格率', '≥95%', '97%', '25']);
    await gone(finding);

    // A block copied from Excel: two rows, four columns, pasted under 社会效益指标.
    await page.getByRole('gridcell', { name: '指标名称：社会效益指标' }).click();
    await page.getByRole('button', { name: '添加下级' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), { timeout: 15_000 }).toContain('指标名称');
    await page.evaluate((text) => {
      const el = document.activeElement!;
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, '不合格食品核查处置率\t100%\t100%\t15\r\n食品安全投诉按时办结率\t≥95%\t98%\t15\r\n');
    await see(page.getByRole('gridcell', { name: '指标名称：食品安全投诉按时办结率' }));
    await addChild(page, '服务对象满意度指标', ['群众满意度', '≥90%', '93%', '10']);
    await expect.poll(() => total(page), { timeout: 15_000 }).toBe('98');
    await waitSaved(page);
    await settle(page);
    await shot(page, '03-editor-filled');
    await page.locator('#sec-indicators').scrollIntoViewIfNeeded();
    await shot(page, '03b-editor-grid');

    await page.getByRole('button', { name: '提交' }).click();
    await confirmInDialog(page, '确定提交');
    await page.waitForURL((u) => u.pathname === '/');
    await logout(page);

    // --- reviewer: comment on an indicator and return with a message
    await login(page, stack.base, 'reviewer');
    await see(page.getByRole('heading', { name: '审核工作台' }));
    await settle(page);
    await shot(page, '05-home-reviewer');
    await openFromCard(page, '待审核');
    await page.getByRole('button', { name: '批注（0条）：食品抽检批次' }).click();
    await page.getByLabel('新批注', { exact: true }).fill('抽检批次未达到500批次，请在偏差原因中说明，并上传抽检台账。');
    await page.getByRole('button', { name: '发表批注' }).click();
    await hasText(page.locator('.comment-list'), '抽检台账');
    await shot(page, '06-review-comment');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '退回' }).click();
    await page.getByLabel('退回原因（填报人将看到）', { exact: true }).fill('请补充食品抽检批次的偏差原因。');
    await confirmInDialog(page, '退回');
    await page.waitForURL((u) => u.pathname === '/');
    await logout(page);

    // --- preparer: sees the reason and the comment where it applies, fixes, resubmits
    await login(page, stack.base, 'preparer');
    await openFromCard(page, '被退回');
    await hasText(page.locator('.return-notice'), '请补充食品抽检批次的偏差原因');
    await see(page.getByRole('button', { name: '批注（1条）：食品抽检批次' }));
    await settle(page);
    await shot(page, '07-editor-returned');
    await page.getByRole('gridcell', { name: '实际完成值：480批次' }).click();
    await page.keyboard.type('520批次');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('二季度抽检计划调整，已在四季度补足。');
    await page.keyboard.press('Enter');
    await see(page.getByRole('gridcell', { name: '得分：25' }).first());
    await expect.poll(() => total(page), { timeout: 15_000 }).toBe('99');
    await waitSaved(page);
    // Evidence for the indicator the reviewer asked about.
    await page.getByRole('gridcell', { name: '指标名称：食品抽检批次' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const evidence = page.getByRole('dialog', { name: '佐证材料：食品抽检批次' });
    await evidence.locator('input[type=file]').setInputFiles({ name: '抽检台账.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 抽检台账\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await hasText(evidence.locator('.file-list'), '抽检台账.pdf');
    await settle(page);
    await shot(page, '07b-evidence');
    await evidence.getByRole('button', { name: '关闭' }).first().click();
    await see(page.getByRole('button', { name: '佐证材料（1个）：食品抽检批次' }));
    await waitSaved(page);
    await page.getByRole('button', { name: '提交' }).click();
    await confirmInDialog(page, '确定提交');
    await page.waitForURL((u) => u.pathname === '/');
    await logout(page);

    // --- reviewer: re-scores with a reason and approves
    await login(page, stack.base, 'reviewer');
    await openFromCard(page, '待审核');
    await page.getByRole('gridcell', { name: '指标名称：抽检合格率' }).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByLabel('复核得分', { exact: true }).fill('24');
    await page.getByLabel('复核理由', { exact: true }).fill('合格率佐证为抽样统计，按 24 分计。');
    await page.getByRole('button', { name: '保存复核分' }).click();
    await see(page.locator('.tag-review', { hasText: '复核 24' }));
    await page.getByRole('button', { name: '审核通过' }).click();
    await confirmInDialog(page, '确定审核通过');
    await page.waitForURL((u) => u.pathname === '/');
    await logout(page);

    // --- finance officer: re-checks and publishes
    await login(page, stack.base, 'finance');
    await see(page.getByRole('heading', { name: '本级绩效概况' }));
    await page.waitForSelector('.chart canvas');
    await settle(page, 800);
    await shot(page, '08-home-finance');
    await openFromCard(page, '待复核');
    await page.getByRole('button', { name: '复核通过' }).click();
    await confirmInDialog(page, '确定复核通过');
    await page.waitForURL((u) => u.pathname === '/');
    await openFromCard(page, '待公开');
    await page.getByRole('button', { name: '公开' }).click();
    await confirmInDialog(page, '确定公开');
    await hasText(page.locator('.editor-meta'), '已公开');

    // History: the return with its reason, and the audit trail as readable differences.
    await page.getByRole('button', { name: '历史' }).click();
    await hasText(page.locator('.ant-timeline'), '请补充食品抽检批次的偏差原因');
    await settle(page);
    await shot(page, '09-history');
    await page.getByRole('tab', { name: '修改明细' }).click();
    await hasText(page.locator('.event-list'), '实际完成值');
    await settle(page);
    await shot(page, '09b-history-trail');
    expect(realProblems(p)).toEqual([]);
    await p.context.close();

    // --- the public portal, without logging in
    const visitor = await open(stack);
    shotOnFailure(visitor.page, 'public');
    await visitor.page.goto(`${stack.base}/public`);
    await visitor.page.getByRole('link', { name: TITLE }).click();
    await hasText(visitor.page.locator('table.sheet[aria-label="绩效指标"]'), '食品抽检批次');
    await settle(visitor.page);
    await shot(visitor.page, '11-public-sheet');
    await visitor.page.getByText('自评报告', { exact: true }).click();
    await hasText(visitor.page.locator('.report'), '自评结论');
    await shot(visitor.page, '11b-public-report');
    const scripts = await visitor.page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.js')));
    expect(scripts.some((s) => /EditorPage|AppShell/.test(s))).toBe(false);
    expect(realProblems(visitor)).toEqual([]);
    await visitor.context.close();
  }, 420_000);

  it('imports an xlsx through the wizard and downloads the 自评报告 docx', async () => {
    const seed = parseDocument(JSON.parse(readFileSync(join(ROOT, 'packages/core/fixtures/seeds/000.json'), 'utf8')));
    if (!seed.ok) throw new Error('seed 000 does not parse');
    const file = join(stack.dataDir, '质量监管项目自评表.xlsx');
    writeFileSync(file, await exportXlsx(seed.document));

    const s = await open(stack, 'preparer');
    const page = s.page;
    shotOnFailure(page, 'import');
    await page.goto(`${stack.base}/import`);
    await settle(page);
    await shot(page, '12-import-upload');
    await page.locator('input[type=file]').setInputFiles(file);
    await see(page.getByText('读取到'), { timeout: 30_000 });
    await see(page.getByRole('tab', { name: /推测的内容/ }));
    await page.getByLabel('标题', { exact: true }).fill('2020年度质量监管项目资金绩效自评（导入）');
    await expect.poll(() => page.locator('.import-aside .score-big').innerText(), { timeout: 15_000 }).not.toBe('');
    await settle(page);
    await shot(page, '12b-import-review');
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await see(page.getByText('已保存 1 份草稿'), { timeout: 30_000 });
    await page.getByRole('button', { name: /^打开“/ }).click();
    await page.waitForSelector('.indicator-grid');
    await hasText(page.locator('.editor-title h1'), '2020年度质量监管项目资金绩效自评（导入）', true);
    await see(page.getByRole('gridcell', { name: '指标名称：生产及流通领域产品质量监督抽查量' }));

    await page.getByRole('button', { name: '下载' }).click();
    const link = page.getByRole('link', { name: '自评报告（Word）' });
    expect(await link.getAttribute('href')).toMatch(/\/api\/evaluations\/[0-9a-f-]{36}\/export\?format=docx$/);
    const saved = join(ARTIFACTS, 'downloaded-report.docx');
    const downloading = page.waitForEvent('download', { timeout: 30_000 }).catch(() => undefined);
    await link.click();
    const download = await downloading;
    let bytes: Buffer;
    if (download) {
      expect(download.suggestedFilename()).toMatch(/自评报告\.docx$/);
      await download.saveAs(saved);
      bytes = readFileSync(saved);
    } else {
      // The browser did not report the download in time (seen on a loaded machine): fetch the same
      // link from the page, with the session, and check what it serves.
      console.warn('no download event within 30 s; fetching the link instead');
      const href = (await link.getAttribute('href'))!;
      const got = await page.evaluate(async (url) => {
        const r = await fetch(url);
        return { status: r.status, disposition: r.headers.get('content-disposition') ?? '', bytes: Array.from(new Uint8Array(await r.arrayBuffer())) };
      }, href);
      expect(got.status).toBe(200);
      expect(decodeURIComponent(got.disposition)).toMatch(/自评报告\.docx/);
      bytes = Buffer.from(got.bytes);
      writeFileSync(saved, bytes);
    }
    expect(bytes.length).toBeGreaterThan(2000);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(realProblems(s)).toEqual([]);
    await s.context.close();
  }, 240_000);

  it('shows who saved in between, and lets each side keep theirs or take the other', async () => {
    const a = await open(stack, 'preparer');
    await a.page.getByRole('button', { name: '新建评价' }).click();
    await a.page.getByLabel('项目名称', { exact: true }).fill('冲突测试专项');
    await a.page.getByRole('button', { name: '创建并填写' }).click();
    await a.page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    await a.page.waitForSelector('.indicator-grid');
    const url = a.page.url();

    const b = await open(stack, 'unithead');
    shotOnFailure(b.page, 'conflict-b');
    await b.page.goto(url);
    await b.page.waitForSelector('.indicator-grid');

    await a.page.getByLabel('年度总体目标 预期目标', { exact: true }).fill('甲：完成全年监督抽查任务。');
    await waitSaved(a.page);

    await b.page.getByLabel('年度总体目标 预期目标', { exact: true }).fill('乙：完成抽查并公开结果。');
    const dialog = b.page.getByRole('dialog', { name: '保存冲突：文档已被他人修改' });
    await see(dialog, { timeout: 30_000 });
    await hasText(dialog, '填报人 张伟');
    await hasText(dialog, '年度总体目标 1');
    await settle(b.page);
    await shot(b.page, '10-conflict-dialog');
    await dialog.getByRole('button', { name: '保留我的修改（覆盖对方）' }).click();
    await waitSaved(b.page);

    // A edits again on the stale copy: now A is told, and takes B's version.
    await a.page.getByLabel('年度总体目标 实际完成情况', { exact: true }).fill('甲补充的完成情况');
    const dialogA = a.page.getByRole('dialog', { name: '保存冲突：文档已被他人修改' });
    await see(dialogA, { timeout: 30_000 });
    await hasText(dialogA, '单位负责人 刘洋');
    await dialogA.getByRole('button', { name: '放弃我的修改，载入最新版本' }).click();
    await hasValue(a.page.getByLabel('年度总体目标 预期目标', { exact: true }), '乙：完成抽查并公开结果。');
    // The draft is not needed any more: delete it.
    await a.page.getByRole('button', { name: '删除草稿' }).click();
    await confirmInDialog(a.page, '删除');
    await a.page.waitForURL((u) => u.pathname === '/evaluations');
    expect(realProblems(a).filter((x) => !/status of 409/.test(x))).toEqual([]);
    expect(realProblems(b).filter((x) => !/status of 409/.test(x))).toEqual([]);
    await a.context.close();
    await b.context.close();
  }, 180_000);

  it('renders every main page at 1366×768 and at tablet width', async () => {
    const visitor = await open(stack);
    await visitor.page.goto(`${stack.base}/login`);
    await settle(visitor.page);
    await shot(visitor.page, '01-login');
    await visitor.page.goto(`${stack.base}/public`);
    await see(visitor.page.locator('.ant-table-row').first());
    await settle(visitor.page);
    await shot(visitor.page, '11a-public-list');
    await visitor.context.close();

    const admin = await open(stack, 'admin');
    for (const [path, name, ready] of [
      ['/admin/users', '13-admin-users', '.ant-table-row'],
      ['/admin/orgs', '14-admin-orgs', '.org-node'],
      ['/admin/rulesets', '15-admin-rulesets', '.ruleset'],
    ] as const) {
      await admin.page.goto(`${stack.base}${path}`);
      await admin.page.waitForSelector(ready);
      await settle(admin.page);
      await shot(admin.page, name);
    }
    expect(realProblems(admin)).toEqual([]);
    await admin.context.close();

    const finance = await open(stack, 'finance');
    await finance.page.goto(`${stack.base}/evaluations`);
    await finance.page.waitForSelector('.ant-table-row');
    await settle(finance.page);
    await shot(finance.page, '16-list');
    await finance.page.getByRole('link', { name: /2020年度质量监管项目资金绩效自评报告/ }).first().click();
    await finance.page.waitForSelector('.indicator-grid');
    await settle(finance.page);
    await shot(finance.page, '17-editor-seed-readonly');
    // The report's prose, 存在的问题 and 改进措施 as imported from the seed, read-only here.
    await finance.page.locator('#sec-report').scrollIntoViewIfNeeded();
    await see(finance.page.getByLabel('存在的问题 第 1 条', { exact: true }));
    await settle(finance.page);
    await shot(finance.page, '17b-editor-report');
    expect(realProblems(finance)).toEqual([]);
    await finance.context.close();

    const tablet = await open(stack, 'preparer', { width: 820, height: 1180 });
    await settle(tablet.page);
    await shot(tablet.page, '18-tablet-home');
    await tablet.page.goto(evaluationUrl || `${stack.base}/evaluations`);
    await tablet.page.waitForSelector(evaluationUrl ? '.indicator-grid' : '.ant-table');
    await settle(tablet.page);
    await shot(tablet.page, '19-tablet-editor');
    expect(realProblems(tablet)).toEqual([]);
    await tablet.context.close();
  }, 240_000);
});
