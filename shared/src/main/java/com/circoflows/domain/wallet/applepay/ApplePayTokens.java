package com.circoflows.domain.wallet.applepay;

import com.circoflows.domain.wallet.AuthMethod;
import com.circoflows.domain.wallet.DeviceCards;
import com.circoflows.domain.wallet.DeviceCryptogram;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.wallet.WalletCard;
import com.circoflows.domain.wallet.WalletTokenOpener;
import java.time.Clock;
import java.time.Duration;

/**
 * Opens an Apple Pay paymentData (EC_v1) and reads its device card. Apple Pay tokens are always device
 * tokens with an online cryptogram (3-D Secure data type), so they never need a challenge. The amount on
 * Apple's payment sheet is in the token too; the payment charges the request's amount, as the other PSPs do.
 */
public final class ApplePayTokens implements WalletTokenOpener {
    private final ApplePayTokenRecipient recipient;
    private final Duration signingTimeTolerance;
    private final Clock clock;

    public ApplePayTokens(ApplePayTokenRecipient recipient, Duration signingTimeTolerance, Clock clock) {
        this.recipient = recipient;
        this.signingTimeTolerance = signingTimeTolerance;
        this.clock = clock;
    }

    @Override
    public WalletCard open(String token, String merchantId) throws InvalidPaymentToken {
        ApplePayPayment payment = recipient.open(token);
        if (!"3DSecure".equals(payment.paymentDataType())) {
            throw new InvalidPaymentToken("only 3DSecure payment data is accepted");
        }
        String expiry = payment.applicationExpirationDate();
        // A token signed longer ago than the tolerance is refused anyway: its claim need not outlive that.
        return new WalletCard(Wallet.APPLE_PAY, payment.transactionId(), clock.instant().plus(signingTimeTolerance),
                DeviceCards.number(payment.applicationPrimaryAccountNumber()),
                DeviceCards.expiry(Integer.parseInt(expiry.substring(2, 4)), 2000 + Integer.parseInt(expiry.substring(0, 2))),
                AuthMethod.CRYPTOGRAM_3DS,
                new DeviceCryptogram(payment.onlinePaymentCryptogram(), payment.eciIndicator()));
    }
}
