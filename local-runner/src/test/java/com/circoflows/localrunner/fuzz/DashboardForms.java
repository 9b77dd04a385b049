package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.TemplateRoutes;
import com.circoflows.localstack.HttpRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of the dashboard's POST forms, read off the pages as a browser sees them: each form's
 * inputs, selects, radio groups and text areas with the value the page gives them, by the template
 * route its action names. A route whose form no page showed (a route added later, say) gets every
 * field name seen on any form, so it is still fuzzed, and the report says so.
 */
final class DashboardForms {
    private static final Pattern FORM = Pattern.compile(
            "<form\\b[^>]*\\bmethod=\"post\"[^>]*\\baction=\"([^\"]*)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile(
            "<(input|select|textarea|button)\\b([^>]*)>(?:(.*?)</(?:select|textarea)>)?", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)(?:=\"([^\"]*)\")?");
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>");
    /** Every form carries these; the fuzz sets them itself. */
    private static final Set<String> FORM_PLUMBING = Set.of("csrf_token", "mode");

    /** One field of a form: what a browser would send for it when the person changes nothing. */
    record Field(String name, String type, String value) {
        boolean secret() {
            return "password".equals(type) || name.contains("password");
        }
    }

    private final Map<String, List<Field>> byRoute = new LinkedHashMap<>();
    private final Set<String> buttonNames = new LinkedHashSet<>();

    /** Reads every POST form of {@code pages} and files it under the route of {@code postRoutes} its action names. */
    static DashboardForms readFrom(List<String> pages, List<HttpRoute> postRoutes) {
        DashboardForms forms = new DashboardForms();
        for (String page : pages) {
            Matcher form = FORM.matcher(page);
            while (form.find()) {
                String action = unescape(form.group(1));
                String path = action.contains("?") ? action.substring(0, action.indexOf('?')) : action;
                for (HttpRoute route : postRoutes) {
                    if (TemplateRoutes.anyMatches(List.of(route), "POST", path)) {
                        forms.byRoute.putIfAbsent(route.path(), forms.fields(form.group(2)));
                        break;
                    }
                }
            }
        }
        return forms;
    }

    private List<Field> fields(String formHtml) {
        Map<String, Field> fields = new LinkedHashMap<>();
        Matcher control = CONTROL.matcher(formHtml);
        while (control.find()) {
            Map<String, String> attributes = attributes(control.group(2));
            String name = attributes.get("name");
            if (name == null || FORM_PLUMBING.contains(name)) {
                continue;
            }
            String tag = control.group(1);
            if (tag.equals("button")) {
                // Only the button clicked is sent; the fuzz adds button names as extra fields now and then.
                buttonNames.add(name);
                continue;
            }
            String type = tag.equals("input") ? attributes.getOrDefault("type", "text") : tag;
            String value = switch (type) {
                case "select" -> selectedOption(control.group(3));
                case "textarea" -> unescape(control.group(3) == null ? "" : control.group(3));
                default -> unescape(attributes.getOrDefault("value", ""));
            };
            Field field = new Field(name, type, value);
            boolean unchecked = (type.equals("radio") || type.equals("checkbox")) && !attributes.containsKey("checked");
            if (unchecked) {
                // A group's first choice stands in until the checked one is seen.
                fields.putIfAbsent(name, field);
            } else {
                fields.put(name, field);
            }
        }
        return List.copyOf(fields.values());
    }

    /** The route's fields, from its own form, or else every field of every form seen. */
    List<Field> fieldsOf(HttpRoute route) {
        List<Field> own = byRoute.get(route.path());
        if (own != null) {
            return own;
        }
        Map<String, Field> all = new LinkedHashMap<>();
        byRoute.values().forEach(fields -> fields.forEach(field -> all.putIfAbsent(field.name(), field)));
        return List.copyOf(all.values());
    }

    boolean pageShowsFormOf(HttpRoute route) {
        return byRoute.containsKey(route.path());
    }

    /** Every field and button name any form has: names a hostile form adds where they don't belong. */
    List<String> allNames() {
        Set<String> names = new LinkedHashSet<>(buttonNames);
        byRoute.values().forEach(fields -> fields.forEach(field -> names.add(field.name())));
        names.addAll(FORM_PLUMBING);
        return new ArrayList<>(names);
    }

    private static String selectedOption(String optionsHtml) {
        String first = null;
        Matcher option = OPTION.matcher(optionsHtml == null ? "" : optionsHtml);
        while (option.find()) {
            Map<String, String> attributes = attributes(option.group(1));
            String value = unescape(attributes.getOrDefault("value", ""));
            if (attributes.containsKey("selected")) {
                return value;
            }
            first = first == null ? value : first;
        }
        return first == null ? "" : first;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            attributes.putIfAbsent(attribute.group(1), attribute.group(2) == null ? "" : attribute.group(2));
        }
        return attributes;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
