import { describe, expect, it } from 'vitest';
import { reminderHtml } from './reminderPage';

describe('the reminder dialog', () => {
  it('escapes every text that comes from the sheet in the dialog', () => {
    const html = reminderHtml(
      [
        {
          department: '<img src=x onerror=alert(1)>課',
          sheet: '調査_課',
          status: '未回答',
          total: 2,
          answered: 0,
          missing: [],
          missingReplies: [],
          editors: ['"x"@y.jp'],
          subject: 's',
          body: '全文<b>の本文</b>',
          mailto: 'mailto:x?subject="><script>',
        },
      ],
      '見出し',
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;課');
    expect(html).toContain('href="mailto:x?subject=&quot;&gt;&lt;script&gt;"');
    // The whole text to copy, where the link had to be cut short.
    expect(html).toContain('全文&lt;b&gt;の本文&lt;/b&gt;</textarea>');
  });
});
