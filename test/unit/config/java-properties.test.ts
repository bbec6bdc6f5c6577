// Java's .properties syntax as java.util.Properties.load reads it.
import { describe, expect, it } from 'vitest';
import { parseJavaProperties } from '../../../source/config/java-properties.js';

describe('parseJavaProperties', () => {
  it('reads the separators, comments and blanks of Properties.load', () => {
    const text = ['# comment', '! also a comment', '', 'a=1', 'b : 2', 'c 3', '  d=  spaced value  ', 'e', 'f=', 'a=last wins'].join('\n');
    expect(Object.fromEntries(parseJavaProperties(text))).toEqual({ a: 'last wins', b: '2', c: '3', d: 'spaced value  ', e: '', f: '' });
  });

  it('joins continued lines and drops the next line’s leading blanks', () => {
    const text =
      'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\\n    username="u" \\\n    password="p";\n';
    expect(parseJavaProperties(text).get('sasl.jaas.config')).toBe(
      'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";',
    );
  });

  it('keeps a value that ends in an escaped backslash on its line', () => {
    expect(Object.fromEntries(parseJavaProperties('path=C:\\\\dir\\\\\nnext=1'))).toEqual({ path: 'C:\\dir\\', next: '1' });
  });

  it('unescapes keys and values: \\t \\n \\uXXXX, an escaped separator, CRLF lines', () => {
    const parsed = parseJavaProperties('key\\=with\\:seps=tab\\there\\u00e9\r\nx=\\#not-a-comment\r\n');
    expect(Object.fromEntries(parsed)).toEqual({ 'key=with:seps': 'tab\there\u00e9', x: '#not-a-comment' });
  });
});
