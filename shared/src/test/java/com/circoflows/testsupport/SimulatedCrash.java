package com.circoflows.testsupport;

/**
 * The invocation dies here, as a Lambda does when it times out or its process is killed: an Error,
 * which nothing in our code catches, so whatever was written stays written and nothing is cleaned up.
 */
public final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    public SimulatedCrash(String where) {
        super("simulated crash " + where);
    }
}
