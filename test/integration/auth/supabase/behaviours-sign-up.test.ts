// The shared account-behaviour suite (test/integration/auth/behaviours) against the Supabase
// adapter, with Supabase Auth faked at the HTTP level (MSW).
import { signUpBehaviours } from '../behaviours';
import { supabaseHarness } from './harness';

signUpBehaviours(supabaseHarness().harness);
