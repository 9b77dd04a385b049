package com.circoflows.domain.banktransfer;

import com.circoflows.domain.money.CurrencyRules;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.time.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The bank-transfer side of a payment: where the payer sends the money, by when, and what has arrived.
 *
 * @param number        the payment-unique number its virtual account and reference are derived from
 * @param accountFields the scheme's account fields exactly as the instructions show them (iban and bic;
 *                      account_number and sort_code; account_number and routing_number)
 * @param received      every credit applied to the payment, in its currency
 * @param excess        money received that the payment does not need: paid over its amount, arrived after it
 *                      was paid, or arrived before it expired unpaid. Owed back to the payer.
 */
public record BankTransferDetails(long number, CreditorReference reference, String beneficiaryName,
        Map<String, String> accountFields, Instant expiresAt, Money received, Money excess) {

    public BankTransferDetails {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(beneficiaryName, "beneficiaryName");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(excess, "excess");
        accountFields = Map.copyOf(accountFields);
        if (!received.sameCurrencyAs(excess) || excess.isMoreThan(received)) {
            throw new IllegalArgumentException("excess " + excess.minorUnits() + " of " + received.minorUnits()
                    + " received breaks the invariants");
        }
    }

    /** A new payment's: nothing received yet. */
    public static BankTransferDetails awaiting(long number, BankTransferInstructions instructions) {
        Money nothing = Money.zero(instructions.amount().currency());
        return new BankTransferDetails(number, instructions.reference(), instructions.beneficiaryName(),
                instructions.account().instructionFields(), instructions.expiresAt(), nothing, nothing);
    }

    public TransferScheme scheme() {
        return TransferScheme.forCurrency(received.currency()).orElseThrow();
    }

    /** Adds a credit; {@code toExcess} of it is not needed by the payment. */
    public BankTransferDetails credited(Money amount, Money toExcess) {
        return new BankTransferDetails(number, reference, beneficiaryName, accountFields, expiresAt,
                received.plus(amount), excess.plus(toExcess));
    }

    /** The payment expired unpaid: all it received is owed back. */
    public BankTransferDetails allReceivedIsExcess() {
        return new BankTransferDetails(number, reference, beneficiaryName, accountFields, expiresAt, received,
                received);
    }

    /** What the payment still lacks of {@code amount}; zero once credits reached it. */
    public Money remaining(Money amount) {
        return amount.isMoreThan(received) ? amount.minus(received) : Money.zero(amount.currency());
    }

    /** Whether what was received can grow by {@code credit} and stay within the largest amount there is. */
    public boolean canRecord(Money credit) {
        return received.minorUnits() + credit.minorUnits() <= CurrencyRules.MAXIMUM_AMOUNT_MINOR_UNITS;
    }

    /** The account the payer pays into, as a bank credit names it: the IBAN, else the account number. */
    public String payInAccount() {
        String iban = accountFields.get("iban");
        return iban != null ? iban : accountFields.get("account_number");
    }

    public boolean expiredBy(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** action_data of the payment's 202 and of its GET while pending: what the payer still has to send. */
    public Map<String, Object> actionData(Money amount) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action_type", BankTransferInstructions.ACTION_TYPE);
        data.put("reference", reference.electronic());
        data.put("amount", amount.minorUnits());
        data.put("currency", amount.currencyCode());
        data.put("amount_received", received.minorUnits());
        data.put("amount_remaining", remaining(amount).minorUnits());
        data.put("beneficiary_name", beneficiaryName);
        data.put("expires_at", Timestamps.format(expiresAt));
        data.put("scheme", scheme().displayName());
        data.putAll(orderedAccountFields());
        return data;
    }

    /** The payment's bank_transfer block in GET /api/direct-payment/{id} and in webhook events. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", reference.electronic());
        view.put("beneficiary_name", beneficiaryName);
        view.putAll(orderedAccountFields());
        view.put("expires_at", Timestamps.format(expiresAt));
        view.put("amount_received", received.minorUnits());
        view.put("amount_excess", excess.minorUnits());
        return view;
    }

    private Map<String, String> orderedAccountFields() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : new String[] {"iban", "bic", "account_number", "sort_code", "routing_number"}) {
            if (accountFields.containsKey(name)) {
                ordered.put(name, accountFields.get(name));
            }
        }
        return ordered;
    }
}
