package com.circoflows.cli;

/**
 * The API's test cards trigger pays with (docs/api.md "Test cards"). Only their last four digits are ever
 * printed: a full card number in output is what the project's card-data scans look for.
 */
final class TestCards {
    static final String SUCCEEDS = "4242424242424242";
    static final String DECLINED = "4000000000000002";
    static final String NEEDS_3DS = "4000000000003220";
    /** The payment succeeds; its refunds fail. */
    static final String REFUNDS_FAIL = "4000000000005126";

    private TestCards() {
    }

    static String last4(String card) {
        return card.substring(card.length() - 4);
    }
}
