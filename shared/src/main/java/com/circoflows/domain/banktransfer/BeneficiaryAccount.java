package com.circoflows.domain.banktransfer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The account a payer sends a bank transfer to, in the form of its scheme. */
public sealed interface BeneficiaryAccount {

    TransferScheme scheme();

    /** The account's fields as the payment's action_data shows them, whole: the payer must copy them. */
    Map<String, String> instructionFields();

    /** A SEPA account: IBAN and the bank's BIC. */
    record Sepa(Iban iban, Bic bic) implements BeneficiaryAccount {
        public Sepa {
            Objects.requireNonNull(iban, "iban");
            Objects.requireNonNull(bic, "bic");
        }

        @Override
        public TransferScheme scheme() {
            return TransferScheme.SEPA_CREDIT_TRANSFER;
        }

        @Override
        public Map<String, String> instructionFields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("iban", iban.electronic());
            fields.put("bic", bic.value());
            return fields;
        }
    }

    /** A UK account: eight-digit number under a sort code. */
    record FasterPayments(UkAccountNumber accountNumber, SortCode sortCode) implements BeneficiaryAccount {
        public FasterPayments {
            Objects.requireNonNull(accountNumber, "accountNumber");
            Objects.requireNonNull(sortCode, "sortCode");
        }

        @Override
        public TransferScheme scheme() {
            return TransferScheme.FASTER_PAYMENTS;
        }

        @Override
        public Map<String, String> instructionFields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("account_number", accountNumber.digits());
            fields.put("sort_code", sortCode.printed());
            return fields;
        }
    }

    /** A US account: account number at the bank the routing number names. */
    record Us(UsAccountNumber accountNumber, AbaRoutingNumber routingNumber) implements BeneficiaryAccount {
        public Us {
            Objects.requireNonNull(accountNumber, "accountNumber");
            Objects.requireNonNull(routingNumber, "routingNumber");
        }

        @Override
        public TransferScheme scheme() {
            return TransferScheme.ACH_OR_WIRE;
        }

        @Override
        public Map<String, String> instructionFields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("account_number", accountNumber.digits());
            fields.put("routing_number", routingNumber.digits());
            return fields;
        }
    }
}
