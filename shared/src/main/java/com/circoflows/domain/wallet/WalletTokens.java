package com.circoflows.domain.wallet;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Mode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Redeems a wallet token for one transaction: opens it with the caller's mode's keys (test mode's own, or
 * production's from configuration), then claims it so that it pays this transaction only. A retry of the
 * same request (same transaction id) may redeem it again; any other transaction is refused, however the
 * two race.
 */
public final class WalletTokens {
    static final String PARAM = "payment_token";
    /** Kept past the token's own end, so a claim outlives every clock skew between our functions. */
    private static final Duration CLAIM_MARGIN = Duration.ofDays(1);

    private final WalletKeyring testKeys;
    private final Supplier<WalletKeyring> liveKeys;
    private final WalletTokenClaims claims;
    private final Clock clock;

    /** @param liveKeys read from configuration on first use; {@link WalletKeyring#none()} when not configured */
    public WalletTokens(WalletKeyring testKeys, Supplier<WalletKeyring> liveKeys, WalletTokenClaims claims,
            Clock clock) {
        this.testKeys = testKeys;
        this.liveKeys = liveKeys;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * @throws ApiException invalid_payment_token (param payment_token) for a token that does not verify, has
     *     expired, was made for someone else or paid another transaction; expired_card for an expired device
     *     card; live_mode_not_enabled for live keys
     */
    public WalletCard redeem(Mode mode, String merchantId, Wallet wallet, String token, String transactionId) {
        WalletKeyring keyring = mode == Mode.TEST ? testKeys : liveKeys.get();
        WalletTokenOpener opener = keyring.opener(wallet).orElseThrow(() -> mode == Mode.LIVE
                ? new ApiException(ErrorCode.LIVE_MODE_NOT_ENABLED)
                : ApiException.invalidParam("payment_method", wallet.wireName() + " is not offered."));
        WalletCard card;
        try {
            card = opener.open(token, merchantId);
        } catch (InvalidPaymentToken e) {
            // The reason helps the merchant's developer and quotes nothing of the token.
            throw new ApiException(ErrorCode.INVALID_PAYMENT_TOKEN,
                    "The payment token is invalid: " + e.getMessage() + ".", PARAM, null);
        }
        if (card.expiry().isExpiredAt(YearMonth.now(clock))) {
            throw new ApiException(ErrorCode.EXPIRED_CARD, "The card in the wallet has expired.", PARAM, "expired_card");
        }
        if (mode == Mode.LIVE) {
            // Before the claim: a refused payment must not use up the customer's token.
            throw new ApiException(ErrorCode.LIVE_MODE_NOT_ENABLED);
        }
        if (!claims.claim(claimKey(mode, card), transactionId, card.usableUntil().plus(CLAIM_MARGIN))) {
            throw new ApiException(ErrorCode.INVALID_PAYMENT_TOKEN,
                    "The payment token was already used for another payment; each token pays once.", PARAM, null);
        }
        return card;
    }

    /** The wallet's token id, hashed: bounded in length, and the same for the same token however sent. */
    static String claimKey(Mode mode, WalletCard card) {
        byte[] digest = Sha256.of(card.tokenId().getBytes(StandardCharsets.UTF_8));
        return mode.wireName() + "#" + card.wallet().wireName() + "#" + HexFormat.of().formatHex(digest);
    }
}
