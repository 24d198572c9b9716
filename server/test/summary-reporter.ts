// Prints per-tier counts and one plain closing line (`tests: N passed, N failed, N skipped`) that CI can read.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const tiers = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const mod of modules) {
      const tier = mod.project.name || 'default';
      const t = tiers.get(tier) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') t.passed++;
        else if (state === 'failed') t.failed++;
        else t.skipped++;
      }
      // A module that failed to load has no tests but is a failure.
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) t.failed++;
      tiers.set(tier, t);
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    const lines = ['', 'tests per tier:'];
    for (const [tier, t] of [...tiers].sort()) {
      lines.push(`  ${tier.padEnd(9)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
      total.passed += t.passed;
      total.failed += t.failed;
      total.skipped += t.skipped;
    }
    lines.push(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`, '');
    process.stdout.write(lines.join('\n'));
  }
}
