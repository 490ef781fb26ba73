/**
 * FILE_STORAGE=s3: an S3-compatible bucket through the official AWS SDK v3. Uploads stream through
 * the same inspection as the other storages into `@aws-sdk/lib-storage`'s Upload, which sends one
 * PUT for a small file and a multipart upload (5 MiB parts, one in flight) for a large one, so a
 * node holds at most a part per upload in memory. Objects are named `<prefix><key>`.
 */
import { DeleteObjectCommand, GetObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors';
import { inspectUpload } from './inspect';
import { checkKey, failedStream, newKey, type FileStorage } from './storage';

export type S3StorageOptions = {
  bucket: string;
  /** e.g. `https://s3.eu-central-1.amazonaws.com` or a MinIO / Ceph address; unset: AWS's own. */
  endpoint?: string;
  region: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (most self-hosted stores want it). */
  forcePathStyle: boolean;
  /** Unset: the SDK's default chain (AWS_ACCESS_KEY_ID…, instance roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Prepended to every key, e.g. `paydesk/`. */
  prefix?: string;
};

/** The SDK client for these options (also used by tests and the migration to talk to the same bucket). */
export function createS3Client(options: S3StorageOptions): S3Client {
  const config: S3ClientConfig = {
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // Checksums only where the API requires them: the SDK's default wraps streamed bodies in
    // aws-chunked encoding with trailing CRCs, which many S3-compatible stores do not speak.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  return new S3Client(config);
}

const missing = (err: unknown): boolean => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

/** File storage in an S3-compatible bucket. */
export function createS3Storage(options: S3StorageOptions, client = createS3Client(options)): FileStorage {
  const objectKey = (key: string) => `${options.prefix ?? ''}${checkKey(key)}`;
  return {
    kind: 's3',
    async put(source, putOptions) {
      const key = putOptions.key ?? newKey();
      const inspect = inspectUpload(putOptions);
      const body = new PassThrough();
      const upload = new Upload({
        client,
        params: { Bucket: options.bucket, Key: objectKey(key), Body: body, ContentType: 'application/octet-stream' },
        queueSize: 1,
        leavePartsOnError: false,
      });
      const sent = upload.done();
      // A failed upload stops reading the body: fail the pipeline rather than wait on it forever.
      sent.catch((err: unknown) => body.destroy(err as Error));
      try {
        await pipeline(source, inspect, body);
      } catch (err) {
        await upload.abort().catch(() => undefined);
        throw err;
      }
      await sent;
      return { key, ...inspect.result() };
    },
    read(key) {
      let name: string;
      try {
        name = objectKey(key);
      } catch (err) {
        return failedStream(err as Error);
      }
      const out = new PassThrough();
      client
        .send(new GetObjectCommand({ Bucket: options.bucket, Key: name }))
        .then((answer) => {
          const body = answer.Body;
          if (!(body instanceof Readable)) throw new Error('S3 answered without a body stream');
          body.on('error', (err) => out.destroy(err));
          body.pipe(out);
        })
        .catch((err: unknown) => out.destroy(missing(err) ? new AppError('NOT_FOUND') : (err as Error)));
      return out;
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: objectKey(key) }));
    },
  };
}
