// Outgoing mail benchmark: renders BENCH_MAILS (default 2000) messages — every template, every
// language, answers with a text — with the real layout and branding, then hands BENCH_SEND
// (default 500) of them to an SMTP capture on 127.0.0.1 through the production transport
// (nodemailer, one connection per message, as the mail.send job does), one at a time and 4 at
// once. Prints messages/s. Traffic goes to 127.0.0.1 only.
// Run: npm run bench:mail-out
import { cpus, totalmem } from 'node:os';
import { startSmtpCapture } from '../scripts/smtp-capture.mjs';
import { createMailTransport } from '../server/platform/mail/transport';
import { DEFAULT_BRAND, MAIL_TEMPLATES, renderMail } from '../server/modules/mail/templates';

const MAILS = Number(process.env.BENCH_MAILS ?? 2000);
const SEND = Number(process.env.BENCH_SEND ?? 500);
const LOCALES = ['ru', 'uk', 'en'] as const;
const body =
  'Здравствуйте! Мы проверили платёж по вашему кошельку: деньги зачислены 3 марта в 14:20.\n' +
  'Если баланс не обновился, перезапустите приложение. <Спасибо> за обращение & хорошего дня!\n'.repeat(3);

function render(i: number) {
  const template = MAIL_TEMPLATES[i % MAIL_TEMPLATES.length]!;
  const number = `PD-${1_000_000 + i}`;
  return {
    template,
    number,
    ...renderMail(
      template,
      LOCALES[i % 3]!,
      { number, url: `https://help.example.test/requests/${number}`, expectedBy: new Date(), body: i % 2 ? body : null },
      DEFAULT_BRAND,
    ),
  };
}

async function main() {
  console.log(`machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; node ${process.version}`);
  for (let i = 0; i < 200; i++) render(i); // warm-up
  let t0 = performance.now();
  let bytes = 0;
  const rendered: Array<ReturnType<typeof render>> = [];
  for (let i = 0; i < MAILS; i++) {
    const m = render(i);
    bytes += m.html.length + m.text.length;
    rendered.push(m);
  }
  let ms = performance.now() - t0;
  console.log(
    `render: ${MAILS} messages in ${ms.toFixed(0)} ms → ${Math.round((MAILS / ms) * 1000)} messages/s (avg ${Math.round(bytes / MAILS)} chars html+text)`,
  );

  const smtp = await startSmtpCapture();
  const transport = createMailTransport(smtp.url)!;
  const send = (i: number) => {
    const m = rendered[i % rendered.length]!;
    return transport.send({
      from: 'paydesk <support@paydesk.local>',
      to: `bench${i}@example.test`,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: `<bench-${i}-${Date.now()}@paydesk.local>`,
      inReplyTo: `<root-${i}@paydesk.local>`,
      references: [`<root-${i}@paydesk.local>`],
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
    });
  };
  try {
    await send(0);
    t0 = performance.now();
    for (let i = 0; i < SEND; i++) await send(i);
    ms = performance.now() - t0;
    console.log(`send (1 at a time): ${SEND} messages in ${ms.toFixed(0)} ms → ${Math.round((SEND / ms) * 1000)} messages/s`);
    t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < SEND) await send(next++);
      }),
    );
    ms = performance.now() - t0;
    console.log(`send (4 at once): ${SEND} messages in ${ms.toFixed(0)} ms → ${Math.round((SEND / ms) * 1000)} messages/s`);
    const received = smtp.messages.length;
    if (received < SEND * 2) throw new Error(`capture received ${received}, expected ${SEND * 2 + 1}`);
    console.log(`capture received ${received} messages`);
  } finally {
    await smtp.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
