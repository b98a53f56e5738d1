import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Ends the run with one unmistakable line, so a skim of CI output shows what happened. */
export default class ClosingLine implements Reporter {
  private counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };

  // Each test counts once, by its last attempt; one that passed only on a retry is named.
  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === 'passed') {
      this.counts.passed += 1;
      if (result.retry > 0) {
        this.counts.flaky += 1;
        console.log(`FLAKY (passed on retry ${result.retry}): ${test.titlePath().join(' › ')}`);
      }
    } else if (result.status === 'skipped') this.counts.skipped += 1;
    else if (result.retry >= test.retries) this.counts.failed += 1;
  }

  onEnd(result: FullResult) {
    const { passed, failed, skipped, flaky } = this.counts;
    const verdict = result.status === 'passed' ? 'PASSED' : 'FAILED';
    const retried = flaky ? ` (${flaky} only on a retry: see FLAKY above)` : '';
    console.log(
      `\nBrowser tests ${verdict}: ${passed} passed, ${failed} failed, ${skipped} skipped${retried} (Chromium, JavaScript on and off).`,
    );
  }

  printsToStdio() {
    return false;
  }
}
