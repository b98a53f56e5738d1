// The shared account-behaviour suite (test/integration/auth/behaviours) against the local adapter.
import { accountBehaviours } from '../behaviours';
import { localHarness } from './harness';

accountBehaviours(localHarness().harness);
