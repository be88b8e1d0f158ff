import type { PlannerApi } from '../shared/contract';
import type * as entryPoints from './main';

/**
 * Compile-time check that the entry file exports every function of the sidebar contract with the
 * contract's signature. It has no runtime part.
 */
type Implements<Contract, Implementation extends Contract> = Implementation;

export type PlannerEntryPoints = Implements<PlannerApi, Pick<typeof entryPoints, keyof PlannerApi>>;
