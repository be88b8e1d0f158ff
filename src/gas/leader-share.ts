import { boardSummaryEmail, checkShareInput, VIEWERS_SEE } from '../domain/leader-share';
import type { ShareResult } from '../shared/share';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript } from './apps-script';
import { appendToLog } from './audit-log-gateway';
import { withDocumentLock } from './document-lock';
import { displayName, whoAmI } from './identity';
import { currentSummary } from './leader-view';
import { refusedForLength } from '../domain/input-caps';

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
    for (const address of addresses) {
      if (access === 'view') spreadsheet.addViewer(address);
      gas.MailApp.sendEmail(address, email.subject, email.plain, { htmlBody: email.html, name: SENDER_NAME });
    }
    appendToLog(
      gas,
      spreadsheet,
      [
        {
          who: displayName(me),
          action: access === 'view' ? 'Shared with leaders (view access)' : 'Sent the Board summary',
          subject: access === 'view' ? 'Viewers' : 'Board summary',
          before: '',
          after: addresses.join(', '),
          note:
            access === 'view'
              ? `Viewers can see ${VIEWERS_SEE.join('; ')}.`
              : 'Email only; no access granted.',
        },
      ],
      now,
    );
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
