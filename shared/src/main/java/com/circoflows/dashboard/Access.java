package com.circoflows.dashboard;

import com.circoflows.domain.dashboard.DashboardRole;
import java.util.function.Predicate;

/** Who may open a dashboard route. */
public sealed interface Access {
    /** Sign-up and sign-in: anyone; their forms are bound to the visitor cookie. */
    record Visitor() implements Access {
    }

    /** A signed-in user whose role passes {@code allowed}; others get a 403 page saying why. */
    record SignedIn(Predicate<DashboardRole> allowed) implements Access {
    }

    static Access visitor() {
        return new Visitor();
    }

    static Access anyone() {
        return new SignedIn(role -> true);
    }

    static Access signedIn(Predicate<DashboardRole> allowed) {
        return new SignedIn(allowed);
    }
}
