// The mapping of a Java client.properties to our settings, key by key.
import { describe, expect, it } from 'vitest';
import { mapClientProperties, parseJaasConfig } from '../../../source/config/client-properties.js';
import { parseJavaProperties } from '../../../source/config/java-properties.js';

const map = (text: string) => mapClientProperties(parseJavaProperties(text));

describe('parseJaasConfig', () => {
  it('reads quoted and bare options, with escapes in quotes', () => {
    const parsed = parseJaasConfig('org.apache.kafka.common.security.scram.ScramLoginModule required username=alice password="p\\"w;=d" ;');
    expect(parsed.module).toBe('org.apache.kafka.common.security.scram.ScramLoginModule');
    expect(Object.fromEntries(parsed.options)).toEqual({ username: 'alice', password: 'p"w;=d' });
  });

  it.each(['PlainLoginModule required username="a"', 'PlainLoginModule username="a";', 'M required a="1"; N required b="2";', ''])(
    'refuses %j in one line',
    (text) => {
      expect(() => parseJaasConfig(text)).toThrow(/^invalid sasl.jaas.config/);
    },
  );
});

describe('mapClientProperties', () => {
  it('maps a SASL_SSL file as kafka-local writes it', () => {
    const settings = map(
      [
        'security.protocol=SASL_SSL',
        'sasl.mechanism=SCRAM-SHA-512',
        'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="s3cret";',
        'ssl.truststore.type=PEM',
        'ssl.truststore.location=/tmp/ca.pem',
        'client.id=billing',
      ].join('\n'),
    );
    expect(settings).toEqual({
      protocol: 'SASL_SSL',
      bootstrapServers: undefined,
      clientId: 'billing',
      sasl: { mechanism: 'scram-sha-512', username: 'alice', password: 's3cret' },
      truststore: {
        location: '/tmp/ca.pem',
        pem: undefined,
        type: 'PEM',
        password: undefined,
        keyPassword: undefined,
        origin: 'ssl.truststore',
      },
      keystore: undefined,
      unsupported: [],
    });
  });

  it('maps an mTLS file with a PKCS12 key store, its passwords and no hostname check', () => {
    const settings = map(
      [
        'security.protocol=SSL',
        'ssl.keystore.type=PKCS12',
        'ssl.keystore.location=/k.p12',
        'ssl.keystore.password=ks',
        'ssl.key.password=kp',
        'ssl.endpoint.identification.algorithm=',
      ].join('\n'),
    );
    expect(settings.keystore).toEqual({
      location: '/k.p12',
      pem: undefined,
      type: 'PKCS12',
      password: 'ks',
      keyPassword: 'kp',
      origin: 'ssl.keystore',
    });
    expect(settings.verifyHostname).toBe(false);
    expect(settings.sasl).toBeUndefined();
  });

  it('names unsupported keys, and ignores those of the other protocol as Java does', () => {
    const settings = map('security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nacks=all\nssl.truststore.location=/x\nlinger.ms=5');
    expect(settings.unsupported).toEqual(['acks', 'linger.ms']);
  });

  it('refuses a mechanism we do not speak, including the GSSAPI default', () => {
    expect(() => map('security.protocol=SASL_SSL')).toThrow(
      'sasl.mechanism GSSAPI (the default) is not supported: use PLAIN, SCRAM-SHA-256, SCRAM-SHA-512',
    );
    expect(() => map('security.protocol=SASL_SSL\nsasl.mechanism=OAUTHBEARER')).toThrow('sasl.mechanism OAUTHBEARER is not supported');
  });

  it('refuses a login module that does not fit the mechanism, and an unknown protocol', () => {
    const plainModule = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="a" password="b";';
    expect(() => map(`security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-256\nsasl.jaas.config=${plainModule}`)).toThrow(
      'PlainLoginModule does not go with sasl.mechanism SCRAM-SHA-256',
    );
    expect(() => map('security.protocol=TLS')).toThrow("invalid security.protocol 'TLS'");
  });

  it('takes inline PEM stores', () => {
    const settings = map(
      'security.protocol=SSL\nssl.truststore.certificates=-----BEGIN CERTIFICATE-----\\nMII\\n-----END CERTIFICATE-----',
    );
    expect(settings.truststore?.type).toBe('PEM');
    expect(settings.truststore?.pem).toContain('BEGIN CERTIFICATE');
  });
});
