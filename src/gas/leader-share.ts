import { checkShareInput, leaderSummaryEmail } from '../domain/leader-share';
import type { ShareResult } from '../shared/share';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript } from './apps-script';
import { appendToLog } from './audit-log-gateway';
import { dashboardInput } from './dashboard';
import { withDocumentLock } from './document-lock';
import { displayName, whoAmI } from './identity';

const SENDER_NAME = 'AI Plan Workspace';

/**
 * Shares the plan with leaders: each address becomes a viewer (an editor only when asked) and gets a
 * short summary with the key figures and the link. The quota is checked first: when it is too low,
 * nobody is added and nothing is sent.
 */
export function shareWithLeaders(gas: AppsScript, input: unknown): ShareResult {
  const checked = checkShareInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const { addresses, role, note } = checked.value;
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
  const view = dashboardInput(gas, now);
  const spreadsheet = activeSpreadsheet(gas);
  const email = leaderSummaryEmail(view, spreadsheet.getName(), spreadsheet.getUrl(), note);
  return withDocumentLock(gas, () => {
    for (const address of addresses) {
      if (role === 'editor') spreadsheet.addEditor(address);
      else spreadsheet.addViewer(address);
      gas.MailApp.sendEmail(address, email.subject, email.plain, { htmlBody: email.html, name: SENDER_NAME });
    }
    appendToLog(
      gas,
      spreadsheet,
      [
        {
          who: displayName(whoAmI(gas)),
          action: 'Shared with leaders',
          subject: role === 'editor' ? 'Editors' : 'Viewers',
          before: '',
          after: addresses.join(', '),
          note: 'Each was sent the summary email.',
        },
      ],
      now,
    );
    return {
      ok: true,
      message: `Shared with ${addresses.length} ${addresses.length === 1 ? 'person' : 'people'} (${role === 'editor' ? 'can edit' : 'view only'}) and sent each the summary.`,
    };
  });
}
