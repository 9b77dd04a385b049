package com.circoflows.testing;

import com.circoflows.domain.dashboard.LoginAttemptStore;
import com.circoflows.domain.dashboard.LoginAttemptStoreContract;

/** The fake keeps the port's contract, so tests of the domain over it say something about production. */
class InMemoryLoginAttemptStoreTest extends LoginAttemptStoreContract {
    private final InMemoryLoginAttemptStore store = new InMemoryLoginAttemptStore();

    @Override
    protected LoginAttemptStore store() {
        return store;
    }
}
