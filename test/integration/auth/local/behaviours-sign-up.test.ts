// The shared account-behaviour suite (test/integration/auth/behaviours) against the local adapter.
import { signUpBehaviours } from '../behaviours';
import { localHarness } from './harness';

signUpBehaviours(localHarness().harness);
