package com.circoflows.dashboard;

import com.circoflows.api.pages.Html;
import com.circoflows.domain.dashboard.DashboardRole;
import com.circoflows.domain.merchant.Mode;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's frame: plain HTML and one stylesheet in a nonce'd style element, readable from a 375 px
 * phone to a desktop, every action a link or a form (no script needed), landmarks and a skip link for
 * keyboard and screen-reader users.
 */
final class Layout {
    private record NavItem(String label, String path, boolean shown) {
    }

    String signedOut(String title, String nonce, String notice, String body) {
        return document(title, nonce, "", "<header class=\"top\"><div class=\"brand\">CircoFlows</div></header>"
                + "<main id=\"main\" class=\"narrow\">" + noticeHtml(notice) + body + "</main>");
    }

    String signedIn(String title, String nonce, String body, Visit visit, String merchantName, String pageCss) {
        DashboardRole role = visit.role();
        List<NavItem> items = new ArrayList<>();
        items.add(new NavItem("Payments", "/dashboard/payments", true));
        items.add(new NavItem("Sessions", "/dashboard/sessions", true));
        items.add(new NavItem("API keys", "/dashboard/settings/api-keys", role.canSeeApiKeys()));
        items.add(new NavItem("Webhooks", "/dashboard/settings/webhooks", role.canManageWebhooks()));
        items.add(new NavItem("Branding", "/dashboard/settings/branding", role.canEditBranding()));
        items.add(new NavItem("Team", "/dashboard/team", true));
        items.add(new NavItem("Account", "/dashboard/account", true));
        StringBuilder nav = new StringBuilder("<nav aria-label=\"Dashboard\"><ul>");
        for (NavItem item : items) {
            if (item.shown) {
                boolean current = visit.path().equals(item.path) || visit.path().startsWith(item.path + "/");
                nav.append("<li><a href=\"").append(Html.escape(visit.link(item.path))).append('"')
                        .append(current ? " aria-current=\"page\"" : "").append('>').append(item.label).append("</a></li>");
            }
        }
        nav.append("</ul></nav>");
        boolean live = visit.mode() == Mode.LIVE;
        // A page answering a form post sits at the form's action, which no link can open: switch from payments.
        String here = "POST".equals(visit.request().method()) ? PaymentPages.PAYMENTS : visit.path();
        String modeSwitch = "<div class=\"mode\" role=\"group\" aria-label=\"Mode\">"
                + "<a href=\"" + Html.escape(here) + "\"" + (live ? "" : " aria-current=\"true\"") + ">Test</a>"
                + "<a href=\"" + Html.escape(here) + "?mode=live\"" + (live ? " aria-current=\"true\"" : "")
                + ">Live</a></div>";
        String header = "<header class=\"top\"><div class=\"brand\">CircoFlows</div>"
                + "<div class=\"who\"><span class=\"merchant\">" + Html.escape(merchantName) + "</span> "
                + "<span class=\"muted\">" + Html.escape(visit.user().user().email()) + " · " + roleName(role)
                + "</span></div>" + modeSwitch
                + visit.form("/dashboard/logout", "<button class=\"link\" type=\"submit\">Sign out</button>")
                + "</header>";
        String banner = live ? "" : "<p class=\"test-banner\">Test mode: nothing here moves real money.</p>";
        return document(title, nonce, pageCss, "<a class=\"skip\" href=\"#main\">Skip to content</a>" + header + nav
                + "<main id=\"main\">" + banner + noticeHtml(visit.query("notice")) + body + "</main>");
    }

    static String roleName(DashboardRole role) {
        return switch (role) {
            case OWNER -> "Owner";
            case DEVELOPER -> "Developer";
            case VIEWER -> "Viewer";
        };
    }

    private static String noticeHtml(String code) {
        String text = Notices.text(code);
        return text == null ? "" : "<p class=\"notice\" role=\"status\">" + Html.escape(text) + "</p>";
    }

    private static String document(String title, String nonce, String pageCss, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>" + Html.escape(title) + " · CircoFlows dashboard</title>"
                + "<style nonce=\"" + nonce + "\">" + DashboardStyle.CSS + pageCss + "</style></head><body>" + body
                + "<script nonce=\"" + nonce + "\">" + DashboardStyle.SCRIPT + "</script></body></html>";
    }
}
