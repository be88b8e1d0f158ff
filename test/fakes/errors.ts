/**
 * Errors thrown the way Apps Script throws them: plain `Error`s named "Exception". Real messages are
 * localised, so the add-on never branches on the text; the fakes use the English wording so that tests
 * can assert on it.
 */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** "The parameters (String[]) don't match the method signature for SpreadsheetApp.Range.setValues." */
export function signatureError(args: readonly unknown[], method: string): Error {
  return gasError(
    `The parameters (${args.map(describeType).join(',')}) don't match the method signature for ${method}.`,
  );
}

function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    return `${first === undefined ? 'Object' : describeType(first)}[]`;
  }
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    default:
      return value instanceof Date ? 'Date' : 'Object';
  }
}

export const messages = {
  authorizationRequired:
    'Authorization is required to perform that action. Please run the script again to authorize it.',
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  propertyQuota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  rangeOutside: 'The coordinates of the range are outside the dimensions of the sheet.',
  uiContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
} as const;
