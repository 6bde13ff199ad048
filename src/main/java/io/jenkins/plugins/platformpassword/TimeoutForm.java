package io.jenkins.plugins.platformpassword;

import hudson.Util;
import hudson.model.Descriptor.FormException;
import hudson.util.FormValidation;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

/**
 * Checks the timeout fields of a submitted form before Stapler binds it. The setters refuse an
 * out-of-range value with an {@link IllegalArgumentException} (so that Configuration as Code and
 * scripts cannot set one either), and Stapler passes that on as an HTTP 500 page, half-way through
 * binding. Checked here first, the same value is a form error that names the field.
 */
final class TimeoutForm {

    static final List<String> FIELDS = List.of("connectTimeoutSeconds", "requestTimeoutSeconds");

    private TimeoutForm() {}

    /** The global timeouts: empty means the default, anything else must be 1 to 600. */
    static void checkGlobal(JSONObject form) throws FormException {
        for (String field : FIELDS) {
            String text = textOf(form.opt(field));
            if (text != null) {
                refuseOutOfRange(text, field, field);
            }
        }
    }

    /** Each platform's own timeouts (one platform is an object, several an array): empty means the global one. */
    static void checkPlatforms(JSONObject form) throws FormException {
        Object platforms = form.opt("platforms");
        List<?> entries = platforms instanceof JSONArray array
                ? array
                : platforms instanceof JSONObject one ? List.of(one) : List.of();
        for (Object entry : entries) {
            if (!(entry instanceof JSONObject platform)) {
                continue;
            }
            String name = String.valueOf(Util.fixNull(textOf(platform.opt("name"))));
            for (String field : FIELDS) {
                String text = textOf(platform.opt(field));
                if (text != null) {
                    refuseOutOfRange(text, Messages.TimeoutForm_PlatformField(name, field), field);
                }
            }
        }
    }

    /** The global empty value, the same as a field that was never set. */
    static boolean isEmpty(JSONObject form, String field) {
        return form.has(field) && textOf(form.opt(field)) == null;
    }

    private static void refuseOutOfRange(String text, String label, String field) throws FormException {
        FormValidation check =
                FormValidation.validateIntegerInRange(text, 1, PlatformPasswordConfiguration.MAX_TIMEOUT_SECONDS);
        if (check.kind != FormValidation.Kind.OK) {
            throw new FormException(label + ": " + check.getMessage(), field);
        }
    }

    private static String textOf(Object value) {
        return value == null || value instanceof net.sf.json.JSONNull ? null : Util.fixEmptyAndTrim(value.toString());
    }
}
