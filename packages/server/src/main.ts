#!/usr/bin/env node
/**
 * @module The server's entry: `node packages/server/dist/main.js [--demo | --no-demo]`. Reads the
 * configuration (failing with the list of what is wrong), starts, and shuts down gracefully on
 * SIGTERM / SIGINT.
 */
import { loadConfig } from './config.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  const r = loadConfig(process.env, process.argv.slice(2));
  if (!r.ok) {
    process.stderr.write(`配置有误，服务未启动：\n${r.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exit(2);
  }
  const config = r.config;
  let running;
  try {
    running = await startServer(config);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`服务启动失败：${message}\n`);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') process.stderr.write(`端口 ${config.PORT} 已被占用，请设置 PORT 换一个端口。\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      process.stderr.write('再次收到停止信号，立即退出。\n');
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`收到 ${signal}，正在停止服务（等待进行中的请求和任务完成）…\n`);
    running
      .close()
      .then(() => {
        process.stderr.write('服务已停止。\n');
        process.exit(0);
      })
      .catch((err: unknown) => {
        process.stderr.write(`停止时出错：${String(err)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
