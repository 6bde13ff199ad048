package io.jenkins.plugins.platformpassword;

import hudson.util.FormValidation;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.UserId;

/** Form validation with the very rules the client applies at run time, so the form and the build never disagree. */
final class FormChecks {

    private FormChecks() {}

    static FormValidation userLogin(String value, String userId) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        if (userId != null && !userId.isBlank()) {
            return FormValidation.error(Messages.FormChecks_UserIdAndLogin());
        }
        if (value.codePointCount(0, value.length()) < 3 && !value.contains("${")) {
            return FormValidation.error(Messages.FormChecks_LoginTooShort());
        }
        return FormValidation.ok();
    }

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

    static FormValidation userId(String value, String userLogin) {
        boolean hasLogin = userLogin != null && !userLogin.isBlank();
        if (value == null || value.isBlank()) {
            return hasLogin ? FormValidation.ok() : FormValidation.error(Messages.FormChecks_UserRequired());
        }
        if (hasLogin) {
            return FormValidation.error(Messages.FormChecks_UserIdAndLogin());
        }
        if (value.contains("${")) {
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
