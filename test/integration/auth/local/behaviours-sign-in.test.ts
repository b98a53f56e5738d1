// The shared account-behaviour suite (test/integration/auth/behaviours) against the local adapter.
import { signInBehaviours } from '../behaviours';
import { localHarness } from './harness';

signInBehaviours(localHarness().harness);
