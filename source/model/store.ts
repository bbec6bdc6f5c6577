// A tiny observable state holder for the low-rate stores (topics, describe, producer).
// High-rate data (consumed records) lives in MessageBuffer instead.
export class Store<S extends object> {
  private listeners = new Set<() => void>();

  constructor(protected state: S) {}

  get snapshot(): S {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected update(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
