import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { createS3Client, type S3StorageOptions } from '../platform/files/s3';

export type FakeS3 = { options: S3StorageOptions; env: Record<string, string>; close(): Promise<void> };

/**
 * A local S3-compatible server (s3rver: the S3 REST protocol over HTTP, objects on disk) on
 * 127.0.0.1 with one empty bucket. It stands in for the object store, which is outside the company;
 * the app talks to it through the real AWS SDK, signatures and all.
 */
export async function startFakeS3(bucket = 'paydesk-test', port = 0): Promise<FakeS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'paydesk-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory });
  const address = await server.run();
  const options: S3StorageOptions = {
    bucket,
    endpoint: `http://127.0.0.1:${address.port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    // s3rver's fixed development credentials.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
  const client = createS3Client(options);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  client.destroy();
  return {
    options,
    env: {
      FILE_STORAGE: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: options.endpoint!,
      S3_REGION: options.region,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
