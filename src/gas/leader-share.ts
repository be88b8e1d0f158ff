import { boardSummaryEmail, checkShareInput, VIEWERS_SEE } from '../domain/leader-share';
import type { ShareResult } from '../shared/share';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript } from './apps-script';
import { mailToken } from '../domain/outbox';
import { localSigner } from './document-secret';
import { withDocumentLock } from './document-lock';
import { displayName, whoAmI } from './identity';
import { currentSummary } from './leader-view';
import { Outbox } from './outbox';
import { refusedForLength } from '../domain/input-caps';
import { localDay, timeZoneOf } from './local-time';

const SENDER_NAME = 'AI Plan Workspace';

/**
 * Shares the plan with leaders. By default each address gets the Board summary by email and no access
 * at all; view access is added only when the person chose it explicitly (never edit access: that is
 * Sheets' own Share button). Addresses outside the sharer's domain need a confirmation. The quota is
 * checked first: when it is too low, nobody is added and nothing is sent.
 */
export function shareWithLeaders(gas: AppsScript, input: unknown): ShareResult {
  const me = whoAmI(gas);
  const at = me.email.lastIndexOf('@');
  const checked = checkShareInput(input, at < 0 ? null : me.email.slice(at + 1).toLowerCase());
  if (!checked.ok) return { ok: false, errors: checked.errors };
  // What the checks above do not measure (IDs, choices, dates) is held to its cap too.
  const refused = refusedForLength('shareWithLeaders', input);
  if (refused) return refused;
  const { addresses, access, note } = checked.value;
  const quota = gas.MailApp.getRemainingDailyQuota();
  if (quota < addresses.length) {
    return {
      ok: false,
      errors: [
        {
          field: 'addresses',
          message: `Gmail allows ${quota} more ${quota === 1 ? 'recipient' : 'recipients'} today and this needs ${addresses.length}. Nobody was added; try again tomorrow.`,
        },
      ],
    };
  }
  const now = new Date();
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const summary = currentSummary(gas, now);
    const email = boardSummaryEmail(summary, spreadsheet.getName(), spreadsheet.getUrl(), note, access);
    const sign = localSigner(gas);
    const outbox = Outbox.open(gas, spreadsheet, me.email.toLowerCase(), sign);
    // Adding a viewer again changes nothing, so it goes first; the summaries are queued before they are
    // sent, each with a token for this person, day and note, so a share made again sends each once.
    for (const address of addresses) if (access === 'view') spreadsheet.addViewer(address);
    const today = localDay(gas, timeZoneOf(spreadsheet), now);
    const fresh = addresses
      .map((address) => ({
        token: mailToken(sign, spreadsheet.getId(), ['Summary', address.toLowerCase(), today, note, access]),
        kind: 'Summary' as const,
        about: spreadsheet.getName().slice(0, 100),
        to: address,
        cc: '',
        subject: email.subject,
        plain: email.plain,
        html: email.html,
        inThread: '',
        allowed: [],
        fromName: SENDER_NAME,
      }))
      .filter((summary) => !outbox.find(summary.token));
    outbox.enqueue(fresh, now);
    // A share made again (after an error, say) logs only what it had not done; the events are
    // journaled with the emails, so a run cut off before the Log has them appended by the next.
    outbox.journal(
      fresh.length === 0
        ? []
        : [
            {
              who: displayName(me),
              action: access === 'view' ? 'Shared with leaders (view access)' : 'Sent the Board summary',
              subject: access === 'view' ? 'Viewers' : 'Board summary',
              before: '',
              after: fresh.map((f) => f.to).join(', '),
              note:
                access === 'view'
                  ? `Viewers can see ${VIEWERS_SEE.join('; ')}.`
                  : 'Email only; no access granted.',
            },
          ],
      now,
    );
    outbox.write();
    outbox.log(now);
    outbox.deliver(now);
    const people = `${addresses.length} ${addresses.length === 1 ? 'person' : 'people'}`;
    return {
      ok: true,
      message:
        access === 'view'
          ? `Sent the Board summary to ${people} and gave them view access to the whole spreadsheet.`
          : `Sent the Board summary to ${people}. No access to the spreadsheet was granted.`,
    };
  });
}
