/**
 * @module E-mail (nodemailer) for reminders. There is a mailer only when `SMTP_URL` is configured; without
 * it nothing is sent and nothing fails. Messages are plain text in Simplified Chinese.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** The mailer of the configuration, or undefined when no SMTP server is configured. */
export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): Mailer | undefined {
  if (!config.SMTP_URL) return undefined;
  const transport = nodemailer.createTransport(config.SMTP_URL);
  return {
    async send(mail) {
      await transport.sendMail({ from: config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}

export interface ReminderMail {
  /** The recipient's display name. */
  name: string;
  /** What the reminder is about, e.g. “整改任务即将到期”. */
  title: string;
  project: string;
  /** The reminder's sentence (core's Chinese text). */
  message: string;
  due: string;
  /** A path in the app (`/results/tasks?task=…`), absolute when `baseUrl` is given. */
  link: string;
  baseUrl?: string | undefined;
}

/** The subject and body of a reminder e-mail. */
export function reminderMail(r: ReminderMail): { subject: string; text: string } {
  const url = r.baseUrl ? `${r.baseUrl.replace(/\/+$/, '')}${r.link}` : r.link;
  return {
    subject: `【绩效管理】${r.title}：${r.project}（${r.due}到期）`,
    text: [
      `${r.name}，您好：`,
      '',
      r.message,
      '',
      `项目：${r.project}`,
      `期限：${r.due}`,
      `办理地址：${url}`,
      '',
      '此邮件由绩效管理系统自动发送，请勿直接回复。',
    ].join('\n'),
  };
}
