package com.circoflows.domain.dashboard;

/**
 * {@link DashboardUserRepository#create} found the email already in use, by any merchant's user. The
 * message names no address: it may end up in a log.
 */
public final class EmailAlreadyRegistered extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EmailAlreadyRegistered() {
        super("a dashboard user already has this email");
    }
}
