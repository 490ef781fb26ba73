import { createCipheriv, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoContent, seedReference } from '../seed/reference';
import { createTestDb, type TestDb } from '../test/db';
import { checkSecretKey, SecretKeyError } from './keycheck';
import { createPiiCipher, keyIdOf, type PiiCipher } from './keyring';
import { rotateKeys } from './rotate';
import { SEALED_COLUMNS } from './sealed';

const OLD = '1'.repeat(64);
const NEW = '2'.repeat(64);
const OTHER = '3'.repeat(64);

// One database for the file (a migrated database costs seconds); each test starts from no keys and no sealed rows.
let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedReference(db.db);
  await seedDemoContent(db.db);
});
afterAll(async () => db?.dispose());
beforeEach(async () => {
  await db.exec(
    'DELETE FROM incoming_mail; DELETE FROM mailboxes; DELETE FROM demo_wallets; DELETE FROM tickets; DELETE FROM secret_keys;',
  );
});

/** `v1:` text, as sealed before key ids existed. */
function legacyText(hex: string, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', Buffer.from(hex, 'hex'), iv);
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
}

/** One sealed value in every sealed column (a request's fields, a wallet, a mailbox, a raw letter). */
async function sealEverywhere(cipher: PiiCipher, options: { legacyKey?: string } = {}) {
  const text = (plain: string) => (options.legacyKey ? legacyText(options.legacyKey, plain) : cipher.encrypt(plain));
  const { rows: leaf } = await db.query<{ category_id: string; form_id: string }>(
    'SELECT category_id, id AS form_id FROM forms ORDER BY created_at LIMIT 1',
  );
  for (let i = 0; i < 3; i++) {
    await db.query(
      `INSERT INTO tickets (number, category_id, form_id, priority, status, channel, subject, fields, sealed_fields)
       VALUES ($1, $2, $3, 'normal', 'new', 'web', 'тема', '{"passport_data":"•••• ••••56"}', $4::jsonb)`,
      [
        `PD-900000${i}`,
        leaf[0]!.category_id,
        leaf[0]!.form_id,
        JSON.stringify({ passport_data: text(`4508 12345${i}`), passport_data_mail_2: text(`КВ 12345${i}`) }),
      ],
    );
  }
  await db.query(`INSERT INTO demo_wallets (wallet_number, passport_sealed, owner_name) VALUES ('79000000001', $1, 'Иван')`, [
    text('4508 654321'),
  ]);
  const { rows: box } = await db.query<{ id: string }>(
    `INSERT INTO mailboxes (address, imap_user, imap_password_sealed) VALUES ('keys@paydesk.test', 'u', $1) RETURNING id`,
    [text('imap-secret')],
  );
  await db.query(
    `INSERT INTO incoming_mail (mailbox_id, source, message_id, raw_sealed, size) VALUES ($1, 'smtp', '<k@test>', $2, 10)`,
    [box[0]!.id, cipher.sealBytes(Buffer.from('Subject: паспорт 4508 123456'))],
  );
}

async function readAll(cipher: PiiCipher) {
  const q = async <T>(text: string) => (await db.query<T>(text)).rows;
  return {
    fields: (await q<{ f: Record<string, string> }>('SELECT sealed_fields AS f FROM tickets ORDER BY number')).map((r) =>
      Object.values(r.f).map((v) => cipher.decrypt(v)),
    ),
    wallet: cipher.decrypt((await q<{ v: string }>('SELECT passport_sealed AS v FROM demo_wallets'))[0]!.v),
    imap: cipher.decrypt((await q<{ v: string }>('SELECT imap_password_sealed AS v FROM mailboxes'))[0]!.v),
    raw: cipher
      .openBytes(Buffer.from((await q<{ v: Uint8Array }>('SELECT raw_sealed AS v FROM incoming_mail'))[0]!.v))
      .toString(),
  };
}

describe('the key check at start-up', () => {
  it('records the key at the first start and accepts it again', async () => {
    const cipher = createPiiCipher(OLD);
    await checkSecretKey(db, cipher);
    await checkSecretKey(db, cipher);
    const { rows } = await db.query<{ key_id: string }>('SELECT key_id FROM secret_keys');
    expect(rows).toEqual([{ key_id: keyIdOf(OLD) }]);
  });

  it('refuses another key with a message naming both keys and what to do', async () => {
    await checkSecretKey(db, createPiiCipher(OLD));
    const refused = checkSecretKey(db, createPiiCipher(OTHER), { keyFile: '/srv/paydesk/data/secret.key' });
    await expect(refused).rejects.toThrow(SecretKeyError);
    await expect(checkSecretKey(db, createPiiCipher(OTHER), { keyFile: '/srv/data/secret.key' })).rejects.toThrow(
      new RegExp(
        `sealed under key ${keyIdOf(OLD)}.*this SECRET_KEY is key ${keyIdOf(OTHER)} \\(this one is from /srv/data/secret.key\\).*SECRET_KEY_PREVIOUS.*rotate-key`,
      ),
    );
    expect((await db.query('SELECT key_id FROM secret_keys')).rows).toHaveLength(1);
  });

  it('refuses a key that does not open what was sealed before key checks existed', async () => {
    await sealEverywhere(createPiiCipher(OLD), { legacyKey: OLD });
    await expect(checkSecretKey(db, createPiiCipher(OTHER))).rejects.toThrow(
      /tickets\.sealed_fields holds values sealed under another key/,
    );
    await checkSecretKey(db, createPiiCipher(OLD));
  });

  it('takes a new key while the old one is given as previous, and then needs the old one until the rotation ends', async () => {
    await checkSecretKey(db, createPiiCipher(OLD));
    await checkSecretKey(db, createPiiCipher(NEW, [OLD]));
    expect((await db.query('SELECT key_id FROM secret_keys WHERE retired_at IS NULL')).rows).toHaveLength(2);
    await expect(checkSecretKey(db, createPiiCipher(NEW))).rejects.toThrow(
      /still sealed partly under key .*a key rotation has not finished/,
    );
  });
});

describe('rotate-key', () => {
  it('re-seals every sealed column under the new key, retires the old key, and the old key no longer starts', async () => {
    await checkSecretKey(db, createPiiCipher(OLD));
    await sealEverywhere(createPiiCipher(OLD));
    const before = await readAll(createPiiCipher(OLD));
    const rotating = createPiiCipher(NEW, [OLD]);
    await checkSecretKey(db, rotating);

    const result = await rotateKeys(db, rotating, { batchSize: 2 });
    expect(result.left).toEqual({});
    expect(result.retired).toEqual([keyIdOf(OLD)]);
    expect(result.resealed).toEqual({
      'tickets.sealed_fields': 3,
      'demo_wallets.passport_sealed': 1,
      'mailboxes.imap_password_sealed': 1,
      'incoming_mail.raw_sealed': 1,
    });
    // Everything opens with the new key alone and reads as before.
    expect(await readAll(createPiiCipher(NEW))).toEqual(before);
    await checkSecretKey(db, createPiiCipher(NEW));
    await expect(checkSecretKey(db, createPiiCipher(OLD))).rejects.toThrow(/retired by a key rotation/);
    // A second run finds nothing to do.
    expect((await rotateKeys(db, createPiiCipher(NEW))).resealed).toEqual({
      'tickets.sealed_fields': 0,
      'demo_wallets.passport_sealed': 0,
      'mailboxes.imap_password_sealed': 0,
      'incoming_mail.raw_sealed': 0,
    });
  });

  it('re-seals values written before key ids, and resumes after being cut short', async () => {
    await sealEverywhere(createPiiCipher(OLD), { legacyKey: OLD });
    const before = await readAll(createPiiCipher(OLD));
    const rotating = createPiiCipher(NEW, [OLD]);
    await checkSecretKey(db, rotating);
    let batches = 0;
    await expect(
      rotateKeys(db, rotating, {
        batchSize: 1,
        onBatch: () => {
          if (++batches === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    // Cut short: the first two tickets are under the new key, the rest still under the old one.
    await expect(readAll(createPiiCipher(NEW))).rejects.toThrow();
    const result = await rotateKeys(db, rotating);
    expect(result.resealed['tickets.sealed_fields']).toBe(1);
    expect(result.left).toEqual({});
    expect(await readAll(createPiiCipher(NEW))).toEqual(before);
  });

  it('knows every column that holds sealed values', async () => {
    const { rows } = await db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name LIKE '%sealed%' ORDER BY 1, 2`,
    );
    const listed = SEALED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort();
    expect(rows.map((r) => `${r.table_name}.${r.column_name}`)).toEqual(listed);
  });
});
