export type CapturedMail = {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  raw: string;
  createdAt: string;
};
export function parseMessage(raw: string): { headers: Record<string, string>; subject: string; text: string; html: string };
export function startSmtpCapture(options?: { port?: number }): Promise<{
  port: number;
  url: string;
  messages: CapturedMail[];
  waitFor(to: string, options?: { timeoutMs?: number }): Promise<CapturedMail>;
  close(): Promise<void>;
}>;
