// A load generator's HTTP client that does not eat the cores it measures: one keep-alive HTTP/1.1
// connection written and read by hand, one request at a time, replies with Content-Length (the
// app always sends it). Node's http client cost ~0.3–0.35 ms of CPU per request on the same two
// cores as the app — as much as the app's own work on a warm search or queue page.
import net from 'node:net';

export type RawReply = { status: number; text: string };

export class RawConnection {
  private readonly socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: RawReply) => void; reject: (e: Error) => void } | null = null;

  constructor(port: number) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.received(chunk));
    this.socket.on('error', (e) => this.fail(e));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  request(
    method: string,
    pathname: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<RawReply> {
    const payload = options.body === undefined ? '' : JSON.stringify(options.body);
    let headers = payload ? `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n` : '';
    for (const [k, v] of Object.entries(options.headers ?? {})) headers += `${k}: ${v}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(`${method} ${pathname} HTTP/1.1\r\nhost: 127.0.0.1\r\n${headers}\r\n${payload}`);
    });
  }

  close(): void {
    this.waiting = null;
    this.socket.destroy();
  }

  private fail(e: Error): void {
    const w = this.waiting;
    this.waiting = null;
    w?.reject(e);
  }

  private received(chunk: Buffer): void {
    this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, chunk]) : chunk;
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffer.toString('latin1', 0, end);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) return this.fail(new Error(`no content-length: ${head.slice(0, 200)}`));
    const total = end + 4 + Number(length[1]);
    if (this.buffer.length < total) return;
    const text = this.buffer.toString('utf8', end + 4, total);
    this.buffer = this.buffer.subarray(total);
    const w = this.waiting;
    this.waiting = null;
    w?.resolve({ status: Number(head.slice(9, 12)), text });
  }
}
