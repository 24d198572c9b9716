// Email (SMTP) settings: server, port, encryption (none, STARTTLS, implicit TLS), optional login, sender and the
// to/cc/bcc lists.
import { z } from 'zod';
import { eventFields } from '../common/event-fields.js';

export const EMAIL_ENCRYPTION = ['none', 'starttls', 'tls'] as const;

// A bare address or "Name <address>"; nodemailer parses both. Line breaks are refused (header injection).
const address = z
  .string()
  .trim()
  .regex(/^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, 'an e-mail address such as idkarr@example.org');
const addressList = (label: string, order: number, min = 0) =>
  z.array(address).min(min, 'at least one recipient').default([]).meta({ label, order });

export const emailSettings = z.object({
  server: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/, 'a host name or IP address')
    .meta({ label: 'SMTP server', placeholder: 'smtp.example.org', order: 1 }),
  port: z
    .number()
    .int()
    .min(1)
    .max(65_535)
    .default(587)
    .meta({ label: 'Port', help: '587 STARTTLS, 465 TLS, 25 none', order: 2 }),
  encryption: z.enum(EMAIL_ENCRYPTION).default('starttls').meta({
    label: 'Encryption',
    help: 'starttls: upgrade and require TLS; tls: implicit TLS from the first byte; none: plain text',
    order: 3,
  }),
  allowInvalidCertificates: z
    .boolean()
    .default(false)
    .meta({ label: 'Allow invalid certificates', help: 'Self-signed server certificates', order: 4, advanced: true }),
  username: z.string().trim().default('').meta({ label: 'Username', order: 5 }),
  password: z.string().default('').meta({ label: 'Password', secret: true, order: 6 }),
  from: address.meta({ label: 'From', placeholder: 'idkarr <idkarr@example.org>', order: 7 }),
  to: addressList('To', 8, 1),
  cc: addressList('Cc', 9),
  bcc: addressList('Bcc', 10),
  timeoutSeconds: z.number().min(1).max(120).default(30).meta({ label: 'Timeout (s)', order: 11, advanced: true }),
  ...eventFields(),
});

export type EmailSettings = z.output<typeof emailSettings>;
