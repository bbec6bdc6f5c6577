import { describe, expect, it } from 'vitest';
import { brokerConfigsJson, brokerConfigsText, brokersJson, brokersTable, brokersText } from '../../../source/format/brokers-text.js';
import type { BrokerConfigs, BrokerSummary, BrokersOverview } from '../../../source/kafka/brokers.js';

const broker = (nodeId: number, extra: Partial<BrokerSummary> = {}): BrokerSummary => ({
  nodeId,
  host: '127.0.0.1',
  port: 9091 + nodeId,
  rack: null,
  up: true,
  controller: false,
  leaders: 0,
  replicas: 0,
  outOfIsr: 0,
  offline: 0,
  ...extra,
});

const overview: BrokersOverview = {
  clusterId: 'q1Sh-9_ISia_zwGINzRvyQ',
  controllerId: 1,
  brokers: [
    broker(1, { controller: true, rack: 'eu-1a', leaders: 12, replicas: 36 }),
    broker(2, { up: false, replicas: 7, outOfIsr: 7, offline: 7 }),
    broker(4, { up: false, host: null, port: null, replicas: 1, outOfIsr: 1, offline: 1 }),
  ],
};

describe('brokers text', () => {
  it('prints the cluster line and a column per fact; down brokers stay listed, unknown addresses are -', () => {
    expect(brokersText(overview)).toBe(
      [
        'Cluster: q1Sh-9_ISia_zwGINzRvyQ  Controller: 1  Brokers: 3 (2 down)',
        'ID  HOST:PORT       RACK   STATE  CONTROLLER  LEADERS  REPLICAS  OUT-OF-ISR  OFFLINE',
        ' 1  127.0.0.1:9092  eu-1a  up     active           12        36           0        0',
        ' 2  127.0.0.1:9093  -      down   -                 0         7           7        7',
        ' 4  -               -      down   -                 0         1           1        1',
        '',
      ].join('\n'),
    );
  });

  it('with a gap of one (the pane), nine columns with an 18-character address and 7-digit counts fit 80 cells', () => {
    const lines = brokersTable(
      { ...overview, brokers: [broker(1, { host: '192.168.1.10', port: 39092, leaders: 1234567, replicas: 1234567 })] },
      1,
    );
    expect(lines.every((line) => line.length <= 80)).toBe(true);
  });

  it('says when the controller and cluster id are unknown, and escapes control characters from the network', () => {
    const text = brokersText({ clusterId: null, controllerId: null, brokers: [broker(1, { host: 'evil\u001b[31m' })] });
    expect(text).toContain('Cluster: unknown  Controller: unknown  Brokers: 1');
    expect(text).toContain('evil\\x1b[31m:9092');
    expect(text).not.toContain('\u001b');
  });

  it('JSON carries the same facts', () => {
    expect(brokersJson(overview)).toEqual({
      clusterId: 'q1Sh-9_ISia_zwGINzRvyQ',
      controllerId: 1,
      brokers: [
        {
          id: 1,
          host: '127.0.0.1',
          port: 9092,
          rack: 'eu-1a',
          state: 'up',
          controller: true,
          leaders: 12,
          replicas: 36,
          outOfIsr: 0,
          offline: 0,
        },
        {
          id: 2,
          host: '127.0.0.1',
          port: 9093,
          rack: null,
          state: 'down',
          controller: false,
          leaders: 0,
          replicas: 7,
          outOfIsr: 7,
          offline: 7,
        },
        { id: 4, host: null, port: null, rack: null, state: 'down', controller: false, leaders: 0, replicas: 1, outOfIsr: 1, offline: 1 },
      ],
    });
  });
});

const configs: BrokerConfigs = {
  nodeId: 2,
  configs: [
    { name: 'log.cleaner.threads', value: '2', source: 'DYNAMIC_BROKER_CONFIG', sensitive: false, synonyms: [] },
    { name: 'num.partitions', value: '1', source: 'STATIC_BROKER_CONFIG', sensitive: false, synonyms: [] },
    {
      name: 'ssl.key.password',
      value: null,
      source: 'STATIC_BROKER_CONFIG',
      sensitive: true,
      synonyms: [{ name: 'ssl.key.password', value: null, source: 'STATIC_BROKER_CONFIG' }],
    },
  ],
};

describe('broker configs text', () => {
  it('lists name, source and value; a sensitive value is hidden', () => {
    expect(brokerConfigsText(configs, false)).toBe(
      [
        'Non-default configs for broker 2 (3)',
        'NAME                 SOURCE                 VALUE',
        'log.cleaner.threads  DYNAMIC_BROKER_CONFIG  2',
        'num.partitions       STATIC_BROKER_CONFIG   1',
        'ssl.key.password     STATIC_BROKER_CONFIG   <hidden>',
        '',
      ].join('\n'),
    );
    expect(brokerConfigsText({ nodeId: 2, configs: [] }, true)).toBe('All configs for broker 2 (0)\nNAME  SOURCE  VALUE\n');
  });

  it('JSON has the synonyms, and never a sensitive value', () => {
    const json = brokerConfigsJson(configs) as {
      broker: number;
      configs: Array<{ name: string; value: string | null; synonyms: unknown[] }>;
    };
    expect(json.broker).toBe(2);
    expect(json.configs.map((c) => [c.name, c.value])).toEqual([
      ['log.cleaner.threads', '2'],
      ['num.partitions', '1'],
      ['ssl.key.password', null],
    ]);
    expect(json.configs[2]!.synonyms).toEqual([{ name: 'ssl.key.password', value: null, source: 'STATIC_BROKER_CONFIG' }]);
  });
});
