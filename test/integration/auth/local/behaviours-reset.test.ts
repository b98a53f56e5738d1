// The shared account-behaviour suite (test/integration/auth/behaviours) against the local adapter.
import { resetBehaviours } from '../behaviours';
import { localHarness } from './harness';

resetBehaviours(localHarness().harness);
