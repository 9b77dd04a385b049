package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Each payment's own account to be paid into, derived from a payment-unique number under the platform's
 * collection details, and the number read back from an account a credit names.
 *
 * <p>Every account part ends in a {@link Damm} check digit over the number, so a payer who mistypes one
 * digit or swaps two neighbours names no payment at all rather than someone else's. The IBAN's own
 * mod 97 would catch that too for EUR; the UK and US schemes have no check of their own.
 *
 * <p>How many numbers fit: EUR 10^9 (ten-digit German account number), GBP 10^7 (eight-digit account
 * number), USD 10^10 (eleven-digit account number). Ten digits, not the fifteen ACH's seventeen would carry:
 * a payment's reference is its number's digits after "RF" and two check digits, and a run of 13 or more
 * digits can pass the Luhn check and be taken for a card number (refused when typed, masked when stored).
 * Twelve digits at most never can.
 */
public final class VirtualAccounts {

    static final int SEPA_NUMBER_DIGITS = 9;
    static final int FASTER_PAYMENTS_NUMBER_DIGITS = UkAccountNumber.LENGTH - 1;
    static final int US_NUMBER_DIGITS = 10;

    private final CollectionDetails details;

    public VirtualAccounts(CollectionDetails details) {
        this.details = Objects.requireNonNull(details, "details");
    }

    /**
     * The account the payment with this number is paid into in the scheme.
     *
     * @throws IllegalArgumentException when the number is negative or too large for the scheme's accounts
     */
    public BeneficiaryAccount accountFor(TransferScheme scheme, long number) {
        switch (scheme) {
            case SEPA_CREDIT_TRANSFER:
                return new BeneficiaryAccount.Sepa(
                        Iban.fromBban("DE", details.germanBankCode() + accountPart(number, SEPA_NUMBER_DIGITS)),
                        details.bic());
            case FASTER_PAYMENTS:
                return new BeneficiaryAccount.FasterPayments(
                        UkAccountNumber.parse(accountPart(number, FASTER_PAYMENTS_NUMBER_DIGITS)), details.sortCode());
            case ACH_OR_WIRE:
                return new BeneficiaryAccount.Us(
                        UsAccountNumber.parse(accountPart(number, US_NUMBER_DIGITS)), details.routingNumber());
            default:
                throw new IllegalArgumentException("No virtual accounts in " + scheme);
        }
    }

    /**
     * The payment number an account was derived from, or empty when the account is not one of ours (another
     * bank, sort code or routing number, or a check digit that does not match).
     */
    public OptionalLong numberOf(BeneficiaryAccount account) {
        if (account instanceof BeneficiaryAccount.Sepa sepa) {
            Iban iban = sepa.iban();
            String bankCode = details.germanBankCode();
            if (!iban.countryCode().equals("DE") || !iban.bban().startsWith(bankCode)) {
                return OptionalLong.empty();
            }
            return numberIn(iban.bban().substring(bankCode.length()), SEPA_NUMBER_DIGITS);
        }
        if (account instanceof BeneficiaryAccount.FasterPayments uk) {
            return uk.sortCode().equals(details.sortCode())
                    ? numberIn(uk.accountNumber().digits(), FASTER_PAYMENTS_NUMBER_DIGITS)
                    : OptionalLong.empty();
        }
        if (account instanceof BeneficiaryAccount.Us us) {
            return us.routingNumber().equals(details.routingNumber())
                    ? numberIn(us.accountNumber().digits(), US_NUMBER_DIGITS)
                    : OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /**
     * The payment number of an account number as a bank credit names it: an IBAN for EUR, the account
     * number for GBP and USD (the credit arrived at our sort code or routing number). Empty when the text
     * is malformed or names no account of ours, so a garbled credit is held, not refused.
     */
    public OptionalLong numberOfTyped(TransferScheme scheme, String typedAccount) {
        try {
            switch (scheme) {
                case SEPA_CREDIT_TRANSFER:
                    return numberOf(new BeneficiaryAccount.Sepa(Iban.parse(typedAccount), details.bic()));
                case FASTER_PAYMENTS:
                    return numberOf(new BeneficiaryAccount.FasterPayments(
                            UkAccountNumber.parse(typedAccount), details.sortCode()));
                case ACH_OR_WIRE:
                    return numberOf(new BeneficiaryAccount.Us(
                            UsAccountNumber.parse(typedAccount), details.routingNumber()));
                default:
                    return OptionalLong.empty();
            }
        } catch (ApiException malformed) {
            return OptionalLong.empty();
        }
    }

    /** The largest payment number the scheme's accounts can carry. */
    public static long largestNumber(TransferScheme scheme) {
        return power10(numberDigits(scheme)) - 1;
    }

    private static int numberDigits(TransferScheme scheme) {
        switch (scheme) {
            case SEPA_CREDIT_TRANSFER:
                return SEPA_NUMBER_DIGITS;
            case FASTER_PAYMENTS:
                return FASTER_PAYMENTS_NUMBER_DIGITS;
            default:
                return US_NUMBER_DIGITS;
        }
    }

    private static String accountPart(long number, int numberDigits) {
        if (number < 0 || number >= power10(numberDigits)) {
            throw new IllegalArgumentException("A virtual account number here is 0 to " + (power10(numberDigits) - 1));
        }
        String padded = String.format("%0" + numberDigits + "d", number);
        return padded + Damm.checkDigit(padded);
    }

    private static OptionalLong numberIn(String accountPart, int numberDigits) {
        if (accountPart.length() != numberDigits + 1 || !BankText.isAsciiDigits(accountPart)
                || !Damm.isValid(accountPart)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(accountPart.substring(0, numberDigits)));
    }

    private static long power10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
