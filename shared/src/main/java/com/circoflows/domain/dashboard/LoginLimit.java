package com.circoflows.domain.dashboard;

/** Which limit refused a sign-in attempt, so the page can say why. */
public enum LoginLimit {
    /** Too many wrong passwords in a row for this email, from anywhere. */
    ACCOUNT,
    /** Too many wrong passwords from this client address, for any email. */
    ADDRESS
}
