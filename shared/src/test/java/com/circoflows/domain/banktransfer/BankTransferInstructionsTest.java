package com.circoflows.domain.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BankTransferInstructionsTest {

    private static final Instant EXPIRES_AT = Instant.parse("2026-12-13T15:30:00Z");
    private final VirtualAccounts accounts = new VirtualAccounts(CollectionDetails.TEST_MODE);

    @Test
    void euroInstructionsCarryIbanAndBic() {
        BeneficiaryAccount.Sepa account =
                (BeneficiaryAccount.Sepa) accounts.accountFor(TransferScheme.SEPA_CREDIT_TRANSFER, 7);
        Map<String, Object> data = instructions(Money.of(12_345, "EUR"), account).actionData();
        assertEquals(List.of("action_type", "reference", "amount", "currency", "beneficiary_name", "expires_at",
                "iban", "bic"), List.copyOf(data.keySet()));
        assertEquals("bank_transfer_instructions", data.get("action_type"));
        assertEquals("RF18539007547034", data.get("reference"));
        assertEquals(12_345L, data.get("amount"));
        assertEquals("EUR", data.get("currency"));
        assertEquals("Example Shop", data.get("beneficiary_name"));
        assertEquals(account.iban().electronic(), data.get("iban"));
        assertEquals("CIRCDEF0", data.get("bic"));
    }

    @Test
    void poundInstructionsCarryAccountNumberAndSortCode() {
        BeneficiaryAccount.FasterPayments account =
                (BeneficiaryAccount.FasterPayments) accounts.accountFor(TransferScheme.FASTER_PAYMENTS, 7);
        Map<String, Object> data = instructions(Money.of(500, "GBP"), account).actionData();
        assertEquals(account.accountNumber().digits(), data.get("account_number"));
        assertEquals("99-00-17", data.get("sort_code"));
        assertEquals(8, data.size());
    }

    @Test
    void dollarInstructionsCarryAccountNumberAndRoutingNumber() {
        BeneficiaryAccount.Us account = (BeneficiaryAccount.Us) accounts.accountFor(TransferScheme.ACH_OR_WIRE, 7);
        Map<String, Object> data = instructions(Money.of(500, "USD"), account).actionData();
        assertEquals(account.accountNumber().digits(), data.get("account_number"));
        assertEquals("590017008", data.get("routing_number"));
        assertEquals(8, data.size());
    }

    @Test
    void expiresAtIsAnIsoTimestamp() {
        Map<String, Object> data = instructions(Money.of(500, "USD"),
                accounts.accountFor(TransferScheme.ACH_OR_WIRE, 7)).actionData();
        assertEquals(EXPIRES_AT, Instant.parse((String) data.get("expires_at")));
    }

    @Test
    void anAccountOfAnotherCurrencysSchemeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> instructions(Money.of(500, "EUR"),
                accounts.accountFor(TransferScheme.ACH_OR_WIRE, 7)));
    }

    private static BankTransferInstructions instructions(Money amount, BeneficiaryAccount account) {
        return new BankTransferInstructions(CreditorReference.parse("RF18 5390 0754 7034"), amount, "Example Shop",
                EXPIRES_AT, account);
    }
}
