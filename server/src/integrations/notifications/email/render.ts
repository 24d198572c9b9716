// NotificationMessage → e-mail subject, text and HTML bodies. Every piece of user data in the HTML is escaped
// (titles such as "Tom & Jerry <3" render literally, never as markup); the subject loses line breaks.
import type { NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { escapeHtml } from '../common/escape.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

function formatSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

function details(msg: NotificationMessage): [string, string][] {
  const p = msg.payload;
  const file = p.episodeFile ?? p.movieFile;
  const out: [string, string][] = [];
  const add = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') out.push([name, String(value)]);
  };
  add('Release', p.release?.releaseTitle ?? file?.sceneName);
  add('Quality', msg.quality ?? p.release?.quality ?? file?.quality);
  add('Release group', p.release?.releaseGroup ?? file?.releaseGroup);
  const size = p.release?.size ?? file?.size;
  if (size) add('Size', formatSize(size));
  add('Indexer', p.release?.indexer);
  add('Download client', p.downloadClient);
  if (p.health) add('Source', p.health.source);
  if (p.previousVersion || p.newVersion) add('Version', `${p.previousVersion ?? '?'} → ${p.newVersion ?? '?'}`);
  add('Reason', p.deleteReason);
  return out;
}

const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').trim();
const isHttp = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url);

export function renderEmail(msg: NotificationMessage): RenderedEmail {
  const rows = details(msg);
  const subject = oneLine(`[${msg.instanceName}] ${msg.title}: ${msg.message}`).slice(0, 250);
  const text = [
    msg.title,
    '',
    msg.message,
    ...(rows.length ? ['', ...rows.map(([k, v]) => `${k}: ${v}`)] : []),
    ...(msg.link ? ['', msg.link] : []),
    '',
    `Sent by ${msg.instanceName}`,
  ].join('\n');
  const e = escapeHtml;
  const html = [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"></head>',
    '<body style="font-family: Arial, sans-serif; margin: 0">',
    '<div style="max-width: 600px; margin: 0 auto">',
    `<div style="background: #1a1a2e; color: #ffffff; padding: 20px"><h1 style="margin: 0; font-size: 20px">${e(msg.title)}</h1></div>`,
    '<div style="padding: 20px; background: #f5f5f5">',
    ...(isHttp(msg.imageUrl)
      ? [`<img src="${e(msg.imageUrl)}" alt="" style="max-width: 200px; float: left; margin-right: 20px">`]
      : []),
    `<p>${e(msg.message)}</p>`,
    ...(rows.length
      ? ['<table>', ...rows.map(([k, v]) => `<tr><th align="left">${e(k)}</th><td>${e(v)}</td></tr>`), '</table>']
      : []),
    ...(isHttp(msg.link) ? [`<p><a href="${e(msg.link)}">View details</a></p>`] : []),
    '<div style="clear: both"></div>',
    '</div>',
    `<div style="padding: 10px; text-align: center; font-size: 12px">Sent by ${e(msg.instanceName)}</div>`,
    '</div></body></html>',
  ].join('\n');
  return { subject, text, html };
}
