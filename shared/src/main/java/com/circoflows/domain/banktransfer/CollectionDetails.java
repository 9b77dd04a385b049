package com.circoflows.domain.banktransfer;

import java.util.Objects;

/**
 * Where the platform collects bank transfers in each scheme: the bank identifiers its virtual accounts
 * live under, and the name payers see as beneficiary.
 *
 * @param germanBankCode the eight-digit Bankleitzahl of the EUR collection bank
 */
public record CollectionDetails(String beneficiaryName, String germanBankCode, Bic bic, SortCode sortCode,
        AbaRoutingNumber routingNumber) {

    /**
     * Test mode's details, fictitious on purpose so no test transfer can reach a real bank: German bank
     * codes start with their clearing area, 1 to 8; a BIC whose location code has 0 as its second character is a SWIFT test
     * BIC; the sort code is made up (not looked up in the UK sort code directory); routing numbers
     * starting 59 are outside the ranges the ABA assigns (00-12, 21-32, 61-72, 80).
     */
    public static final CollectionDetails TEST_MODE = new CollectionDetails("CircoFlows Payments (test mode)",
            "00017000", new Bic("CIRCDEF0"), new SortCode("990017"), new AbaRoutingNumber("590017008"));

    public CollectionDetails {
        Objects.requireNonNull(beneficiaryName, "beneficiaryName");
        Objects.requireNonNull(bic, "bic");
        Objects.requireNonNull(sortCode, "sortCode");
        Objects.requireNonNull(routingNumber, "routingNumber");
        if (germanBankCode == null || germanBankCode.length() != 8 || !BankText.isAsciiDigits(germanBankCode)) {
            throw new IllegalArgumentException("A German bank code is eight digits");
        }
    }
}
