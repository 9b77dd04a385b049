package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.dashboard.DashboardRole;
import com.circoflows.domain.dashboard.DashboardUser;
import com.circoflows.domain.dashboard.DashboardUserRepository;
import com.circoflows.domain.dashboard.DashboardUserRepositoryContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The user port's contract on the template's DashboardUsersTable, through the real SDK, and how items look. */
class DynamoDashboardUserRepositoryIT extends DashboardUserRepositoryContract {
    private final String table = LocalStackFixture.table("DashboardUsersTable");
    private final DynamoDashboardUserRepository users = new DynamoDashboardUserRepository(LocalStackFixture.dynamoDb(), table);

    @Override
    protected DashboardUserRepository users() {
        return users;
    }

    @Test
    void aUserIsOneItemAndItsEmailAnotherThatClaimsItWithTheUserIdAlone() {
        DashboardUser user = new DashboardUser(userId(), merchantId(), email(), null, DashboardRole.OWNER, "$2a$12$x",
                CREATED_AT, CREATED_AT, false, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", 5, List.of("r1", "r2"), 1);

        users.create(user);

        Map<String, AttributeValue> item = rawItem("user#" + user.userId());
        assertEquals(user.merchantId(), item.get("merchant_id").s());
        assertEquals("OWNER", item.get("role").s());
        assertEquals("2030-03-04T05:06:07.089Z", item.get("created_at").s());
        assertEquals(List.of("r1", "r2"), item.get("recovery_code_hashes").l().stream().map(AttributeValue::s).toList());
        assertFalse(item.containsKey("display_name"), "absent, not an empty string");
        assertEquals(Map.of("item_key", AttributeValue.fromS("email#" + user.email()),
                "user_id", AttributeValue.fromS(user.userId())), rawItem("email#" + user.email()));
    }

    @Test
    void removingTheSecondFactorRemovesItsAttributes() {
        DashboardUser user = new DashboardUser(userId(), merchantId(), email(), "Ana", DashboardRole.OWNER, "$2a$12$x",
                CREATED_AT, CREATED_AT, false, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", 5, List.of("r1"), 1);
        users.create(user);
        DashboardUser plain = new DashboardUser(user.userId(), user.merchantId(), user.email(), null, user.role(),
                user.passwordHash(), CREATED_AT, CREATED_AT, false, null, com.circoflows.domain.dashboard.Totp.NO_STEP_USED,
                List.of(), 2);

        assertTrue(users.update(plain, 1));

        Map<String, AttributeValue> item = rawItem("user#" + user.userId());
        for (String gone : List.of("totp_secret", "totp_last_used_step", "recovery_code_hashes", "display_name")) {
            assertFalse(item.containsKey(gone), gone);
        }
    }

    @Test
    void anUpdateThatWouldChangeTheEmailOrMerchantChangesNothing() {
        DashboardUser user = owner(merchantId());
        users.create(user);

        assertFalse(users.update(new DashboardUser(user.userId(), user.merchantId(), email(), null, user.role(),
                "h", CREATED_AT, CREATED_AT, false, null, com.circoflows.domain.dashboard.Totp.NO_STEP_USED, List.of(), 2), 1));
        assertFalse(users.update(new DashboardUser(user.userId(), merchantId(), user.email(), null, user.role(),
                "h", CREATED_AT, CREATED_AT, false, null, com.circoflows.domain.dashboard.Totp.NO_STEP_USED, List.of(), 2), 1));

        assertEquals(user, users.findById(user.userId()).orElseThrow());
    }

    @Test
    void anOwnerCheckedAgainstThemselvesIsCheckedInTheirOwnWrite() {
        String merchantId = merchantId();
        DashboardUser ana = owner(merchantId);
        users.create(ana);
        DashboardUser viewer = user(merchantId, email(), DashboardRole.VIEWER);
        users.create(viewer);

        DashboardUser renamed = new DashboardUser(ana.userId(), merchantId, ana.email(), "Ana", DashboardRole.OWNER,
                ana.passwordHash(), CREATED_AT, CREATED_AT, false, null, com.circoflows.domain.dashboard.Totp.NO_STEP_USED,
                List.of(), 2);
        assertTrue(users.updateWhileOwner(renamed, 1, ana.userId()));
        DashboardUser promoted = new DashboardUser(viewer.userId(), merchantId, viewer.email(), null, DashboardRole.OWNER,
                viewer.passwordHash(), CREATED_AT, CREATED_AT, false, null, com.circoflows.domain.dashboard.Totp.NO_STEP_USED,
                List.of(), 2);
        assertFalse(users.updateWhileOwner(promoted, 1, viewer.userId()), "a viewer is no owner");
        assertFalse(users.delete(viewer.userId(), 1, viewer.userId()));
        assertTrue(users.delete(ana.userId(), 2, ana.userId()));
    }

    private Map<String, AttributeValue> rawItem(String itemKey) {
        return LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table)
                .key(Map.of("item_key", AttributeValue.fromS(itemKey))).consistentRead(true)).item();
    }
}
