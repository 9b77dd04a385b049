package com.circoflows.api.pages;

import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.wallet.AuthMethod;
import com.circoflows.domain.wallet.Wallet;
import java.util.Optional;

/**
 * The test cards test mode's wallet buttons can put in a token, each with the outcome it shows: a device token
 * that succeeds, one that is declined, and a card on file (PAN_ONLY) of the 3-D Secure test card, which asks
 * for the challenge as a typed card does. The page names them by their last four digits only.
 */
enum TestWalletCard {
    SUCCESS("success", TestCards.SUCCESS, AuthMethod.CRYPTOGRAM_3DS, Text.TEST_CARD_SUCCEEDS),
    DECLINED("declined", TestCards.DECLINED, AuthMethod.CRYPTOGRAM_3DS, Text.TEST_CARD_DECLINED),
    THREE_D_SECURE("three_d_secure", TestCards.THREE_D_SECURE_REQUIRED, AuthMethod.PAN_ONLY,
            Text.TEST_CARD_THREE_D_SECURE);

    private final String wireName;
    private final String pan;
    private final AuthMethod authMethod;
    private final Text label;

    TestWalletCard(String wireName, String pan, AuthMethod authMethod, Text label) {
        this.wireName = wireName;
        this.pan = pan;
        this.authMethod = authMethod;
        this.label = label;
    }

    String wireName() {
        return wireName;
    }

    String pan() {
        return pan;
    }

    String last4() {
        return pan.substring(pan.length() - 4);
    }

    Text label() {
        return label;
    }

    /** Apple Pay has no cards on file: its tokens are always device tokens, which never ask for 3-D Secure. */
    AuthMethod authMethodFor(Wallet wallet) {
        return wallet == Wallet.APPLE_PAY ? AuthMethod.CRYPTOGRAM_3DS : authMethod;
    }

    static Optional<TestWalletCard> fromWireName(String value) {
        for (TestWalletCard card : values()) {
            if (card.wireName.equals(value)) {
                return Optional.of(card);
            }
        }
        return Optional.empty();
    }
}
