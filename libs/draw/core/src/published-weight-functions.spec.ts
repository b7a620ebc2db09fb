// A core may not depend on contracts; this spec alone reads the published list to hold the two in step.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PUBLISHED_WEIGHT_FUNCTIONS } from '@mkt/draw/contracts';
import { CREDIT_WEIGHT_FUNCTIONS } from './credit-weights';

describe('the published credit weight functions', () => {
  it('are exactly the ones the draw applies: projects are refused any other at drafting', () => {
    expect(Object.keys(CREDIT_WEIGHT_FUNCTIONS).sort()).toEqual([...PUBLISHED_WEIGHT_FUNCTIONS].sort());
  });
});
