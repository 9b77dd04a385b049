package com.circoflows.domain.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VirtualAccountsTest {

    private final VirtualAccounts accounts = new VirtualAccounts(CollectionDetails.TEST_MODE);

    @Test
    void aEuroPaymentGetsAValidGermanIbanUnderThePlatformBankCode() {
        BeneficiaryAccount.Sepa account =
                (BeneficiaryAccount.Sepa) accounts.accountFor(TransferScheme.SEPA_CREDIT_TRANSFER, 123_456_789L);
        Iban iban = account.iban();
        assertTrue(Iban.isValid(iban.printed()));
        assertEquals("DE", iban.countryCode());
        assertEquals(22, iban.electronic().length());
        assertTrue(iban.bban().startsWith(CollectionDetails.TEST_MODE.germanBankCode()));
        assertEquals(CollectionDetails.TEST_MODE.bic(), account.bic());
    }

    @Test
    void aPoundPaymentGetsAnEightDigitAccountUnderThePlatformSortCode() {
        BeneficiaryAccount.FasterPayments account =
                (BeneficiaryAccount.FasterPayments) accounts.accountFor(TransferScheme.FASTER_PAYMENTS, 42);
        assertEquals(8, account.accountNumber().digits().length());
        assertEquals(CollectionDetails.TEST_MODE.sortCode(), account.sortCode());
    }

    @Test
    void aDollarPaymentGetsAnAccountUnderThePlatformRoutingNumber() {
        BeneficiaryAccount.Us account = (BeneficiaryAccount.Us) accounts.accountFor(TransferScheme.ACH_OR_WIRE, 42);
        int length = account.accountNumber().digits().length();
        assertTrue(length >= 4 && length <= 17);
        assertEquals(CollectionDetails.TEST_MODE.routingNumber(), account.routingNumber());
    }

    @ParameterizedTest
    @EnumSource(TransferScheme.class)
    void theAccountLeadsBackToThePaymentNumber(TransferScheme scheme) {
        for (long number : new long[] {0, 1, 42, 9_999_999, VirtualAccounts.largestNumber(scheme)}) {
            BeneficiaryAccount account = accounts.accountFor(scheme, number);
            assertEquals(OptionalLong.of(number), accounts.numberOf(account), scheme + " " + number);
        }
    }

    @ParameterizedTest
    @EnumSource(TransferScheme.class)
    void differentPaymentsGetDifferentAccounts(TransferScheme scheme) {
        assertNotEquals(accounts.accountFor(scheme, 1000), accounts.accountFor(scheme, 1001));
    }

    @ParameterizedTest
    @EnumSource(TransferScheme.class)
    void numbersTooLargeForTheSchemeAreRefused(TransferScheme scheme) {
        assertThrows(IllegalArgumentException.class,
                () -> accounts.accountFor(scheme, VirtualAccounts.largestNumber(scheme) + 1));
        assertThrows(IllegalArgumentException.class, () -> accounts.accountFor(scheme, -1));
    }

    @Test
    void aUkAccountWithOneMistypedDigitMatchesNoPayment() {
        String digits = ((BeneficiaryAccount.FasterPayments) accounts.accountFor(TransferScheme.FASTER_PAYMENTS, 4_711))
                .accountNumber().digits();
        for (int i = 0; i < digits.length(); i++) {
            for (char other = '0'; other <= '9'; other++) {
                if (other != digits.charAt(i)) {
                    String typo = digits.substring(0, i) + other + digits.substring(i + 1);
                    assertFalse(accounts.numberOf(new BeneficiaryAccount.FasterPayments(UkAccountNumber.parse(typo),
                            CollectionDetails.TEST_MODE.sortCode())).isPresent(), typo);
                }
            }
        }
    }

    @Test
    void aUsAccountWithSwappedNeighbouringDigitsMatchesNoPayment() {
        String digits = ((BeneficiaryAccount.Us) accounts.accountFor(TransferScheme.ACH_OR_WIRE, 1_234_567_890L))
                .accountNumber().digits();
        for (int i = 0; i + 1 < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(i + 1)) {
                String typo = digits.substring(0, i) + digits.charAt(i + 1) + digits.charAt(i) + digits.substring(i + 2);
                assertFalse(accounts.numberOf(new BeneficiaryAccount.Us(UsAccountNumber.parse(typo),
                        CollectionDetails.TEST_MODE.routingNumber())).isPresent(), typo);
            }
        }
    }

    @Test
    void anAccountAsABankCreditNamesItLeadsBackToThePaymentNumber() {
        Iban iban = ((BeneficiaryAccount.Sepa) accounts.accountFor(TransferScheme.SEPA_CREDIT_TRANSFER, 31_337))
                .iban();
        assertEquals(OptionalLong.of(31_337),
                accounts.numberOfTyped(TransferScheme.SEPA_CREDIT_TRANSFER, iban.printed().toLowerCase()));
        String ukDigits = ((BeneficiaryAccount.FasterPayments) accounts.accountFor(TransferScheme.FASTER_PAYMENTS,
                31_337)).accountNumber().digits();
        assertEquals(OptionalLong.of(31_337), accounts.numberOfTyped(TransferScheme.FASTER_PAYMENTS,
                ukDigits.substring(0, 4) + " " + ukDigits.substring(4)));
        String usDigits = ((BeneficiaryAccount.Us) accounts.accountFor(TransferScheme.ACH_OR_WIRE, 31_337))
                .accountNumber().digits();
        assertEquals(OptionalLong.of(31_337), accounts.numberOfTyped(TransferScheme.ACH_OR_WIRE, usDigits));
    }

    @ParameterizedTest
    @EnumSource(TransferScheme.class)
    void garbledAccountTextInACreditMatchesNoPaymentInsteadOfFailing(TransferScheme scheme) {
        for (String garbled : new String[] {null, "", "not an account", "DE00 0000", "9".repeat(500)}) {
            assertEquals(OptionalLong.empty(), accounts.numberOfTyped(scheme, garbled), String.valueOf(garbled));
        }
    }

    @Test
    void accountsUnderAnotherBankAreNotOurs() {
        assertEquals(OptionalLong.empty(), accounts.numberOf(new BeneficiaryAccount.Sepa(
                Iban.parse("DE89 3704 0044 0532 0130 00"), Bic.parse("COBADEFF"))));
        assertEquals(OptionalLong.empty(), accounts.numberOf(new BeneficiaryAccount.FasterPayments(
                UkAccountNumber.parse("00000420"), SortCode.parse("12-34-56"))));
        assertEquals(OptionalLong.empty(), accounts.numberOf(new BeneficiaryAccount.Us(
                UsAccountNumber.parse("0000000000000420"), AbaRoutingNumber.parse("021000021"))));
    }

    @Test
    void aUsAccountOfAnotherLengthUnderOurRoutingNumberIsNotOurs() {
        assertEquals(OptionalLong.empty(), accounts.numberOf(new BeneficiaryAccount.Us(
                UsAccountNumber.parse("4204"), CollectionDetails.TEST_MODE.routingNumber())));
    }

    @Test
    void testModeDetailsAreWellFormed() {
        CollectionDetails details = CollectionDetails.TEST_MODE;
        assertEquals('0', details.bic().value().charAt(7), "a SWIFT test BIC");
        assertEquals('0', details.germanBankCode().charAt(0), "German bank codes start with a clearing area 1 to 8");
        assertEquals("59", details.routingNumber().digits().substring(0, 2), "outside the ABA's assigned ranges");
    }
}
