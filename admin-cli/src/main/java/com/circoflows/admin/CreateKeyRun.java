package com.circoflows.admin;

import com.circoflows.domain.merchant.ApiKeyFormat;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.ManagedApiKeys;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.MerchantRepository;
import com.circoflows.domain.merchant.Mode;
import java.io.PrintStream;

/**
 * create-key: another key of an existing merchant, of either mode, e.g. its first live key. The same
 * cap as POST /api/keys applies (it counts the merchant's active keys of that mode).
 */
final class CreateKeyRun {
    private CreateKeyRun() {
    }

    /** @return the exit code: 0 when created, 1 when there is no such merchant or it has as many keys as allowed */
    static int run(AdminCommand.CreateKey command, MerchantRepository merchants, ManagedApiKeys keys,
            ApiKeyIssuer issuer, PrintStream out, PrintStream err) {
        Mode mode = Mode.fromWireName(command.mode());
        if (merchants.find(command.merchantId()).isEmpty()) {
            err.println("error: no merchant " + command.merchantId() + " in this stack");
            return 1;
        }
        if (keys.activeKeyIds(command.merchantId(), mode).size() >= ApiKeyManagement.MAX_ACTIVE_KEYS_PER_MODE) {
            err.println("error: " + command.merchantId() + " already has " + ApiKeyManagement.MAX_ACTIVE_KEYS_PER_MODE
                    + " active " + mode.wireName() + " keys; revoke one first");
            return 1;
        }
        IssuedApiKey issued = issuer.issue(command.merchantId(), mode);
        out.println("API key created");
        out.println("  merchant_id: " + command.merchantId());
        out.println("  key_id:      " + ApiKeyFormat.publicId(issued.stored().keyId()));
        out.println("  mode:        " + mode.wireName());
        out.println("  API key:     " + issued.fullKey());
        out.println();
        out.println("This is the only time the key is shown; only its SHA-256 hash is stored.");
        return 0;
    }
}
