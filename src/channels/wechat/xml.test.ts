import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors.js';
import { cdata, encryptedReplyXml, MAX_BODY_BYTES, parseXml, textReplyXml } from './xml.js';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return isAppError(e) ? e.code : `not coded: ${String(e)}`;
  }
}

const V2_PLAIN =
  '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<xml><Content>&lol9;</Content></xml>`;

describe('parseXml', () => {
  it('returns the flat string fields, keeping a 19-digit MsgId exact', () => {
    expect(parseXml(V2_PLAIN)).toEqual({
      ToUserName: 'wx5823bf96d3bd56c7',
      FromUserName: 'mycreate',
      CreateTime: '1409659813',
      MsgType: 'text',
      Content: 'hello',
      MsgId: '4561255354251345929',
      AgentID: '218',
    });
  });

  it('keeps CDATA text as sent, including spaces, markup and a split ]]>', () => {
    const f = parseXml('<xml><Content><![CDATA[ a <b> &amp; ]]]]><![CDATA[> c ]]></Content><Empty/></xml>');
    expect(f.Content).toBe(' a <b> &amp; ]]> c ');
    expect(f.Empty).toBe('');
  });

  it('drops nested elements and ignores attributes and the XML declaration', () => {
    const f = parseXml(
      '<?xml version="1.0" encoding="utf-8"?><xml a="1"><Event><![CDATA[scancode_push]]></Event><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo></xml>',
    );
    expect(f).toEqual({ Event: 'scancode_push' });
  });

  it('rejects a duplicated field, so the signed and the used value cannot differ', () => {
    expect(codeOf(() => parseXml('<xml><Encrypt>a</Encrypt><Encrypt>b</Encrypt></xml>'))).toBe('WECHAT_BAD_XML');
  });

  it('rejects malformed XML and non-XML bodies', () => {
    for (const bad of ['', 'hello', '{"a":1}', '<xml><a>1</b></xml>', '<xml><a>1</a>', '<a>1</a><b>2</b>', '<root><a>1</a></root>']) {
      expect(codeOf(() => parseXml(bad)), bad).toBe('WECHAT_BAD_XML');
    }
  });

  it('rejects DOCTYPE and ENTITY declarations before parsing, billion laughs included', () => {
    const t0 = performance.now();
    expect(codeOf(() => parseXml(BILLION_LAUGHS))).toBe('WECHAT_XML_ENTITY');
    expect(performance.now() - t0).toBeLessThan(50);
    const xxe = '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Content>&x;</Content></xml>';
    expect(codeOf(() => parseXml(xxe))).toBe('WECHAT_XML_ENTITY');
    expect(codeOf(() => parseXml('<xml><!entity x "y"></xml>'))).toBe('WECHAT_XML_ENTITY');
    expect(codeOf(() => parseXml('<!doctype xml><xml/>'))).toBe('WECHAT_XML_ENTITY');
  });

  it('decodes the predefined and numeric entities once, and leaves undeclared references as literal text', () => {
    expect(parseXml('<xml><Content>a &amp; &foo; b &lt;c&gt; &amp;lt; &#60;</Content></xml>').Content).toBe('a & &foo; b <c> &lt; <');
    expect(parseXml('<xml><Content><![CDATA[&lt;as typed&gt;]]></Content></xml>').Content).toBe('&lt;as typed&gt;');
  });

  it('rejects bodies over 64 KB counted in UTF-8 bytes', () => {
    const chinese = '中'.repeat(Math.ceil(MAX_BODY_BYTES / 3)); // fewer chars than the limit, more bytes
    expect(codeOf(() => parseXml(`<xml><Content>${chinese}</Content></xml>`))).toBe('PAYLOAD_TOO_LARGE');
    const fits = 'a'.repeat(MAX_BODY_BYTES - 40);
    expect(parseXml(`<xml><Content>${fits}</Content></xml>`).Content).toBe(fits);
  });
});

describe('replies', () => {
  it('writes the passive text reply exactly as docs/wechat-protocol.md shows', () => {
    expect(textReplyXml({ toUser: 'oUser', fromUser: 'gh_acct', createTime: 1700000000, content: '你好' })).toBe(
      '<xml><ToUserName><![CDATA[oUser]]></ToUserName><FromUserName><![CDATA[gh_acct]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>',
    );
  });

  it('splits ]]> across CDATA sections so the text survives a round trip', () => {
    const text = 'a]]>b]]>]]>c';
    expect(cdata(text)).toBe('<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]]]><![CDATA[>c]]>');
    const xml = textReplyXml({ toUser: 'u', fromUser: 'a', createTime: 1, content: text });
    expect(parseXml(xml).Content).toBe(text);
  });

  it('drops control characters XML cannot carry', () => {
    expect(parseXml(textReplyXml({ toUser: 'u', fromUser: 'a', createTime: 1, content: 'a\u0000b\u0007c\nd\te' })).Content).toBe(
      'abc\nd\te',
    );
  });

  it('writes the encrypted envelope exactly as docs/wechat-protocol.md shows', () => {
    expect(encryptedReplyXml({ encrypt: 'QUJD+/==', msgSignature: 'abc123', timestamp: 1409659813, nonce: '1372623149' })).toBe(
      '<xml><Encrypt><![CDATA[QUJD+/==]]></Encrypt><MsgSignature><![CDATA[abc123]]></MsgSignature><TimeStamp>1409659813</TimeStamp><Nonce><![CDATA[1372623149]]></Nonce></xml>',
    );
  });
});
