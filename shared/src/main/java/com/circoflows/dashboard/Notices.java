package com.circoflows.dashboard;

import java.util.Map;

/**
 * The one-line confirmations shown after a form posted and redirected ({@code ?notice=…}). Only these
 * fixed texts are ever shown, so a crafted link cannot put words on a dashboard page.
 */
public final class Notices {
    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("signed_out", "You have signed out."),
            Map.entry("signed_out_everywhere", "You have been signed out on every device."),
            Map.entry("session_expired", "Your session has ended. Sign in again to continue."),
            Map.entry("password_changed", "Your password has been changed. Other devices have been signed out."),
            Map.entry("recovery_code_used", "You signed in with a recovery code, which can't be used again. "
                    + "If you have lost your authenticator, turn two-step verification off and on again to get new codes."),
            Map.entry("totp_disabled", "Two-step verification is off."),
            Map.entry("key_revoked", "The API key has been revoked. Requests with it are refused from now on."),
            Map.entry("webhook_saved", "The webhook URL has been saved."),
            Map.entry("previous_secret_expired", "The previous signing secret is no longer accepted."),
            Map.entry("test_event_sent", "A test event is on its way. It appears in the event log below."),
            Map.entry("redelivery_queued", "The event will be delivered again in a moment."),
            Map.entry("refunded", "The refund has been made."),
            Map.entry("refund_pending", "The refund is being processed by the bank."),
            Map.entry("refund_transfer_pending", "The refund is on its way back to the payer as a bank transfer. "
                    + "It shows as pending until the bank has sent it."),
            Map.entry("refund_failed", "The bank refused the refund; no money was returned."),
            Map.entry("captured", "The payment has been captured."),
            Map.entry("canceled", "The payment has been canceled and the authorisation released."),
            Map.entry("session_canceled", "The payment session has been canceled."),
            Map.entry("member_invited", "The invitation has been created."),
            Map.entry("role_changed", "The role has been changed."),
            Map.entry("member_removed", "The user has been removed and signed out."),
            Map.entry("branding_saved", "Your branding has been saved. Payment pages show it from now on."),
            Map.entry("logo_saved", "Your logo has been saved. Payment pages show it from now on."),
            Map.entry("logo_removed", "The logo has been removed. Payment pages show your display name's initial."));

    private Notices() {
    }

    /** The text for a notice code, or null for none or an unknown one. */
    static String text(String code) {
        return code == null ? null : TEXTS.get(code);
    }

    static boolean exists(String code) {
        return TEXTS.containsKey(code);
    }
}
