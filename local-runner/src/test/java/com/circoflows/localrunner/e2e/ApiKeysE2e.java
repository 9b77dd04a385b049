package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** API keys as the isolation proof needs them: the parts of a key's text, and a revoked key. */
final class ApiKeysE2e {
    private static final int LOOKUP_ID_START = "cf_test_".length();
    private static final int LOOKUP_ID_END = LOOKUP_ID_START + 16;

    private ApiKeysE2e() {
    }

    /** A second key of the merchant's, created and revoked through the key API before it was ever used. */
    static String issueAndRevoke(E2e.TestMerchant merchant) {
        HttpResult created = merchant.api().post("/api/keys", "{\"name\": \"revoked at once\"}");
        assertEquals(200, created.status(), created::describe);
        String key = created.data().path("api_key").asText();
        HttpResult revoked = merchant.api().call("DELETE", "/api/keys/" + publicKeyId(key), null);
        assertEquals(200, revoked.status(), revoked::describe);
        assertEquals("revoked", revoked.data().path("status").asText(), revoked::describe);
        return key;
    }

    static String lookupId(String fullKey) {
        return fullKey.substring(LOOKUP_ID_START, LOOKUP_ID_END);
    }

    /** The key id the key API shows: key_ and the lookup id. */
    static String publicKeyId(String fullKey) {
        return "key_" + lookupId(fullKey);
    }
}
