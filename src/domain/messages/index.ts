import type { Catalogue } from './catalogue';
import { boardMessages } from './board-messages';
import { cardMessages } from './card-messages';
import { dataTierMessages } from './data-tier-messages';
import { emailMessages } from './email-messages';
import { incidentNotice } from './incident-notice';
import { pilotNotice } from './pilot-notice-messages';
import { stopRuleMessages } from './stop-rule-messages';

/**
 * Every catalogue of messages, by name. A module that adds texts people receive (emails, the Gmail card,
 * notifications) registers its catalogue here, so the language check in catalogue.test.ts covers it.
 */
export const catalogues: Readonly<Record<string, Catalogue>> = {
  board: boardMessages,
  card: cardMessages,
  dataTier: dataTierMessages,
  email: emailMessages,
  incidentNotice,
  pilotNotice,
  stopRule: stopRuleMessages,
};
