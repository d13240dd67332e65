/** @module 登录: user name and password, then back to where the user was going (or the home page). */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import { useSession } from './session.js';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export default function LoginPage() {
  const { session, signedIn, expired } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (session) return <Navigate to={next} replace />;

  const onFinish = async (values: LoginForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const s = await api.login(values.username.trim(), values.password);
      signedIn(s);
      navigate(s.user.mustChangePassword ? '/account/password' : next, { replace: true });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <Card className="login-card" variant="borderless">
        <div className="login-brand" aria-hidden="true">绩</div>
        <Typography.Title level={1} className="login-title">
          预算绩效管理系统
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="login-subtitle">
          绩效目标、自评、审核与公开
        </Typography.Paragraph>
        {expired && !error && <Alert type="warning" showIcon title="登录已过期，请重新登录" className="login-alert" />}
        {error && <Alert type="error" showIcon title={error} className="login-alert" role="alert" />}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} aria-label="登录" autoComplete="on">
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            登录
          </Button>
        </Form>
        <div className="login-footer">
          <Link to="/public">查看已公开的绩效评价结果</Link>
        </div>
      </Card>
    </main>
  );
}
