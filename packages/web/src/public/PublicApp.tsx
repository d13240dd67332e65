/**
 * @module The public portal (公开平台), no login: published evaluations by year and organisation,
 * each readable as the 自评表 and as a report, and printable. Loads neither the editor nor the
 * signed-in application frame.
 */
import { lazy, Suspense } from 'react';
import { Layout } from 'antd';
import { Link, Route, Routes } from 'react-router';
import { Loading } from '../app/Loading.js';
import './public.css';

const PublicList = lazy(() => import('./PublicList.js'));
const PublicDetail = lazy(() => import('./PublicDetail.js'));

export default function PublicApp() {
  return (
    <Layout className="public-layout">
      <Layout.Header className="public-header no-print">
        <Link to="/public" className="app-brand">
          <span className="app-logo" aria-hidden="true">
            绩
          </span>
          <span className="app-name">预算绩效信息公开</span>
        </Link>
        <nav aria-label="公开平台导航" className="public-nav">
          <Link to="/public">公开的评价结果</Link>
          <Link to="/login">工作人员登录</Link>
        </nav>
      </Layout.Header>
      <Layout.Content className="public-content" id="main">
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route index element={<PublicList />} />
            <Route path=":id" element={<PublicDetail />} />
          </Routes>
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="public-footer no-print">按照预算绩效信息公开的要求发布。数据以各单位公开时的版本为准。</Layout.Footer>
    </Layout>
  );
}
