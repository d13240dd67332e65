/**
 * @module The route table. Every page is its own chunk (React.lazy): the login and public pages load
 * neither the editor nor the application shell.
 */
import { lazy, Suspense } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SessionProvider } from '../auth/session.js';
import { Loading } from './Loading.js';
import { RequireAuth } from './RequireAuth.js';

const LoginPage = lazy(() => import('../auth/LoginPage.js'));
const PublicApp = lazy(() => import('../public/PublicApp.js'));
const AppShell = lazy(() => import('./AppShell.js'));
const HomePage = lazy(() => import('../home/HomePage.js'));
const ListPage = lazy(() => import('../evaluations/list/ListPage.js'));
const AnalyticsPage = lazy(() => import('../analytics/AnalyticsPage.js'));
const EditorPage = lazy(() => import('../editor/EditorPage.js'));
const HistoryPage = lazy(() => import('../history/HistoryPage.js'));
const ImportPage = lazy(() => import('../import/ImportPage.js'));
const UsersPage = lazy(() => import('../admin/UsersPage.js'));
const OrgsPage = lazy(() => import('../admin/OrgsPage.js'));
const RuleSetsPage = lazy(() => import('../admin/RuleSetsPage.js'));
const PasswordPage = lazy(() => import('../auth/PasswordPage.js'));
const GoalsPage = lazy(() => import('../goals/GoalsPage.js'));
const GoalDetailPage = lazy(() => import('../goals/GoalDetailPage.js'));
const MonitoringPage = lazy(() => import('../monitoring/MonitoringPage.js'));
const MonitoringDetailPage = lazy(() => import('../monitoring/MonitoringDetailPage.js'));
const LibraryPage = lazy(() => import('../library/LibraryPage.js'));
const LibraryEntryPage = lazy(() => import('../library/LibraryEntryPage.js'));
const ResultsPage = lazy(() => import('../results/ResultsPage.js'));
const TasksPage = lazy(() => import('../results/TasksPage.js'));
const NotFound = lazy(() => import('./NotFound.js'));

function page(C: LazyExoticComponent<ComponentType>, tip?: string) {
  return (
    <Suspense fallback={<Loading tip={tip} />}>
      <C />
    </Suspense>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={page(LoginPage)} />
          <Route path="/public/*" element={page(PublicApp)} />
          <Route
            element={
              <RequireAuth>
                <Suspense fallback={<Loading />}>
                  <AppShell />
                </Suspense>
              </RequireAuth>
            }
          >
            <Route index element={page(HomePage)} />
            <Route path="evaluations" element={page(ListPage)} />
            <Route path="analytics" element={page(AnalyticsPage, '正在汇总分析…')} />
            <Route path="evaluations/:id" element={page(EditorPage, '正在打开编辑器…')} />
            <Route path="evaluations/:id/history" element={page(HistoryPage)} />
            <Route path="import" element={page(ImportPage)} />
            <Route path="goals" element={page(GoalsPage)} />
            <Route path="goals/:id" element={page(GoalDetailPage)} />
            <Route path="monitoring" element={page(MonitoringPage)} />
            <Route path="monitoring/:evaluationId" element={page(MonitoringDetailPage)} />
            <Route path="library" element={page(LibraryPage)} />
            <Route path="library/:key" element={page(LibraryEntryPage)} />
            <Route path="admin/users" element={page(UsersPage)} />
            <Route path="admin/orgs" element={page(OrgsPage)} />
            <Route path="admin/rulesets" element={page(RuleSetsPage)} />
            <Route path="results" element={page(ResultsPage)} />
            <Route path="results/tasks" element={page(TasksPage)} />
            <Route path="account/password" element={page(PasswordPage)} />
            <Route path="*" element={page(NotFound)} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
