package com.circoflows.dashboard;

import com.circoflows.api.pages.Html;
import com.circoflows.domain.banktransfer.BankTransferDetails;
import com.circoflows.domain.banktransfer.Iban;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the dashboard shows of a bank-transfer payment: its cell in the payments list, and on its page the
 * instructions the payer was given in the format of the currency's scheme, with what has arrived, what is
 * still missing and what was paid too much. Every stored value goes through {@link Html#escape}: the
 * account fields and the reference are ours, but a page never trusts stored text.
 */
final class BankTransferFacts {
    /** The account fields a scheme shows, in the order a payer types them into their bank's form, with their labels. */
    private static final Map<String, String[]> ACCOUNT_FIELDS = accountFields();

    private BankTransferFacts() {
    }

    /** The payments list's Method cell: "Bank transfer" and the reference the payer was given. */
    static String methodCell(BankTransferDetails transfer) {
        return "Bank transfer<br><span class=\"muted nowrap\">" + Html.escape(transfer.reference().printed()) + "</span>";
    }

    /** The Method fact of the payment's details: "Bank transfer (SEPA credit transfer)". */
    static String method(BankTransferDetails transfer) {
        return "Bank transfer (" + Html.escape(transfer.scheme().displayName()) + ")";
    }

    /** The payment's "Bank transfer" panel: its state in a sentence, the instructions, and the money. */
    static String panel(Transaction t, DashboardTimes times) {
        BankTransferDetails transfer = t.bankTransfer();
        Money remaining = remaining(t);
        StringBuilder html = new StringBuilder("<section class=\"panel transfer\" aria-labelledby=\"transfer-heading\">")
                .append("<h2 id=\"transfer-heading\">Bank transfer</h2>")
                .append("<p>").append(state(t, times)).append("</p>")
                .append("<h3>Instructions given to the payer</h3><dl class=\"facts\">")
                .append(fact("Amount", DashboardMoney.show(t.amount().minorUnits(), t.amount().currencyCode())))
                .append(fact("Scheme", Html.escape(transfer.scheme().displayName())))
                .append(fact("Beneficiary", Html.escape(transfer.beneficiaryName())));
        ACCOUNT_FIELDS.forEach((field, labels) -> {
            String value = transfer.accountFields().get(field);
            if (value != null) {
                html.append(fact(labels[0], copyable(labels[1], "iban".equals(field) ? Iban.parse(value).printed() : value)));
            }
        });
        html.append(fact("Reference", copyable("reference", transfer.reference().printed())))
                .append(fact(t.awaitsTransfer() ? "Pay by" : "Was due by", times.show(transfer.expiresAt())))
                .append("</dl><h3>Money</h3><dl class=\"facts\">")
                .append(fact("Received", money(transfer.received())));
        if (t.awaitsTransfer()) {
            html.append(fact("Remaining", money(remaining)));
        } else {
            html.append(fact("Excess (owed back to the payer)", money(transfer.excess())));
        }
        return html.append("</dl></section>").toString();
    }

    /** Timeline: what creating the payment asked for. */
    static String createdLabel(Transaction t) {
        return "Payment created: waiting for a bank transfer of " + DashboardMoney.show(t.amount().minorUnits(),
                t.amount().currencyCode());
    }

    /** Timeline: what closed the payment (it was paid, or it expired). */
    static String processedLabel(Transaction t) {
        return switch (t.status()) {
            case FAILED -> "Expired before it was paid in full";
            case CANCELED -> "Canceled";
            default -> "Paid in full by bank transfer";
        };
    }

    /** Timeline: the expiry still ahead of a pending transfer. */
    static String expiryLabel(Transaction t) {
        return "Expires unless " + money(remaining(t)) + " more arrives";
    }

    /** The refund form's hint: where the money goes and why the refund is pending for a while. */
    static String refundHint(boolean testMode) {
        return "The money goes back to the payer as a bank transfer. The refund shows as pending until the bank "
                + "has sent it" + (testMode ? " (in test mode, a minute or two)" : "") + ".";
    }

    private static String state(Transaction t, DashboardTimes times) {
        BankTransferDetails transfer = t.bankTransfer();
        if (t.awaitsTransfer()) {
            return transfer.received().isZero()
                    ? "Waiting for the payer's bank transfer. Nothing has arrived yet."
                    : "Partly paid: " + money(transfer.received()) + " has arrived and " + money(remaining(t))
                            + " is still to come.";
        }
        if (t.status() == TransactionStatus.FAILED) {
            boolean expired = t.failure() != null && t.failure().code() == ErrorCode.BANK_TRANSFER_EXPIRED;
            String why = expired ? "Expired on " + times.show(t.processedAt()) + " before it was paid in full."
                    : "Failed.";
            return why + (transfer.received().isZero() ? " Nothing had arrived."
                    : " The " + money(transfer.received()) + " that arrived is owed back to the payer.");
        }
        if (t.status() == TransactionStatus.CANCELED) {
            return "Canceled.";
        }
        return "Paid in full on " + times.show(t.processedAt()) + "."
                + (transfer.excess().isZero() ? "" : " The payer sent " + money(transfer.excess())
                        + " too much, which is owed back to them.");
    }

    private static Money remaining(Transaction t) {
        Money received = t.bankTransfer().received();
        return t.amount().isMoreThan(received) ? t.amount().minus(received) : Money.zero(t.amount().currency());
    }

    private static String money(Money amount) {
        return DashboardMoney.show(amount.minorUnits(), amount.currencyCode());
    }

    /**
     * A value with a copy button beside it when the script runs (its label says "Copy {@code spokenName}");
     * plain text to select without it.
     */
    private static String copyable(String spokenName, String value) {
        return "<code data-copy=\"" + Html.escape(spokenName) + "\">" + Html.escape(value) + "</code>";
    }

    private static String fact(String term, String definitionHtml) {
        return "<dt>" + term + "</dt><dd>" + definitionHtml + "</dd>";
    }

    /** Field name → {label, name in the copy button's label}. */
    private static Map<String, String[]> accountFields() {
        Map<String, String[]> fields = new LinkedHashMap<>();
        fields.put("iban", new String[] {"IBAN", "IBAN"});
        fields.put("bic", new String[] {"BIC", "BIC"});
        fields.put("account_number", new String[] {"Account number", "account number"});
        fields.put("sort_code", new String[] {"Sort code", "sort code"});
        fields.put("routing_number", new String[] {"Routing number", "routing number"});
        return fields;
    }
}
