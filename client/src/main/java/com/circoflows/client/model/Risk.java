package com.circoflows.client.model;

import java.util.Collections;
import java.util.List;

/** Why the fraud rules scored a payment as they did (docs/api.md "Fraud rules"). */
public final class Risk {
    private int score;
    private List<String> rulesHit;

    private Risk() {
    }

    public int getScore() {
        return score;
    }

    public List<String> getRulesHit() {
        return rulesHit == null ? Collections.emptyList() : Collections.unmodifiableList(rulesHit);
    }
}
