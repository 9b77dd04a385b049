package com.circoflows.domain.banktransfer;

import com.circoflows.domain.money.Money;
import com.circoflows.domain.time.Timestamps;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a payer needs to pay a bank-transfer payment, as its 202 answer's action_data shows it. */
public record BankTransferInstructions(CreditorReference reference, Money amount, String beneficiaryName,
        Instant expiresAt, BeneficiaryAccount account) {

    public static final String ACTION_TYPE = "bank_transfer_instructions";

    public BankTransferInstructions {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(beneficiaryName, "beneficiaryName");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(account, "account");
        if (!account.scheme().currency().equals(amount.currency())) {
            throw new IllegalArgumentException("The account's scheme " + account.scheme() + " does not carry "
                    + amount.currency().getCurrencyCode());
        }
    }

    /**
     * action_data: action_type, reference (without spaces, as it is to be typed), amount in minor units,
     * currency, beneficiary_name, expires_at, then the scheme's account fields.
     */
    public Map<String, Object> actionData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action_type", ACTION_TYPE);
        data.put("reference", reference.electronic());
        data.put("amount", amount.minorUnits());
        data.put("currency", amount.currency().getCurrencyCode());
        data.put("beneficiary_name", beneficiaryName);
        data.put("expires_at", Timestamps.format(expiresAt));
        data.putAll(account.instructionFields());
        return Collections.unmodifiableMap(data);
    }
}
