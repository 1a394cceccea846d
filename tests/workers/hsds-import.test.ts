import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openD1Database } from '../../db/core/d1';
import { importHsdsRows, type SourceRow } from '../../db/resources/hsds/import';

// `npm run hsds:import -- --d1` writes through this same code on D1: upserts that rewrite only a
// changed row, RETURNING inside a batch, and the change log built from what came back.
const ORG = '0b3c4d5e-1111-4aaa-8bbb-000000000001';
const SERVICE = '0b3c4d5e-2222-4aaa-8bbb-000000000002';
const PHONE = '0b3c4d5e-3333-4aaa-8bbb-000000000003';

const rows = (phoneNumber: string) =>
  new Map<string, SourceRow[]>([
    [
      'organizations',
      [
        {
          file: 'organizations.csv',
          line: 2,
          values: { id: ORG, name: 'Tidewater Aid', description: 'Help by the harbour.' },
        },
      ],
    ],
    [
      'services',
      [
        {
          file: 'services.csv',
          line: 2,
          values: {
            id: SERVICE,
            organization_id: ORG,
            name: 'Tidewater legal clinic',
            status: 'active',
          },
        },
      ],
    ],
    [
      'phones',
      [
        {
          file: 'phones.csv',
          line: 2,
          values: { id: PHONE, service_id: SERVICE, number: phoneNumber, type: 'voice' },
        },
      ],
    ],
  ]);

const logOf = async () =>
  (
    await env.DB.prepare(
      'select actor_role, action, changed_fields from resource_changes where service_id = ? order by changed_at, rowid',
    )
      .bind(SERVICE)
      .all()
  ).results;

describe('an HSDS import on D1', () => {
  it('logs what it added, nothing when run again unchanged, and only the phone when only the phone changed', async () => {
    const db = openD1Database(env.DB);
    const first = await importHsdsRows(db, rows('+1 902 555 0100'), { chunkSize: 2 });
    expect(first.counts.services).toEqual({ inserted: 1, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.logged).toBe(1);

    const again = await importHsdsRows(db, rows('+1 902 555 0100'), { chunkSize: 2 });
    expect(again.counts.phones).toEqual({ inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect(again.logged).toBe(0);

    const changed = await importHsdsRows(db, rows('+1 902 555 0199'), { chunkSize: 2 });
    expect(changed.counts.phones).toEqual({ inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(await logOf()).toEqual([
      {
        actor_role: 'import',
        action: 'imported',
        changed_fields: '["organization","service","phones"]',
      },
      { actor_role: 'import', action: 'imported', changed_fields: '["phones"]' },
    ]);
    expect(
      await env.DB.prepare('select number from phones where id = ?').bind(PHONE).first(),
    ).toEqual({ number: '+1 902 555 0199' });
  });

  it('logs an import of more rows than D1 binds values in one statement (after the test above)', async () => {
    const db = openD1Database(env.DB);
    const many = rows('+1 902 555 0100');
    const phones = Array.from({ length: 240 }, (_, i) => ({
      file: 'phones.csv',
      line: i + 3,
      values: {
        id: `0b3c4d5e-4444-4aaa-8bbb-${String(i).padStart(12, '0')}`,
        service_id: SERVICE,
        number: `+1 902 555 ${String(1000 + i)}`,
        type: 'voice',
      },
    }));
    many.set('phones', [...many.get('phones')!, ...phones]);
    const result = await importHsdsRows(db, many);
    expect(result.counts.phones!.rejected).toBe(0);
    expect(result.logged).toBe(1);
    expect(
      await env.DB.prepare('select count(*) as n from phones where service_id = ?')
        .bind(SERVICE)
        .first(),
    ).toEqual({ n: 241 });
  });
});
