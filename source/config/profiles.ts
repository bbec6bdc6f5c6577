// Named cluster profiles, stored by conf with mode 0600. Never holds a password:
// only the name of the environment variable that carries it.
import Conf from 'conf';
import type { SaslMechanism } from '../kafka/connection.js';

export interface Profile {
  bootstrapServers: string;
  clientId?: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  readOnly?: boolean;
  sasl?: { mechanism: SaslMechanism; username: string; passwordEnv?: string };
  tls?: { ca?: string; cert?: string; key?: string; insecure?: boolean };
}

interface Store {
  profiles: Record<string, Profile>;
  /** Key remaps, checked by the UI that applies them (ui/key-remaps.ts). */
  keys?: unknown;
}

export class ProfileStore {
  private readonly conf: Conf<Store>;

  constructor(cwd = process.env.KAFKA_TUI_CONFIG_DIR) {
    this.conf = new Conf<Store>({
      projectName: 'kafka-tui',
      projectSuffix: '',
      cwd,
      // Topic names contain dots; keys are never paths.
      accessPropertiesByDotNotation: false,
      configFileMode: 0o600,
      defaults: { profiles: {} },
    });
  }

  get path(): string {
    return this.conf.path;
  }

  list(): Record<string, Profile> {
    return this.conf.get('profiles');
  }

  /** The `keys` section as written, or undefined. */
  keys(): unknown {
    return this.conf.get('keys');
  }

  get(name: string): Profile | undefined {
    return this.list()[name];
  }

  set(name: string, profile: Profile): void {
    this.conf.set('profiles', { ...this.list(), [name]: profile });
  }

  remove(name: string): boolean {
    const { [name]: removed, ...rest } = this.list();
    if (!removed) return false;
    this.conf.set('profiles', rest);
    return true;
  }
}
