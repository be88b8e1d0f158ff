/** Changing an approved plan: the refusal the save paths return and the confirmation they accept. */
export type { ApprovedChangeNotice, ApprovedChangeRefusal } from '../domain/approved-change';

/** What a save input may carry besides its fields: the version whose approvals the person voids. */
export type ApprovedChangeConfirmation = { confirmApprovedChange?: string };
