import { describe, expect, it } from 'vitest';
import { escapeCommonMarkdown, escapeHtml, escapeMarkdown, escapeMarkdownV2, escapeSlack } from './escape.js';

const TITLE = 'Tom & Jerry <3 *Uncut* [2024] (v1.0) _x_ `y` #1 a-b=c|d{e}f.g!h\\i';

describe('escaping', () => {
  it('HTML', () => {
    expect(escapeHtml(`<b>"Tom" & 'Jerry'</b>`)).toBe('&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;');
  });
  it('Telegram legacy Markdown escapes only _ * ` [', () => {
    expect(escapeMarkdown('a_b*c`d[e]f(g)')).toBe('a\\_b\\*c\\`d\\[e]f(g)');
  });
  it('Telegram MarkdownV2 escapes every reserved character and the backslash', () => {
    expect(escapeMarkdownV2(TITLE)).toBe(
      'Tom & Jerry <3 \\*Uncut\\* \\[2024\\] \\(v1\\.0\\) \\_x\\_ \\`y\\` \\#1 a\\-b\\=c\\|d\\{e\\}f\\.g\\!h\\\\i',
    );
    // Every reserved character ends up preceded by an odd number of backslashes.
    const reserved = '_*[]()~`>#+-=|{}.!';
    const out = escapeMarkdownV2(reserved);
    expect(out).toBe(
      reserved
        .split('')
        .map((c) => `\\${c}`)
        .join(''),
    );
  });
  it('common markdown and Slack', () => {
    expect(escapeCommonMarkdown('*bold* _it_ [l](u) ~s~ `c` > q # h')).toBe(
      '\\*bold\\* \\_it\\_ \\[l\\]\\(u\\) \\~s\\~ \\`c\\` \\> q \\# h',
    );
    expect(escapeCommonMarkdown('- item')).toBe('\\- item');
    expect(escapeSlack('<!channel> & <http://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;http://x|y&gt;');
  });
});
