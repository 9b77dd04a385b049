package com.circoflows.domain.dashboard;

/** Why {@link PasswordPolicy} refused a new password, in words the sign-up page can show. */
public enum PasswordRefusal {
    TOO_SHORT("Use at least " + PasswordPolicy.MIN_LENGTH + " characters."),
    TOO_LONG("Use at most " + PasswordPolicy.MAX_LENGTH + " characters."),
    ONLY_WHITESPACE("Use something other than only spaces."),
    SAME_AS_EMAIL("Choose a password other than your email address."),
    SAME_AS_BUSINESS_NAME("Choose a password other than your business name."),
    TOO_COMMON("This password is one of the first that attackers try: choose another.");

    private final String message;

    PasswordRefusal(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
