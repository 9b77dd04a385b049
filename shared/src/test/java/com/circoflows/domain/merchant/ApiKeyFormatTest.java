package com.circoflows.domain.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyFormatTest {
    private static final String LOOKUP = "AbCdEfGh12345678";
    private static final String SECRET = "s3cretS3cretS3cretS3cretS3cret00";

    @Test
    void assembledTestKeyParsesBackIntoItsParts() {
        String key = ApiKeyFormat.assemble(Mode.TEST, LOOKUP, SECRET);

        assertEquals("cf_test_" + LOOKUP + SECRET, key);
        ApiKeyFormat.ParsedApiKey parsed = ApiKeyFormat.parse(key).orElseThrow();
        assertEquals(Mode.TEST, parsed.mode());
        assertEquals(LOOKUP, parsed.lookupId());
        assertEquals(SECRET, parsed.secret());
    }

    @Test
    void livePrefixMeansLiveMode() {
        assertEquals(Mode.LIVE, ApiKeyFormat.parse("cf_live_" + LOOKUP + SECRET).orElseThrow().mode());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "cf_test_",
        "cf_test_AbCdEfGh12345678s3cretS3cretS3cretS3cretS3cret0", // one char short
        "cf_test_AbCdEfGh12345678s3cretS3cretS3cretS3cretS3cret000", // one char long
        "cf_test_AbCdEfGh12345678s3cretS3cretS3cretS3cretS3cret-0", // not base62
        "cf_TEST_AbCdEfGh12345678s3cretS3cretS3cretS3cretS3cret00", // prefix is case-sensitive
        "sk_test_AbCdEfGh12345678s3cretS3cretS3cretS3cretS3cret00",
        "cf_demo_AbCdEfGh12345678s3cretS3cretS3cretS3cretS3cret00",
        " cf_test_AbCdEfGh12345678s3cretS3cretS3cretS3cretS3cret00",
        "YOUR_API_KEY"
    })
    void somethingThatIsNotOneOfOurKeysDoesNotParse(String presented) {
        assertEquals(Optional.empty(), ApiKeyFormat.parse(presented));
    }

    @Test
    void parsedKeyNeverPrintsItsSecret() {
        String printed = ApiKeyFormat.parse("cf_test_" + LOOKUP + SECRET).orElseThrow().toString();

        assertFalse(printed.contains(SECRET), printed);
        assertTrue(printed.contains("secret hidden"), printed);
    }

    @Test
    void displayPrefixShowsTooLittleToUseTheKey() {
        String prefix = ApiKeyFormat.displayPrefix(Mode.TEST, LOOKUP);

        assertEquals("cf_test_AbCd…", prefix);
    }
}
