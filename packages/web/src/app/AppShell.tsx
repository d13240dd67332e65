/** @module The signed-in application frame: a top bar with the menu for the user's role and the user menu. */
import { Suspense } from 'react';
import { Avatar, Button, Dropdown, Layout, Menu } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, LogoutOutlined, KeyOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useUser } from '../auth/session.js';
import type { Role } from '../api/types.js';
import { Loading } from './Loading.js';

interface NavItem {
  key: string;
  label: string;
  roles?: readonly Role[];
}

const NAV: readonly NavItem[] = [
  { key: '/', label: '首页' },
  { key: '/goals', label: '绩效目标', roles: ['preparer', 'unit-head', 'reviewer', 'finance'] },
  { key: '/monitoring', label: '运行监控', roles: ['preparer', 'unit-head', 'reviewer', 'finance'] },
  { key: '/evaluations', label: '评价文档' },
  { key: '/analytics', label: '绩效分析', roles: ['reviewer', 'finance', 'admin'] },
  { key: '/results', label: '结果应用', roles: ['reviewer', 'finance', 'admin'] },
  { key: '/results/tasks', label: '整改任务' },
  { key: '/library', label: '指标库' },
  { key: '/import', label: '导入', roles: ['preparer', 'unit-head', 'admin'] },
  { key: '/admin/users', label: '用户', roles: ['admin'] },
  { key: '/admin/orgs', label: '组织机构', roles: ['admin', 'finance'] },
  { key: '/admin/rulesets', label: '评分规则' },
];

/** The menu key of a path: the longest nav key it starts with. */
export function navKeyOf(pathname: string): string {
  let best = '/';
  for (const item of NAV) {
    if (item.key !== '/' && (pathname === item.key || pathname.startsWith(`${item.key}/`)) && item.key.length > best.length) best = item.key;
  }
  return best;
}

export default function AppShell() {
  const { user } = useUser();
  const { signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  if (user.mustChangePassword && location.pathname !== '/account/password') return <Navigate to="/account/password" replace />;

  const items: MenuProps['items'] = NAV.filter((n) => !n.roles || n.roles.includes(user.role)).map((n) => ({
    key: n.key,
    label: <Link to={n.key}>{n.label}</Link>,
  }));

  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
    ],
    onClick: ({ key }) => {
      if (key === 'password') navigate('/account/password');
      if (key === 'logout') void signOut().then(() => navigate('/login', { replace: true }));
    },
  };

  return (
    <Layout className="app-layout">
      <a href="#main" className="skip-link">
        跳到正文
      </a>
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand" aria-label="绩效 首页">
          <span className="app-logo" aria-hidden="true">
            绩
          </span>
          <span className="app-name">预算绩效管理</span>
        </Link>
        <nav aria-label="主导航" className="app-nav">
          <Menu mode="horizontal" theme="dark" selectedKeys={[navKeyOf(location.pathname)]} items={items} />
        </nav>
        <Dropdown menu={userMenu} trigger={['click']}>
          <Button type="text" className="app-user" aria-label={`当前用户：${user.displayName}（${user.roleLabel}），打开用户菜单`}>
            <Avatar size="small" className="app-avatar">
              {(user.displayName.trim().split(/\s+/).pop() ?? user.displayName).slice(0, 1)}
            </Avatar>
            <span className="app-user-name">{user.displayName}</span>
            <span className="app-user-role">{user.roleLabel}</span>
            <DownOutlined />
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout.Content id="main" className="app-content" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
