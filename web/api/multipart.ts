import type { TicketPayload } from './requests';

/**
 * The body of `POST /tickets`: the JSON payload, or — when there are files — a FormData with a
 * `data` part holding that JSON and one part per file named after its field key.
 */
export function buildTicketBody(payload: TicketPayload, files: Record<string, File[]>): TicketPayload | FormData {
  const entries = Object.entries(files).filter(([, list]) => list.length > 0);
  if (entries.length === 0) return payload;
  const body = new FormData();
  body.append('data', JSON.stringify(payload));
  for (const [key, list] of entries) {
    for (const file of list) body.append(key, file, file.name);
  }
  return body;
}

/** The body of a reply: JSON, or multipart with `data` = `{ body }` and the files in parts named `files`. */
export function buildReplyBody(text: string, files: File[]): { body: string } | FormData {
  if (files.length === 0) return { body: text };
  const body = new FormData();
  body.append('data', JSON.stringify({ body: text }));
  for (const file of files) body.append('files', file, file.name);
  return body;
}
