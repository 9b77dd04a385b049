package com.circoflows.domain.dashboard;

/**
 * A user an owner added, with the setup password to hand them, shown once. They must choose their own
 * password at their first sign-in ({@link DashboardUser#mustChangePassword()}).
 */
public record InvitedUser(DashboardUser user, String setupPassword) {
    @Override
    public String toString() {
        return "InvitedUser[user=" + user + "]";
    }
}
