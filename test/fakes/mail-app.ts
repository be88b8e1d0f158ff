import type { MailAdvancedParameters, MailApp } from '../../src/gas/apps-script';
import { signatureError } from './errors';
import { composition, type MailContext } from './gmail';

/**
 * MailApp: send only, from the executing user, on the same daily recipient quota as GmailApp
 * (FAKES §8.2). `sendEmail` returns nothing; the message goes to the user's Sent mail in a thread of
 * its own and to each recipient's mailbox.
 */
export class FakeMailApp implements MailApp {
  constructor(private readonly ctx: MailContext) {}

  /** Recipients the user may still send to in the current 24-hour window. */
  getRemainingDailyQuota(): number {
    return this.ctx.model.remainingQuota(this.ctx.model.mailbox(this.ctx.user));
  }

  /**
   * Typed as the add-on may call it; the object form `sendEmail({to, subject, body, …})` and
   * `sendEmail(to, replyTo, subject, body)` work as well, as in Apps Script.
   */
  sendEmail(
    ...typed: [recipient: string, subject: string, body: string, options?: MailAdvancedParameters]
  ): void {
    const args: unknown[] = typed;
    const [first, second, third, fourth] = args;
    let message: MailAdvancedParameters;
    if (args.length === 1 && first !== null && typeof first === 'object') {
      message = first as MailAdvancedParameters;
    } else if (typeof first === 'string' && typeof second === 'string' && typeof third === 'string') {
      if (typeof fourth === 'string') message = { to: first, replyTo: second, subject: third, body: fourth };
      else if (
        fourth === undefined ||
        (fourth !== null && typeof fourth === 'object' && !Array.isArray(fourth))
      )
        message = {
          ...(fourth as MailAdvancedParameters | undefined),
          to: first,
          subject: second,
          body: third,
        };
      else throw signatureError(args, 'MailApp.sendEmail');
    } else throw signatureError(args, 'MailApp.sendEmail');

    const { to = '', subject = '', body = '', ...options } = message;
    if (typeof to !== 'string' || typeof subject !== 'string' || typeof body !== 'string')
      throw signatureError(args, 'MailApp.sendEmail');
    const mailbox = this.ctx.model.mailbox(this.ctx.user);
    // noReply (Workspace only) changes the sender to a no-reply address; the fake ignores it.
    const rest = { ...options };
    delete rest.noReply;
    const c = composition(this.ctx.user, to, subject, body, rest);
    this.ctx.model.send(mailbox, c, null, 'MailApp');
  }
}
