package io.jenkins.plugins.platformpassword;

import hudson.util.FormValidation;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.UserId;

/** Form validation with the very rules the client applies at run time, so the form and the build never disagree. */
final class FormChecks {

    private FormChecks() {}

    static FormValidation baseUrl(String value, boolean allowPlainHttp) {
        try {
            PlatformEndpoint endpoint = PlatformEndpoint.parse(value, allowPlainHttp);
            return endpoint.isHttps()
                    ? FormValidation.ok()
                    : FormValidation.warning(Messages.FormChecks_PlainHttp(endpoint.dataCenterUrl()));
        } catch (InvalidInputException e) {
            return FormValidation.error(e.problem());
        }
    }

    static FormValidation userId(String value) {
        if (value != null && value.contains("${")) {
            return FormValidation.ok(Messages.FormChecks_Expression());
        }
        try {
            UserId.parse(value);
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.problem());
        }
    }
}
