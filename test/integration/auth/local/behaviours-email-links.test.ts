// The shared account-behaviour suite (test/integration/auth/behaviours) against the local adapter.
import { emailLinkBehaviours } from '../behaviours';
import { localHarness } from './harness';

emailLinkBehaviours(localHarness().harness);
