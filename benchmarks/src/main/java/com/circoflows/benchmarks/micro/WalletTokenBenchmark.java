package com.circoflows.benchmarks.micro;

import com.circoflows.domain.card.CardExpiry;
import com.circoflows.domain.card.CardNumber;
import com.circoflows.domain.wallet.AuthMethod;
import com.circoflows.domain.wallet.InvalidPaymentToken;
import com.circoflows.domain.wallet.TestModeWallets;
import com.circoflows.domain.wallet.TestWalletTokens;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.wallet.WalletCard;
import com.circoflows.domain.wallet.WalletKeyring;
import com.circoflows.domain.wallet.WalletTokenOpener;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Opening one wallet token as a wallet payment does before the gateway: Google Pay (two ECDSA verifications,
 * ECDH, HKDF, HMAC, AES-CTR) and Apple Pay (the PKCS #7 parse, three ECDSA verifications for the chain and the
 * signature, ECDH, the concat KDF, AES-GCM), each with test mode's keys. The replay claim (one DynamoDB write)
 * is not in it. A fork's tokens are minted in its setup; Apple Pay's stay valid for its 5 minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WalletTokenBenchmark {
    private static final String MERCHANT = "mch_benchmark";

    private WalletTokenOpener google;
    private WalletTokenOpener apple;
    private String googleToken;
    private String appleToken;

    @Setup
    public void tokens() {
        WalletKeyring keys = TestModeWallets.keyring(Clock.systemUTC());
        google = keys.opener(Wallet.GOOGLE_PAY).orElseThrow();
        apple = keys.opener(Wallet.APPLE_PAY).orElseThrow();
        TestWalletTokens mint = new TestWalletTokens(Clock.systemUTC());
        googleToken = mint.mint(new TestWalletTokens.Mint(Wallet.GOOGLE_PAY, MERCHANT,
                CardNumber.parse("4242424242424242"), new CardExpiry(12, 2030), AuthMethod.CRYPTOGRAM_3DS, null));
        appleToken = mint.mint(new TestWalletTokens.Mint(Wallet.APPLE_PAY, MERCHANT,
                CardNumber.parse("4242424242424242"), new CardExpiry(12, 2030), AuthMethod.CRYPTOGRAM_3DS, null));
    }

    @Benchmark
    public WalletCard openGooglePay() throws InvalidPaymentToken {
        return google.open(googleToken, MERCHANT);
    }

    @Benchmark
    public WalletCard openApplePay() throws InvalidPaymentToken {
        return apple.open(appleToken, MERCHANT);
    }
}
