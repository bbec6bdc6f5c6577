// Named cluster profiles, stored by conf with mode 0600 in a directory of mode 0700. Never holds a
// password: only where to get it (an environment variable, a file, a command).
import { chmodSync } from 'node:fs';
import { dirname } from 'node:path';
import Conf from 'conf';
import type { SaslMechanism } from '../kafka/connection.js';

export interface Profile {
  bootstrapServers: string;
  clientId?: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  readOnly?: boolean;
  /** A Java client.properties to read at each use (absolute path); the fields here override it. */
  commandConfig?: string;
  /** The password by reference only: an environment variable, a file of mode 0600, or a command that prints it. */
  sasl?: { mechanism: SaslMechanism; username: string; passwordEnv?: string; passwordFile?: string; passwordCommand?: string };
  tls?: { ca?: string; cert?: string; key?: string; insecure?: boolean; verifyHostname?: boolean };
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
    // conf makes the directory with the umask's mode; profiles name password files and commands, so keep it private.
    chmodSync(dirname(this.conf.path), 0o700);
  }

  remove(name: string): boolean {
    const { [name]: removed, ...rest } = this.list();
    if (!removed) return false;
    this.conf.set('profiles', rest);
    return true;
  }
}
