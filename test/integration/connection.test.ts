// ConnectionManager against real brokers: status transitions, shared clients, logs kept off the terminal.
import { describe, expect, it } from 'vitest';
import { ConnectionManager, type ConnectionStatus } from '../../source/kafka/connection.js';
import { SINGLE, TRIPLE, bootstrapOf } from '../helpers/ports.js';

const manager = (bootstrap: string, connectionTimeoutMs = 10_000) =>
  new ConnectionManager({ brokers: bootstrap.split(','), clientId: 'test', connectionTimeoutMs, requestTimeoutMs: 10_000 });

describe('ConnectionManager', () => {
  it('goes connecting → ready with the cluster facts, and shares one admin', async () => {
    const connection = manager(bootstrapOf(TRIPLE));
    const seen: ConnectionStatus['state'][] = [];
    connection.subscribe((s) => seen.push(s.state));
    try {
      const cluster = await connection.check();
      expect(cluster.brokers.map((b) => b.nodeId)).toEqual([1, 2, 3]);
      expect(cluster.controller).toBeGreaterThanOrEqual(1);
      expect(cluster.clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(seen).toEqual(['connecting', 'ready']);
      expect(connection.status).toEqual({ state: 'ready', cluster });
      expect(await connection.admin()).toBe(await connection.admin());
    } finally {
      await connection.shutdown();
    }
  });

  it('reports failed with the reason when the only broker refuses, without waiting for the timeout', async () => {
    const connection = manager('127.0.0.1:1', 10_000);
    const started = performance.now();
    try {
      await expect(connection.check()).rejects.toThrow('cannot connect to 127.0.0.1:1: connection refused (ECONNREFUSED)');
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(connection.status.state).toBe('failed');
      expect(connection.log.recent().some((e) => e.level === 'error')).toBe(true);
    } finally {
      await connection.shutdown();
    }
  });

  it('can be shut down twice and connects again afterwards', async () => {
    const connection = manager(bootstrapOf(SINGLE));
    await connection.check();
    await connection.shutdown();
    await connection.shutdown();
    const again = await connection.check();
    expect(again.brokers).toHaveLength(1);
    await connection.shutdown();
  });
});
