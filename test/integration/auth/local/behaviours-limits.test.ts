// The shared account-behaviour suite (test/integration/auth/behaviours) against the local adapter.
import { limitBehaviours } from '../behaviours';
import { localHarness } from './harness';

limitBehaviours(localHarness().harness);
