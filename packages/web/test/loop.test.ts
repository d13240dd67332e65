/**
 * @module End-to-end acceptance of the whole loop in Debian's Chromium (issue: goals → monitoring →
 * self-evaluation → library → analytics): a preparer declares goals for a new project and sees a
 * vague-target warning; the reviewer approves; the preparer records two quarterly monitoring snapshots,
 * the second behind schedule, and the warning appears on the preparer's and the reviewer's pages; the
 * self-evaluation is created from the goals with the targets carried over; after publication the
 * indicator library suggests the project's indicators to another unit typing a similar name; the
 * analytics page shows the project in its grade band. Screenshots of each page at 1366×768 (and the new
 * pages at tablet width) go to artifacts/web/.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, login, logout, open, settle, shot, shotOnFailure, suiteStack } from './support/harness.js';
import { hasText, see } from './support/assert.js';
import { addChild, confirmInDialog, waitSaved } from './support/editor.js';

/** A project name no seed uses, and an indicator name only it has. */
const PROJECT = '城乡饮用水水质监测';
const INDICATOR = '饮用水水质监测点位覆盖数';
/**
 * The project's year: the latest whose second quarter has ended, so both quarterly reports lie in the
 * past (a report may not be dated after today).
 */
const YEAR = new Date().getMonth() >= 6 ? new Date().getFullYear() : new Date().getFullYear() - 1;

/** Picks an option of an Ant Design select by its label, until the select shows it. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  const box = input.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    if ((await box.innerText()).includes(option)) return;
    await page.waitForTimeout(500);
  }
  throw new Error(`${label}：未能选中“${option}”`);
}

describe.skipIf(!hasChromium)('the whole loop in Chromium', () => {
  const stack = suiteStack();

  it('declares goals, monitors them, evaluates from them, and finds them again in the library and the analytics', async () => {
    const s = await open(stack, 'preparer');
    const page = s.page;
    shotOnFailure(page, 'loop');

    // --- preparer: declare the goals; a vague target is flagged as it is typed
    await page.goto(`${stack.base}/goals`);
    await see(page.getByTestId('goals-page'));
    await page.getByTestId('new-goal').click();
    await choose(page, '预算年度', `${YEAR}年`);
    await page.getByLabel('项目名称', { exact: true }).fill(PROJECT);
    await page.getByRole('button', { name: '创建并填写' }).click();
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    const goalUrl = page.url();
    const goalId = goalUrl.split('/').pop()!;
    await page.waitForSelector('.indicator-grid');
    await hasText(page.getByTestId('stage-banner'), '绩效目标申报表');
    // A declaration has no actuals and no score columns.
    expect(await page.locator('.indicator-grid thead th').allInnerTexts()).toEqual(['序号', '指标名称', '指标值', '分值', '批注']);

    await page.getByLabel('年度资金总额 年初预算数（万元）', { exact: true }).fill('200');
    await page.getByLabel('年度资金总额 全年预算数（万元）', { exact: true }).fill('200');
    await page.getByLabel('其中：本级财政拨款 年初预算数（万元）', { exact: true }).fill('200');
    await page.getByLabel('其中：本级财政拨款 全年预算数（万元）', { exact: true }).fill('200');
    await page.getByLabel('年度总体目标 预期目标', { exact: true }).fill(`完成全县${PROJECT}点位120个，水质检测合格率达到95%以上，群众满意度90%以上。`);

    await addChild(page, '数量指标', [INDICATOR, '进一步扩大', '20']);
    const vague = page.locator('.finding', { hasText: INDICATOR }).filter({ hasText: /不够明确|模糊|可衡量|量化/ });
    await see(vague);
    await settle(page);
    await shot(page, '20-goals-vague-target');
    // Mended: a measurable target.
    await page.getByRole('gridcell', { name: '指标值：进一步扩大' }).click();
    await page.keyboard.type('≥120个');
    await page.keyboard.press('Enter');
    await expect.poll(() => vague.count(), { timeout: 15_000 }).toBe(0);
    await addChild(page, '质量指标', ['水质检测合格率', '≥95%', '20']);
    await addChild(page, '时效指标', ['季度监测按时完成率', '100%', '10']);
    await addChild(page, '社会效益指标', ['饮用水安全知晓率', '≥90%', '30']);
    await addChild(page, '服务对象满意度指标', ['群众满意度', '≥90%', '10']);
    await waitSaved(page);
    await settle(page);
    await shot(page, '21-goals-editor');
    await page.getByRole('button', { name: '提交' }).click();
    await confirmInDialog(page, '确定提交');
    await page.waitForURL((u) => u.pathname === '/');
    await logout(page);

    // --- reviewer: approves the goals like an evaluation
    await login(page, stack.base, 'reviewer');
    await page.goto(goalUrl);
    await page.waitForSelector('.indicator-grid');
    await page.getByRole('button', { name: '审核通过' }).click();
    await confirmInDialog(page, '确定审核通过');
    await page.waitForURL((u) => u.pathname === '/');
    await logout(page);

    // --- preparer: creates the monitoring document from the approved goals and reports two quarters
    await login(page, stack.base, 'preparer');
    await page.goto(`${stack.base}/goals/${goalId}`);
    await see(page.getByTestId('goal-detail'));
    await settle(page);
    await shot(page, '22-goal-detail');
    await page.getByTestId('derive-monitoring').click();
    await confirmInDialog(page, '生成');
    await page.waitForURL(/\/monitoring\/[0-9a-f-]{36}$/);
    const monitoringUrl = page.url();
    await see(page.getByTestId('snapshot-form'));

    const report = async (period: string, asOf: string, executed: string, progress: string) => {
      await choose(page, '监控期间', period);
      await page.getByLabel('截止日期', { exact: true }).fill(asOf);
      await page.getByLabel('截止日期', { exact: true }).press('Enter');
      const money = page.getByLabel('累计执行数（万元）', { exact: true });
      await money.click();
      await money.press('Control+A');
      await money.pressSequentially(executed);
      await page.getByLabel(`“${INDICATOR}”截至目前完成`, { exact: true }).fill(progress);
      await hasText(page.getByTestId('snapshot-submit'), period);
      await page.getByTestId('snapshot-submit').click();
    };
    await report('第一季度', `${YEAR}-03-31`, '50', '30个');
    await hasText(page.getByTestId('snapshot-form'), `已报送${YEAR}年第一季度数据`);
    // The page reloads the reports after one is sent; wait for it before choosing the next period.
    await settle(page);
    await report('第二季度', `${YEAR}-06-30`, '60', '45个');
    await hasText(page.getByTestId('snapshot-form'), `已报送${YEAR}年第二季度数据`);
    await see(page.getByTestId('monitoring-case'));
    await hasText(page.getByTestId('monitoring-assessment'), '红');
    await settle(page, 800);
    await shot(page, '23-monitoring-preparer', true);
    await page.goto(`${stack.base}/monitoring`);
    await see(page.getByTestId('monitoring-table').getByText(PROJECT).first());
    await settle(page);
    await shot(page, '24-monitoring-list');
    await logout(page);

    // --- reviewer: sees the warning on the monitoring pages and responds
    await login(page, stack.base, 'reviewer');
    await page.goto(`${stack.base}/monitoring`);
    const row = page.getByTestId('monitoring-table').locator('tr', { hasText: PROJECT });
    await see(row);
    await hasText(row, '红');
    await page.goto(monitoringUrl);
    await see(page.getByTestId('monitoring-case'));
    await settle(page, 800);
    await shot(page, '25-monitoring-reviewer', true);
    await logout(page);

    // --- preparer: at year end, the self-evaluation from the goals, targets carried over
    await login(page, stack.base, 'preparer');
    await page.goto(`${stack.base}/goals/${goalId}`);
    await page.getByTestId('derive-self-evaluation').click();
    await confirmInDialog(page, '生成');
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    await page.waitForSelector('.indicator-grid');
    await see(page.getByRole('gridcell', { name: '指标值：≥120个' }));
    await see(page.getByRole('gridcell', { name: '指标值：≥95%' }));
    await hasText(page.getByTestId('stage-banner'), '依据');
    // The carried-over target cannot be typed over: a change is an adjustment on the goals page.
    await page.getByRole('gridcell', { name: '指标值：≥120个' }).click();
    await page.keyboard.press('Enter');
    await see(page.locator('.ant-message', { hasText: '调整申请' }));
    const actual = async (name: string, value: string) => {
      await page.getByRole('gridcell', { name: `指标名称：${name}` }).click();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.type(value);
      await page.keyboard.press('Enter');
    };
    await actual(INDICATOR, '120个');
    await actual('水质检测合格率', '97%');
    await actual('季度监测按时完成率', '100%');
    await actual('饮用水安全知晓率', '92%');
    await actual('群众满意度', '93%');
    // A rectangle of cells (Shift+arrows) copies as Excel reads it.
    await page.getByRole('gridcell', { name: `指标名称：${INDICATOR}` }).click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await hasText(page.locator('.grid-hint'), '已选 2 行 × 3 列');
    const copied = await page.evaluate(() => {
      const dt = new DataTransfer();
      document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }));
      return dt.getData('text/plain');
    });
    expect(copied.split(/\r?\n/).filter(Boolean).map((l) => l.split('\t'))).toEqual([
      [INDICATOR, '≥120个', '120个'],
      ['质量指标', '', ''],
    ]);
    await page.keyboard.press('Escape');
    await page.getByLabel('年度资金总额 全年执行数（万元）', { exact: true }).fill('190');
    await page.getByLabel('其中：本级财政拨款 全年执行数（万元）', { exact: true }).fill('190');
    await page.getByLabel('年度总体目标 实际完成情况', { exact: true }).fill('全年完成监测点位120个，合格率97%，群众满意度93%。');
    await expect.poll(() => page.getByTestId('total-score').innerText(), { timeout: 20_000 }).toMatch(/^\d/);
    const total = Number(await page.getByTestId('total-score').innerText());
    expect(total).toBeGreaterThanOrEqual(90);
    await waitSaved(page);
    await settle(page);
    await shot(page, '26-self-evaluation-from-goals');
    await page.getByRole('button', { name: '提交' }).click();
    await confirmInDialog(page, '确定提交');
    await page.waitForURL((u) => u.pathname === '/');
    const evaluationUrl = await (async () => {
      await page.goto(`${stack.base}/evaluations?q=${encodeURIComponent(PROJECT)}`);
      const link = page.getByRole('link', { name: new RegExp(`${PROJECT}.*自评`) }).first();
      await see(link);
      return `${stack.base}${await link.getAttribute('href')}`;
    })();
    await logout(page);

    // --- reviewer approves, the finance officer re-checks and publishes
    await login(page, stack.base, 'reviewer');
    await page.goto(evaluationUrl);
    await page.waitForSelector('.indicator-grid');
    await page.getByRole('button', { name: '审核通过' }).click();
    await confirmInDialog(page, '确定审核通过');
    await page.waitForURL((u) => u.pathname === '/');
    await logout(page);
    await login(page, stack.base, 'finance');
    await page.goto(evaluationUrl);
    await page.waitForSelector('.indicator-grid');
    await page.getByRole('button', { name: '复核通过' }).click();
    await confirmInDialog(page, '确定复核通过');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(evaluationUrl);
    await page.getByRole('button', { name: '公开' }).click();
    await confirmInDialog(page, '确定公开');
    await hasText(page.locator('.editor-meta'), '已公开');

    // --- finance: the analytics page shows the project in its grade band, and the band clicks through
    await page.goto(`${stack.base}/analytics?year=${YEAR}`);
    await see(page.getByTestId('analytics-summary'));
    await page.waitForSelector('.chart canvas');
    await settle(page, 800);
    await shot(page, '27-analytics', true);
    const grade = total >= 90 ? '优' : total >= 80 ? '良' : total >= 60 ? '中' : '差';
    // The grade chart as a table: the project's band holds a link to the evaluations behind it.
    const card = page.getByTestId('chart-grade-distribution-card');
    await card.getByText('表', { exact: true }).click();
    const table = page.getByTestId('chart-grade-distribution-table');
    await see(table);
    const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
    const column = headers.indexOf(grade);
    expect(column).toBeGreaterThan(0);
    const gradeRow = table.locator('tbody tr', { hasText: `${YEAR}` }).first();
    const band = gradeRow.locator('td').nth(column).getByRole('link');
    expect(Number.parseInt(await band.innerText(), 10)).toBeGreaterThanOrEqual(1);
    await band.click();
    await page.waitForURL(/\/evaluations\?/);
    await see(page.getByRole('link', { name: new RegExp(PROJECT) }).first());
    await settle(page);
    await shot(page, '28-analytics-click-through');
    // Results into next year's budget, and the rectification tasks.
    // Every year: the demo's seeds include projects graded 中 / 差, on the list with their treatment.
    await page.goto(`${stack.base}/results?year=all`);
    await see(page.getByTestId('results-page'));
    const listed = page.getByTestId('results-item').first();
    await see(listed);
    await see(listed.getByTestId('results-treatment'));
    await settle(page, 600);
    await shot(page, '34-results');
    // A listed project's findings become rectification tasks for its unit.
    await listed.getByTestId('results-create-tasks').click();
    await see(page.getByTestId('tasks-items'));
    await page.getByTestId('tasks-items').fill('资金管理：补充资金拨付凭证');
    // The demo's preparer's unit owns it, so that the rest of the loop can be driven here.
    await page.getByLabel('整改责任单位', { exact: true }).click();
    await page.keyboard.type('益阳');
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '益阳市市场监督管理局' }).first().click();
    await page.getByTestId('tasks-submit').click();
    await page.getByTestId('tasks-items').waitFor({ state: 'hidden' });
    await page.goto(`${stack.base}/results/tasks`);
    await see(page.getByTestId('task-row').filter({ hasText: '补充资金拨付凭证' }));
    await settle(page, 600);
    await shot(page, '35-rectification-tasks');
    await logout(page);

    // --- the owner unit starts the task and uploads a file as evidence; the reviewer closes it
    await login(page, stack.base, 'preparer');
    await page.goto(`${stack.base}/results/tasks`);
    const task = page.getByTestId('task-row').filter({ hasText: '补充资金拨付凭证' });
    await task.getByTestId('task-start').click();
    await hasText(task.getByTestId('task-status'), '整改中');
    await task.getByTestId('task-evidence').click();
    await page.getByTestId('evidence-upload').setInputFiles({ name: '资金拨付凭证.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 拨付凭证\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await page.getByTestId('evidence-note').fill('已补充2026年资金拨付凭证。');
    await page.getByTestId('evidence-submit').click();
    await see(task.getByText('资金拨付凭证.pdf'));
    await settle(page, 600);
    await shot(page, '35b-task-evidence');
    await logout(page);
    await login(page, stack.base, 'reviewer');
    await page.goto(`${stack.base}/results/tasks`);
    const reviewed = page.getByTestId('task-row').filter({ hasText: '补充资金拨付凭证' });
    await reviewed.getByTestId('task-close').click();
    await page.getByTestId('close-note-submit').click();
    await hasText(reviewed.getByTestId('task-status'), '已完成');
    await logout(page);

    // --- another unit: the library suggests the project's indicator while a similar name is typed
    await login(page, stack.base, 'preparer2');
    await page.goto(`${stack.base}/library?q=${encodeURIComponent('水质监测点位')}`);
    await see(page.getByTestId('library-results').getByText(INDICATOR).first());
    await settle(page);
    await shot(page, '29-library-search');
    await page.goto(`${stack.base}/goals`);
    await page.getByTestId('new-goal').click();
    await choose(page, '预算年度', `${YEAR}年`);
    await page.getByLabel('项目名称', { exact: true }).fill('农村饮水安全巩固提升');
    await page.getByRole('button', { name: '创建并填写' }).click();
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    await page.waitForSelector('.indicator-grid');
    await page.getByRole('gridcell', { name: '指标名称：数量指标' }).click();
    await page.getByRole('button', { name: '添加下级' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), { timeout: 15_000 }).toContain('指标名称');
    await page.keyboard.type('水质监测点位');
    const option = page.getByRole('option', { name: new RegExp(INDICATOR) });
    await see(option);
    await settle(page, 200);
    await shot(page, '30-library-suggestion');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await see(page.getByRole('gridcell', { name: `指标名称：${INDICATOR}` }));

    // The new pages at tablet width.
    const tablet = await open(stack, 'preparer', { width: 768, height: 1024 });
    for (const [path, name] of [
      ['/goals', '31-tablet-goals'],
      [new URL(monitoringUrl).pathname, '32-tablet-monitoring'],
      ['/library', '33-tablet-library'],
    ] as const) {
      await tablet.page.goto(`${stack.base}${path}`);
      await tablet.page.waitForLoadState('networkidle');
      await settle(tablet.page, 600);
      await shot(tablet.page, name);
      // Nothing wider than the screen.
      expect(await tablet.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    }
    expect(tablet.problems).toEqual([]);
    await tablet.context.close();
    const tabletFinance = await open(stack, 'finance', { width: 768, height: 1024 });
    for (const [path, name] of [
      [`/analytics?year=${YEAR}`, '36-tablet-analytics'],
      ['/results?year=all', '37-tablet-results'],
      ['/results/tasks', '38-tablet-tasks'],
    ] as const) {
      await tabletFinance.page.goto(`${stack.base}${path}`);
      await tabletFinance.page.waitForLoadState('networkidle');
      await settle(tabletFinance.page, 600);
      await shot(tabletFinance.page, name);
      expect(await tabletFinance.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    }
    expect(tabletFinance.problems).toEqual([]);
    await tabletFinance.context.close();

    expect(s.problems).toEqual([]);
    await s.context.close();
  }, 600_000);
});
