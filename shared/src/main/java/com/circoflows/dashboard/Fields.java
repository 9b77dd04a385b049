package com.circoflows.dashboard;

import com.circoflows.api.pages.Html;
import com.circoflows.domain.card.CardNumberDetector;
import java.util.Map;

/**
 * Labelled form fields with their hint and error tied to them (aria-describedby, aria-invalid), and the
 * error summary at the top of a refused form, each entry a link to its field: what screen-reader users
 * and people who don't see the field's red border need.
 */
final class Fields {
    private Fields() {
    }

    /** One field. {@code attributes} is extra, trusted markup, e.g. {@code autocomplete="email" required}. */
    static String input(String name, String label, String type, String value, String hint, String error,
            String attributes) {
        String id = "f-" + name;
        StringBuilder described = new StringBuilder();
        StringBuilder html = new StringBuilder("<div class=\"field\"><label for=\"").append(id).append("\">")
                .append(Html.escape(label)).append("</label>");
        if (hint != null) {
            html.append("<span class=\"hint\" id=\"").append(id).append("-hint\">").append(Html.escape(hint)).append("</span>");
            described.append(id).append("-hint");
        }
        if (error != null) {
            html.append("<span class=\"error\" id=\"").append(id).append("-error\"><span class=\"visually-hidden\">Error: </span>")
                    .append(Html.escape(error)).append("</span>");
            described.append(described.length() > 0 ? " " : "").append(id).append("-error");
        }
        html.append("<input id=\"").append(id).append("\" name=\"").append(name).append("\" type=\"").append(type)
                .append('"');
        // A card number typed into any field is never written back into a page, whatever the field.
        if (value != null && !"password".equals(type) && !CardNumberDetector.containsCardNumber(value)) {
            html.append(" value=\"").append(Html.escape(value)).append('"');
        }
        if (described.length() > 0) {
            html.append(" aria-describedby=\"").append(described).append('"');
        }
        if (error != null) {
            html.append(" aria-invalid=\"true\"");
        }
        if (attributes != null && !attributes.isEmpty()) {
            html.append(' ').append(attributes);
        }
        return html.append("></div>").toString();
    }

    /** "There is a problem" with a link to each refused field; "" when nothing was refused. */
    static String errorSummary(Map<String, String> errorsByField) {
        if (errorsByField.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>")
                .append(errorsByField.size() == 1 ? "There is a problem" : "There are problems").append("</h2><ul>");
        errorsByField.forEach((field, message) -> html.append("<li>")
                .append(field == null ? Html.escape(message)
                        : "<a href=\"#f-" + field + "\">" + Html.escape(message) + "</a>")
                .append("</li>"));
        return html.append("</ul></div>").toString();
    }

    static String select(String name, String label, Map<String, String> options, String selected) {
        String id = "f-" + name;
        StringBuilder html = new StringBuilder("<div class=\"field\"><label for=\"").append(id).append("\">")
                .append(Html.escape(label)).append("</label><select id=\"").append(id).append("\" name=\"")
                .append(name).append("\">");
        options.forEach((value, text) -> html.append("<option value=\"").append(Html.escape(value)).append('"')
                .append(value.equals(selected) ? " selected" : "").append('>').append(Html.escape(text)).append("</option>"));
        return html.append("</select></div>").toString();
    }
}
