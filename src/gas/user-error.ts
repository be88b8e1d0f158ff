/**
 * A problem the user can act on, with a message written for them. The sidebar and the menu show its
 * message as it is; any other error is a fault in the add-on.
 */
export class UserError extends Error {
  override name = 'UserError';
}
