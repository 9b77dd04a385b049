package com.circoflows.domain.banktransfer;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which payment a credit pays: the one whose virtual account it was paid into; else the one whose reference
 * the payer typed, tolerating case, spacing, a missing "RF" and one swap of neighbours. A reference that
 * could mean more than one issued payment matches none: a credit is held rather than given to a guess.
 */
public final class CreditMatcher {
    private final VirtualAccounts accounts;
    private final TransferNumberClaims claims;

    public CreditMatcher(CollectionDetails collection, TransferNumberClaims claims) {
        this.accounts = new VirtualAccounts(collection);
        this.claims = claims;
    }

    public Optional<ClaimedTransfer> match(BankCredit credit) {
        Optional<TransferScheme> scheme = TransferScheme.forCurrency(credit.amount().currency());
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        if (credit.virtualAccount() != null) {
            OptionalLong number = accounts.numberOfTyped(scheme.get(), credit.virtualAccount());
            if (number.isPresent()) {
                Optional<ClaimedTransfer> claimed = claims.find(scheme.get(), number.getAsLong());
                if (claimed.isPresent()) {
                    return claimed;
                }
            }
        }
        return byReference(scheme.get(), credit.reference());
    }

    private Optional<ClaimedTransfer> byReference(TransferScheme scheme, String typed) {
        Set<ClaimedTransfer> issued = new LinkedHashSet<>();
        for (CreditorReference candidate : CreditorReference.candidatesFor(typed)) {
            String payload = candidate.payload();
            if (!BankText.isAsciiDigits(payload) || payload.length() > 18) {
                continue;
            }
            long number = Long.parseLong(payload);
            if (number <= VirtualAccounts.largestNumber(scheme)) {
                claims.find(scheme, number).ifPresent(issued::add);
            }
        }
        return issued.size() == 1 ? Optional.of(issued.iterator().next()) : Optional.empty();
    }
}
