package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Mode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionListCursorTest {
    private static final String MERCHANT = "mch_cursorOwner0000000001";
    private static final String FILTER = TransactionListCursor.filterDigest("completed");
    private static final List<ShardPosition> POSITIONS = List.of(
            ShardPosition.after("2030-01-02T03:04:05.678Z", "txn_AbCdEfGhIjKlMnOpQrStUvWx"),
            ShardPosition.DONE,
            ShardPosition.START,
            ShardPosition.after("2030-01-02T03:04:05.600Z", "txn_zzCdEfGhIjKlMnOpQrStUvWx"));

    @Test
    void shardCursorGivesBackEveryShardsPositionForItsMerchantModeAndFilter() {
        String cursor = TransactionListCursor.encodeShards(MERCHANT, Mode.TEST, FILTER, POSITIONS);

        assertEquals(POSITIONS, TransactionListCursor.decodeShards(cursor, MERCHANT, Mode.TEST, FILTER).positions());
    }

    @Test
    void searchCursorGivesBackTheLastEntryRead() {
        String sortKey = "2030-01-02T03:04:05.678Z#txn_AbCdEfGhIjKlMnOpQrStUvWx";
        String cursor = TransactionListCursor.encodeAfter(MERCHANT, Mode.LIVE, FILTER, sortKey);

        assertEquals(sortKey, TransactionListCursor.decodeAfter(cursor, MERCHANT, Mode.LIVE, FILTER).sortKey());
    }

    @Test
    void cursorIsUrlSafeWithoutPadding() {
        String cursor = TransactionListCursor.encodeShards(MERCHANT, Mode.TEST, FILTER, POSITIONS);

        assertEquals(cursor, cursor.replaceAll("[^A-Za-z0-9_-]", ""));
    }

    @Test
    void anotherMerchantModeOrFilterIsABadCursor() {
        String cursor = TransactionListCursor.encodeShards(MERCHANT, Mode.TEST, FILTER, POSITIONS);

        assertBadCursor(() -> TransactionListCursor.decodeShards(cursor, "mch_someoneElse000000000001", Mode.TEST, FILTER));
        assertBadCursor(() -> TransactionListCursor.decodeShards(cursor, MERCHANT, Mode.LIVE, FILTER));
        assertBadCursor(() -> TransactionListCursor.decodeShards(cursor, MERCHANT, Mode.TEST,
                TransactionListCursor.filterDigest("failed")));
    }

    @Test
    void aShardCursorIsNotASearchCursorNorTheOtherWayRound() {
        String shards = TransactionListCursor.encodeShards(MERCHANT, Mode.TEST, FILTER, POSITIONS);
        String search = TransactionListCursor.encodeAfter(MERCHANT, Mode.TEST, FILTER,
                "2030-01-02T03:04:05.678Z#txn_AbCdEfGhIjKlMnOpQrStUvWx");

        assertBadCursor(() -> TransactionListCursor.decodeAfter(shards, MERCHANT, Mode.TEST, FILTER));
        assertBadCursor(() -> TransactionListCursor.decodeShards(search, MERCHANT, Mode.TEST, FILTER));
    }

    @Test
    void editedCursorsAreRefusedBeforeAnythingIsRead() {
        String scope = "\"v\":1,\"merchant\":\"" + MERCHANT + "\",\"mode\":\"test\",\"filter\":\"" + FILTER + "\"";
        for (String json : List.of(
                "{" + scope + "}",
                "{" + scope + ",\"shards\":[\"start\",\"start\",\"start\"]}",
                "{" + scope + ",\"shards\":[\"start\",\"start\",\"start\",\"later\"]}",
                "{" + scope + ",\"shards\":[\"done\",\"done\",\"done\",\"done\"]}",
                "{" + scope + ",\"shards\":[[\"2030-13-02T03:04:05.678Z\",\"txn_a\"],\"start\",\"start\",\"start\"]}",
                "{" + scope + ",\"shards\":[[\"2030-01-02T03:04:05.678Z\",\"\"],\"start\",\"start\",\"start\"]}",
                "{" + scope + ",\"shards\":[[\"2030-01-02T03:04:05.678Z\",\"txn a\"],\"start\",\"start\",\"start\"]}",
                "{" + scope + ",\"shards\":[[\"2030-01-02T03:04:05.678Z\"],\"start\",\"start\",\"start\"]}",
                "{" + scope.replace("\"v\":1", "\"v\":2") + ",\"shards\":[\"start\",\"start\",\"start\",\"start\"]}",
                "[1,2,3]", "null", "{", "\"text\"")) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            assertBadCursor(() -> TransactionListCursor.decodeShards(cursor, MERCHANT, Mode.TEST, FILTER));
        }
        for (String sortKey : List.of("", "#txn_a", "2030-01-02T03:04:05.678Z", "2030-01-02T03:04:05.678Z#",
                "2030-01-02 03:04:05#txn_a", "2030-01-02T03:04:05.678Z#txn_a#b")) {
            String cursor = TransactionListCursor.encodeAfter(MERCHANT, Mode.TEST, FILTER, sortKey);
            assertBadCursor(() -> TransactionListCursor.decodeAfter(cursor, MERCHANT, Mode.TEST, FILTER));
        }
        for (String notOurs : List.of("not a cursor", "!!!!", "eyJ2IjoxfQ", "", "e30")) {
            assertBadCursor(() -> TransactionListCursor.decodeShards(notOurs, MERCHANT, Mode.TEST, FILTER));
        }
    }

    @Test
    void filterDigestTellsFiltersApartWithoutCarryingThem() {
        assertNotEquals(TransactionListCursor.filterDigest("a"), TransactionListCursor.filterDigest("b"));
        assertEquals(16, TransactionListCursor.filterDigest("metadata order_id secret-value").length());
    }

    private static void assertBadCursor(org.junit.jupiter.api.function.Executable decode) {
        ApiException refused = assertThrows(ApiException.class, decode);
        assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
        assertEquals("cursor", refused.param());
    }
}
