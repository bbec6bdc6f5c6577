// Producer input history per topic, persisted through conf next to the profiles.
import Conf from 'conf';

const MAX_LINES_PER_TOPIC = 100;

interface Stored {
  topics: Record<string, string[]>;
}

/** A HistoryStore (model/backend.ts) by shape: config does not import the model. */
export class ProducerHistory {
  private readonly conf: Conf<Stored>;

  constructor(cwd = process.env.KAFKA_TUI_CONFIG_DIR) {
    this.conf = new Conf<Stored>({
      projectName: 'kafka-tui',
      projectSuffix: '',
      configName: 'producer-history',
      cwd,
      // Topic names contain dots; keys are never paths.
      accessPropertiesByDotNotation: false,
      // What was typed may be sensitive: same mode as the profiles.
      configFileMode: 0o600,
      defaults: { topics: {} },
    });
  }

  get(topic: string): string[] {
    return this.conf.get('topics')[topic] ?? [];
  }

  add(topic: string, line: string): void {
    const topics = this.conf.get('topics');
    const lines = (topics[topic] ?? []).filter((l) => l !== line);
    lines.push(line);
    this.conf.set('topics', { ...topics, [topic]: lines.slice(-MAX_LINES_PER_TOPIC) });
  }
}
