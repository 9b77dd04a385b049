package com.circoflows.dashboard;

import com.circoflows.api.ApiResponse;
import com.circoflows.api.pages.Html;
import com.circoflows.domain.dashboard.AccountOutcome;
import com.circoflows.domain.dashboard.AccountRefusal;
import com.circoflows.domain.dashboard.DashboardRole;
import com.circoflows.domain.dashboard.DashboardTeam;
import com.circoflows.domain.dashboard.DashboardUser;
import com.circoflows.domain.dashboard.InvitedUser;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The merchant's team: everyone sees who is in it; owners invite people (with a one-time setup password
 * to hand over, changed at the first sign-in), change roles and remove people, never the last owner.
 */
public final class TeamPages implements DashboardArea {
    static final String TEAM = "/dashboard/team";
    private static final Map<String, String> ROLES = roles();
    /** What a user id can look like: ours are the prefix and 20 base62 characters; more room is harmless. */
    private static final Pattern USER_ID = Pattern.compile(Pattern.quote(DashboardUser.ID_PREFIX) + "[0-9A-Za-z]{1,64}");

    private final DashboardTeam team;
    private final DashboardTimes times;

    public TeamPages(DashboardTeam team, DashboardTimes times) {
        this.team = team;
        this.times = times;
    }

    @Override
    public void addTo(DashboardRoutes routes) {
        routes.get(TEAM, Access.anyone(), visit -> team(visit, 200, Map.of(), ""));
        routes.post(TEAM + "/invite", Access.signedIn(DashboardRole::canManageTeam), this::invite);
        routes.post(TEAM + "/{user_id}/role", Access.signedIn(DashboardRole::canManageTeam), this::changeRole);
        routes.post(TEAM + "/{user_id}/remove", Access.signedIn(DashboardRole::canManageTeam), this::remove);
    }

    private ApiResponse team(Visit visit, int status, Map<String, String> errors, String email) {
        boolean owner = visit.role().canManageTeam();
        List<DashboardUser> members = team.members(visit.user().user().userId()).stream()
                .sorted(Comparator.comparing(DashboardUser::createdAt)).toList();
        StringBuilder body = new StringBuilder("<h1>Team</h1><p class=\"muted\">Owners manage the team, keys and "
                + "branding; developers manage keys, webhooks, refunds and captures; viewers see payments only.</p>")
                .append(Fields.errorSummary(errors));
        body.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Team members\"><table><thead><tr>")
                .append("<th scope=\"col\">Email</th><th scope=\"col\">Role</th><th scope=\"col\">Since</th>")
                .append(owner ? "<th scope=\"col\"><span class=\"visually-hidden\">Actions</span></th>" : "")
                .append("</tr></thead><tbody>");
        for (DashboardUser member : members) {
            boolean self = member.userId().equals(visit.user().user().userId());
            body.append("<tr><td>").append(Html.escape(member.email())).append(self ? " (you)" : "")
                    .append(member.mustChangePassword() ? " <span class=\"muted\">invited</span>" : "")
                    .append("</td><td>").append(Layout.roleName(member.role())).append("</td><td>")
                    .append(times.show(member.createdAt())).append("</td>");
            if (owner) {
                String base = TEAM + "/" + member.userId();
                body.append("<td><div class=\"actions\">")
                        .append(visit.form(base + "/role", "<label class=\"visually-hidden\" for=\"role-" + member.userId()
                                + "\">Role of " + Html.escape(member.email()) + "</label><select id=\"role-" + member.userId()
                                + "\" name=\"role\">" + roleOptions(member.role()) + "</select> "
                                + "<button class=\"secondary\" type=\"submit\">Change role</button>"))
                        .append(visit.form(base + "/remove", "<button class=\"danger\" type=\"submit\" aria-label=\"Remove "
                                + Html.escape(member.email()) + "\">Remove</button>"))
                        .append("</div></td>");
            }
            body.append("</tr>");
        }
        body.append("</tbody></table></div>");
        if (owner) {
            body.append("<section class=\"panel\" aria-labelledby=\"invite-heading\"><h2 id=\"invite-heading\">Invite a person</h2>")
                    .append(visit.form(TEAM + "/invite",
                            Fields.input("email", "Email", "email", email, null, errors.get("email"),
                                    "autocomplete=\"off\" maxlength=\"254\" required")
                            + Fields.select("role", "Role", ROLES, "developer")
                            + "<button type=\"submit\">Invite</button>"))
                    .append("</section>");
        }
        return visit.page(status, "Team", body.toString());
    }

    private ApiResponse invite(Visit visit) {
        String email = SignInPages.orEmpty(visit.field("email")).strip();
        DashboardRole role = role(visit.field("role"));
        if (role == null) {
            return team(visit, 422, Map.of("role", "Choose a role."), email);
        }
        AccountOutcome<InvitedUser> outcome = team.invite(visit.user().user().userId(), email, role);
        if (outcome instanceof AccountOutcome.Refused<InvitedUser> refused) {
            return team(visit, 422, Map.of("email", refused.refusal().message()), email);
        }
        InvitedUser invited = ((AccountOutcome.Done<InvitedUser>) outcome).value();
        String body = "<h1>Invitation ready</h1><p><strong>" + Html.escape(invited.user().email()) + "</strong> can sign in as "
                + Layout.roleName(invited.user().role()) + " with this one-time password, then chooses their own. "
                + "<strong>It is shown only this once</strong>: hand it over by a channel you trust.</p>"
                + "<code class=\"secret\" data-copy=\"setup password\">" + Html.escape(invited.setupPassword()) + "</code>"
                + "<p><a href=\"" + TEAM + "\">Back to the team</a></p>";
        return visit.page("Invitation ready", body);
    }

    private ApiResponse changeRole(Visit visit) {
        String userId = knownShapeOrNotFound(visit.pathParameter("user_id"));
        DashboardRole role = role(visit.field("role"));
        if (role == null) {
            return team(visit, 422, Map.of("role", "Choose a role."), "");
        }
        return answer(visit, team.changeRole(visit.user().user().userId(), userId, role), "role_changed");
    }

    private ApiResponse remove(Visit visit) {
        return answer(visit, team.removeUser(visit.user().user().userId(),
                knownShapeOrNotFound(visit.pathParameter("user_id"))), "member_removed");
    }

    /**
     * The user id from the path, or the answer for a user that does not exist when it cannot be one: an
     * overlong id would otherwise reach the users table as a key past DynamoDB's size limit (a 500).
     */
    private static String knownShapeOrNotFound(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new ApiException(ErrorCode.ROUTE_NOT_FOUND, "No such user.");
        }
        return userId;
    }

    private ApiResponse answer(Visit visit, AccountOutcome<DashboardUser> outcome, String notice) {
        if (outcome instanceof AccountOutcome.Refused<DashboardUser> refused) {
            if (refused.refusal().reason() == AccountRefusal.Reason.USER_NOT_FOUND) {
                throw new ApiException(ErrorCode.ROUTE_NOT_FOUND, "No such user.");
            }
            return team(visit, 409, errorOf(refused.refusal()), "");
        }
        return visit.redirect(TEAM, notice);
    }

    private static Map<String, String> errorOf(AccountRefusal refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("team", refusal.message());
        return errors;
    }

    private static DashboardRole role(String raw) {
        if (raw == null) {
            return null;
        }
        for (DashboardRole role : DashboardRole.values()) {
            if (role.name().toLowerCase(Locale.ROOT).equals(raw)) {
                return role;
            }
        }
        return null;
    }

    private static String roleOptions(DashboardRole current) {
        StringBuilder options = new StringBuilder();
        ROLES.forEach((value, label) -> options.append("<option value=\"").append(value).append('"')
                .append(value.equals(current.name().toLowerCase(Locale.ROOT)) ? " selected" : "").append('>')
                .append(label).append("</option>"));
        return options.toString();
    }

    private static Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("owner", "Owner");
        roles.put("developer", "Developer");
        roles.put("viewer", "Viewer");
        return roles;
    }
}
