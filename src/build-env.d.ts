/** True only in test builds (`--mode <browser>-test`), where tests may point the Graph API at a stub. */
declare const __TEST_BUILD__: boolean;
/** True only in Firefox's test build, which opens the popup in a tab on install for the tests to drive. */
declare const __TEST_OPENS_POPUP__: boolean;
