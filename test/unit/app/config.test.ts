import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../../src/app/config.js';
import { parseDatabaseUrl } from '../../../src/db/database.js';

describe('loadConfig', () => {
  it('defaults to port 3000 on 127.0.0.1 with ./data/recall.db', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.databaseUrl, './data/recall.db');
    assert.equal(config.publicUrl, 'http://127.0.0.1:3000');
    assert.equal(config.demoContent, true);
    assert.ok(Object.isFrozen(config));
  });

  it('reads PORT, HOST, DATABASE_URL and PUBLIC_URL from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db/recall',
      PUBLIC_URL: 'https://recall.example/',
      DEMO_CONTENT: 'off',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.databaseUrl, 'postgres://u:p@db/recall');
    assert.equal(config.publicUrl, 'https://recall.example');
    assert.equal(config.demoContent, false);
  });

  it('refuses bad values with one message naming each variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /PORT must be integer \(got "eighty"\)/.test(error.message) &&
        /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/.test(error.message),
    );
    assert.throws(() => loadConfig({ PORT: '70000' }), /PORT/);
  });
});

describe('parseDatabaseUrl', () => {
  it('reads SQLite paths and sqlite: URLs relative to the working directory', () => {
    assert.deepEqual(parseDatabaseUrl('./data/recall.db', '/srv'), {
      dialect: 'sqlite',
      file: '/srv/data/recall.db',
    });
    assert.deepEqual(parseDatabaseUrl('sqlite:x.db', '/srv'), { dialect: 'sqlite', file: '/srv/x.db' });
    assert.deepEqual(parseDatabaseUrl('sqlite:///var/lib/recall.db', '/srv'), {
      dialect: 'sqlite',
      file: '/var/lib/recall.db',
    });
    assert.deepEqual(parseDatabaseUrl(':memory:'), { dialect: 'sqlite', file: ':memory:' });
  });

  it('reads postgres:// and postgresql:// URLs', () => {
    assert.equal(parseDatabaseUrl('postgres://a@b/c').dialect, 'postgres');
    assert.equal(parseDatabaseUrl('postgresql://a@b/c').dialect, 'postgres');
  });

  it('refuses other schemes', () => {
    assert.throws(() => parseDatabaseUrl('mysql://a@b/c'), /not supported/);
  });
});
