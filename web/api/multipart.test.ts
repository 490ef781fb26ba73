import { describe, expect, it } from 'vitest';
import { buildReplyBody, buildTicketBody } from './multipart';
import type { TicketPayload } from './requests';

const payload: TicketPayload = {
  categoryId: 'c1',
  fields: { receipt: '1234' },
  email: 'guest@example.com',
  locale: 'ru',
  replyChannel: 'email',
  website: '',
};

describe('request bodies', () => {
  it('is plain JSON without files', () => {
    expect(buildTicketBody(payload, {})).toBe(payload);
    expect(buildTicketBody(payload, { scan: [] })).toBe(payload);
  });

  it('is multipart with a data part and file parts named after the field', async () => {
    const a = new File(['a'], 'a.png', { type: 'image/png' });
    const b = new File(['bb'], 'b.pdf', { type: 'application/pdf' });
    const body = buildTicketBody(payload, { scan: [a, b], photo: [a] });
    expect(body).toBeInstanceOf(FormData);
    const form = body as FormData;
    expect(JSON.parse(form.get('data') as string)).toEqual(payload);
    expect((form.getAll('scan') as File[]).map((f) => f.name)).toEqual(['a.png', 'b.pdf']);
    expect((form.getAll('photo') as File[]).map((f) => f.name)).toEqual(['a.png']);
    expect(await (form.get('scan') as File).text()).toBe('a');
  });

  it('sends a reply as JSON, or with its files in parts named "files"', () => {
    expect(buildReplyBody('Hello', [])).toEqual({ body: 'Hello' });
    const form = buildReplyBody('Hello', [new File(['a'], 'a.png'), new File(['b'], 'b.png')]) as FormData;
    expect(JSON.parse(form.get('data') as string)).toEqual({ body: 'Hello' });
    expect(form.getAll('files')).toHaveLength(2);
  });
});
