/**
 * For tests that do real work at scale (10,000 messages, 10,000 entries, a lint run): generous, so a
 * loaded 2-core CI machine does not fail them; vitest's 5 s default stays for everything else.
 */
export const HEAVY_TEST_TIMEOUT_MS = 120_000;
