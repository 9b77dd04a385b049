package com.circoflows.localrunner.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrataTest {
    @Test
    void everyRoundOfTriesMeetsEveryRouteAndKindPairExactlyOnce() {
        int routes = 9;
        int kinds = 22;
        int rounds = 3;
        Map<List<Integer>, Integer> met = new HashMap<>();
        for (int attempt = 0; attempt < routes * kinds * rounds; attempt++) {
            Strata strata = new Strata(attempt);
            met.merge(List.of(strata.choose(routes), strata.choose(kinds)), 1, Integer::sum);
        }
        assertEquals(routes * kinds, met.size(), "every pair met");
        assertEquals(List.of(rounds), met.values().stream().distinct().toList(), "each as often as the others");
    }

    @Test
    void neighbouringTriesGoToDifferentRoutesSoTheRequestsInFlightAtOnceSpreadOut() {
        List<String> routes = List.of("a", "b", "c", "d");
        assertEquals(List.of("a", "b", "c", "d", "a"), java.util.stream.IntStream.range(0, 5)
                .mapToObj(attempt -> new Strata(attempt).choose(routes)).toList());
    }

    @Test
    void choosingFromNothingIsAMistakeInTheProperty() {
        assertThrows(IllegalArgumentException.class, () -> new Strata(0).choose(0));
    }
}
