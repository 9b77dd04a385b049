package com.circoflows.testing;

import com.circoflows.domain.dashboard.DashboardSessionRepository;
import com.circoflows.domain.dashboard.DashboardSessionRepositoryContract;

/** The fake keeps the port's contract, so tests of the domain over it say something about production. */
class InMemoryDashboardSessionRepositoryTest extends DashboardSessionRepositoryContract {
    private final InMemoryDashboardSessionRepository store = new InMemoryDashboardSessionRepository();

    @Override
    protected DashboardSessionRepository sessions() {
        return store;
    }
}
