package com.circoflows.domain.dashboard;

/**
 * What a dashboard user may do in their merchant's account. Every role sees payments; keys, webhooks,
 * refunds and captures are for people who build or run the integration; the team and the branding
 * belong to owners.
 */
public enum DashboardRole {
    OWNER,
    DEVELOPER,
    VIEWER;

    /** A viewer never sees API keys, not even their display prefixes. */
    public boolean canSeeApiKeys() {
        return this != VIEWER;
    }

    public boolean canManageApiKeys() {
        return this != VIEWER;
    }

    public boolean canManageWebhooks() {
        return this != VIEWER;
    }

    /** Moves money: refunds and captures. */
    public boolean canRefundAndCapture() {
        return this != VIEWER;
    }

    /** Invite and remove users, change their roles. */
    public boolean canManageTeam() {
        return this == OWNER;
    }

    public boolean canEditBranding() {
        return this == OWNER;
    }

    public boolean canViewPayments() {
        return true;
    }
}
