import base from '../../vitest.config';

// The normal configuration (global setup included), pointed at the canary alone. Spread, not
// mergeConfig: that would append to `include` and run the whole suite too.
export default {
  ...base,
  test: { ...base.test, projects: undefined, include: ['test/canary/*.test.ts'] },
};
