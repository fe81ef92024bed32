/** True only in test builds (`--mode chrome-test`), where the tests may point the Graph API at a stub. */
declare const __TEST_BUILD__: boolean;
