import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';
import type { DbHandle } from '../../db/connection';
import { createDatabaseStorage } from './database';
import { createS3Storage, type S3StorageOptions } from './s3';
import { createLocalStorage, type FileStorage, type FileStorageKind } from './storage';

/** The S3 settings of the configuration (FILE_STORAGE=s3 checked them at load). */
export function s3Options(config: Config): S3StorageOptions {
  return {
    bucket: config.S3_BUCKET ?? '',
    region: config.S3_REGION,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
    ...(config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } }
      : {}),
    ...(config.S3_PREFIX ? { prefix: config.S3_PREFIX } : {}),
  };
}

/** DATA_DIR/files: the local store, and what `files migrate` reads from by default. */
export const localFilesDir = (config: Config): string => path.join(config.DATA_DIR, 'files');

/**
 * A storage of the given kind for this configuration. The database storage reads keys it does not
 * have from DATA_DIR/files when that directory exists, so an installation that kept files on disk
 * keeps serving them until `files migrate --to database` has moved them.
 */
export function createStorageOf(
  kind: FileStorageKind,
  config: Config,
  handle: DbHandle,
  options: { fallback?: boolean } = {},
): FileStorage {
  const local = createLocalStorage(localFilesDir(config));
  if (kind === 'local') return local;
  if (kind === 's3') return createS3Storage(s3Options(config));
  const fallback = (options.fallback ?? true) && existsSync(localFilesDir(config));
  return createDatabaseStorage(handle, fallback ? { fallback: local } : {});
}

/** The storage FILE_STORAGE names (runtime, tests, the CLI). */
export const createFileStorage = (config: Config, handle: DbHandle): FileStorage =>
  createStorageOf(config.FILE_STORAGE, config, handle);
