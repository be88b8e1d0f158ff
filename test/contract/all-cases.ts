import type { ContractCase } from './contract';
import { chartCases } from './cases/charts';
import { clockRunCases } from './cases/clock-run';
import { formatCases } from './cases/formats';
import { gmailCases } from './cases/gmail';
import { lockCases } from './cases/locks';
import { metadataCases } from './cases/metadata';
import { propertyCases } from './cases/properties';
import { protectionCases } from './cases/protection';
import { rangeCases } from './cases/ranges';
import { sheetCases } from './cases/sheets';
import { triggerCases } from './cases/triggers';
import { utilityCases } from './cases/utilities';
import { validationCases } from './cases/validation';
import { valueCases } from './cases/values';

export const contractCases: readonly ContractCase[] = [
  ...rangeCases,
  ...valueCases,
  ...sheetCases,
  ...validationCases,
  ...formatCases,
  ...metadataCases,
  ...protectionCases,
  ...propertyCases,
  ...lockCases,
  ...utilityCases,
  ...triggerCases,
  ...clockRunCases,
  ...chartCases,
  ...gmailCases,
];
