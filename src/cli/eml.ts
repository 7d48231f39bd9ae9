import type { Reminder } from '../domain/remind';

/** An e-mail file (.eml) a mail program opens as a draft: UTF-8, base64 body. */
export function emlOf(r: Reminder, from = ''): string {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const lines = (s: string) => s.match(/.{1,76}/g)?.join('\r\n') ?? '';
  return [
    ...(from ? [`From: ${from}`] : []),
    `To: ${r.editors.join(', ')}`,
    `Subject: =?UTF-8?B?${b64(r.subject)}?=`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    lines(b64(r.body.replace(/\n/g, '\r\n'))),
    '',
  ].join('\r\n');
}
