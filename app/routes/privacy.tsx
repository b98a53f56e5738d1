import type { MetaFunction } from '@remix-run/cloudflare';
import { PrivacyPolicy } from '~/privacy/policy';

export const meta: MetaFunction = () => [{ title: 'Privacy policy · JobTrack' }];

export default function Privacy() {
  return <PrivacyPolicy />;
}
