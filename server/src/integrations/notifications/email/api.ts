// SMTP through nodemailer: one connection per message (notifications are rare; nothing to keep open), the
// encryption mode mapped onto nodemailer's secure/requireTLS/ignoreTLS, and nodemailer's error codes mapped onto the
// error taxonomy (EAUTH → AuthError, refused/DNS → UnreachableError, timeouts, 4xx replies → retryable ServerError).
import nodemailer from 'nodemailer';
import {
  AuthError,
  ProtocolError,
  ServerError,
  TimeoutError,
  UnreachableError,
  ValidationError,
} from '../../../lib/errors.js';
import { maskSecrets } from '../../../lib/http/redact-request.js';
import type { EmailSettings } from './settings.js';

export interface OutgoingMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string;
}

/** The server refused one or more recipients (or the sender). */
export class EmailRecipientError extends ValidationError {}

interface MailError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

function transportOptions(s: EmailSettings) {
  const timeout = Math.round(s.timeoutSeconds * 1000);
  return {
    host: s.server,
    port: s.port,
    secure: s.encryption === 'tls',
    requireTLS: s.encryption === 'starttls',
    ignoreTLS: s.encryption === 'none',
    ...(s.username ? { auth: { user: s.username, pass: s.password } } : {}),
    tls: { rejectUnauthorized: !s.allowInvalidCertificates, servername: s.server },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export function mapMailError(err: unknown, s: EmailSettings): Error {
  const e = err as MailError;
  const where = `SMTP ${s.server}:${s.port}`;
  const detail = maskSecrets(
    e?.message ?? String(err),
    [s.password].filter((p) => p.length >= 4),
  );
  const cause = { cause: err };
  const causeCode = (e as { cause?: { code?: string } })?.cause?.code;
  switch (e?.code) {
    case 'EAUTH':
    case 'ENOAUTH':
      return new AuthError(`${where}: authentication failed (${detail})`, cause);
    case 'ETIMEDOUT':
      return new TimeoutError(`${where}: timed out (${detail})`, cause);
    case 'EDNS':
      return new UnreachableError(`${where}: host not found (${detail})`, cause);
    case 'ETLS':
    case 'EREQUIRETLS':
      return new ProtocolError(`${where}: TLS failed (${detail})`, undefined, cause);
    case 'EENVELOPE':
      return new EmailRecipientError(`${where}: ${detail}`, [
        { field: 'settings.to', message: detail, severity: 'error' },
      ]);
  }
  if (e?.responseCode && e.responseCode >= 400 && e.responseCode < 500)
    return new ServerError(`${where}: temporary failure (${detail})`, e.responseCode, cause);
  if (e?.code === 'ECONNECTION' || e?.code === 'ESOCKET' || causeCode === 'ECONNREFUSED') {
    if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ECONNRESET/.test(`${detail} ${causeCode ?? ''}`))
      return new UnreachableError(`${where}: ${detail}`, cause);
    if (/certificate|ssl|tls|wrong version/i.test(detail))
      return new ProtocolError(`${where}: TLS failed (${detail})`, undefined, cause);
    return new UnreachableError(`${where}: ${detail}`, cause);
  }
  return new ProtocolError(`${where}: ${detail}`, undefined, cause);
}

export async function sendMail(s: EmailSettings, mail: OutgoingMail, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  const transport = nodemailer.createTransport(transportOptions(s));
  try {
    await transport.sendMail({
      from: mail.from,
      to: mail.to,
      ...(mail.cc.length ? { cc: mail.cc } : {}),
      ...(mail.bcc.length ? { bcc: mail.bcc } : {}),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  } catch (err) {
    throw mapMailError(err, s);
  } finally {
    transport.close();
  }
}

/** Connects, negotiates TLS and logs in without sending anything. */
export async function verifySmtp(s: EmailSettings): Promise<void> {
  const transport = nodemailer.createTransport(transportOptions(s));
  try {
    await transport.verify();
  } catch (err) {
    throw mapMailError(err, s);
  } finally {
    transport.close();
  }
}
