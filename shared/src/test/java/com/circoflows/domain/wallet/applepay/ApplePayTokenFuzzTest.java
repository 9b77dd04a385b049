package com.circoflows.domain.wallet.applepay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.circoflows.domain.wallet.InvalidPaymentToken;
import com.circoflows.testing.TestClocks;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Truncated, bit-flipped and garbled signatures only ever give an InvalidPaymentToken: never another
 * exception, and never a payment unless the change lies where no check looks (the SignedData's list of
 * digest algorithms, which the signer's own algorithm overrides, and the case of a letter in the signer's
 * issuer name, which X.500 compares without case). Both a DER signature of ours and gala's BER one
 * (indefinite lengths, as Apple writes them) are mutated. Seeded, so a failure names the mutation.
 */
class ApplePayTokenFuzzTest {
    private static final long SEED = 0x4150504CL;
    private static final int MUTATIONS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mutatedSignaturesOfOurOwnAreOnlyEverInvalidTokens() throws Exception {
        ApplePayMerchantKey merchant = ApplePayTestKeys.merchantKey();
        Clock clock = TestClocks.fixed();
        ApplePayTokenRecipient recipient = new ApplePayTokenRecipient(List.of(ApplePayTestKeys.root()),
                List.of(merchant), Duration.ofMinutes(5), clock);

        fuzz(recipient, ApplePayTokenSender.testMode().seal(merchant, ApplePayTokenRecipientTest.PAYMENT,
                ApplePayTokenRecipientTest.TRANSACTION_ID, clock.instant()));
    }

    @Test
    void mutatedBerSignaturesAsAppleSendsThemAreOnlyEverInvalidTokens() throws Exception {
        ApplePayTokenRecipient recipient = new ApplePayTokenRecipient(
                List.of(ApplePayInteroperabilityTest.certificate("AppleRootCA-G3.pem")),
                List.of(ApplePayInteroperabilityTest.galaMerchant()), Duration.ofMinutes(5),
                Clock.fixed(ApplePayInteroperabilityTest.SIGNING_TIME, ZoneOffset.UTC));

        fuzz(recipient, ApplePayInteroperabilityTest.text("gala/token.json"));
    }

    private static void fuzz(ApplePayTokenRecipient recipient, String token) throws Exception {
        ApplePayPayment original = recipient.open(token);
        ObjectNode parsed = (ObjectNode) JSON.readTree(token);
        byte[] signature = Base64.getDecoder().decode(parsed.get("signature").asText());
        int[][] unchecked = uncheckedRanges(signature);
        Random random = new Random(SEED);
        for (int i = 0; i < MUTATIONS; i++) {
            int length = random.nextInt(signature.length);
            assertRefusedOnly(recipient, withSignature(parsed, Arrays.copyOf(signature, length)), "truncated to " + length);
        }
        for (int i = 0; i < MUTATIONS * 2; i++) {
            byte[] mutated = signature.clone();
            int from = random.nextInt(mutated.length);
            int to = i < MUTATIONS ? from + 1 : Math.min(mutated.length, from + 1 + random.nextInt(16));
            for (int at = from; at < to; at++) {
                mutated[at] ^= (byte) (i < MUTATIONS ? 1 << random.nextInt(8) : 1 + random.nextInt(255));
            }
            String mutation = "bytes " + from + ".." + (to - 1) + " changed (mutation " + i + ")";
            if (opens(recipient, withSignature(parsed, mutated), original, mutation)) {
                assertTrue(within(unchecked, from, to), mutation + " still opened");
            }
        }
    }

    /** Where the SignedData's digest algorithm list and the signer's issuer name lie in the signature. */
    private static int[][] uncheckedRanges(byte[] signature) throws Exception {
        Der signedData = Der.read(signature).child(1).child(0);
        byte[] digestAlgorithms = signedData.child(1).encoded();
        byte[] signerIssuer = signedData.child(signedData.count() - 1).child(0).child(1).child(0).encoded();
        int algorithms = indexOf(signature, digestAlgorithms, false);
        int issuer = indexOf(signature, signerIssuer, true); // the leaf's own issuer name comes earlier
        return new int[][] {{algorithms, algorithms + digestAlgorithms.length},
                {issuer, issuer + signerIssuer.length}};
    }

    private static boolean within(int[][] ranges, int from, int to) {
        return Arrays.stream(ranges).anyMatch(range -> from >= range[0] && to <= range[1]);
    }

    private static boolean opens(ApplePayTokenRecipient recipient, String token, ApplePayPayment original,
            String mutation) {
        try {
            assertEquals(original, recipient.open(token), mutation);
            return true;
        } catch (InvalidPaymentToken refused) {
            return false;
        } catch (RuntimeException e) {
            return fail(mutation + " threw " + e, e);
        }
    }

    private static void assertRefusedOnly(ApplePayTokenRecipient recipient, String token, String mutation) {
        try {
            recipient.open(token);
            fail(mutation + " opened");
        } catch (InvalidPaymentToken expected) {
            // the only acceptable outcome
        } catch (RuntimeException e) {
            fail(mutation + " threw " + e, e);
        }
    }

    private static String withSignature(ObjectNode token, byte[] signature) {
        ObjectNode copy = token.deepCopy();
        copy.put("signature", Base64.getEncoder().encodeToString(signature));
        return copy.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle, boolean last) {
        int positions = haystack.length - needle.length + 1;
        for (int k = 0; k < positions; k++) {
            int at = last ? positions - 1 - k : k;
            if (Arrays.equals(haystack, at, at + needle.length, needle, 0, needle.length)) {
                return at;
            }
        }
        throw new AssertionError("not found");
    }
}
