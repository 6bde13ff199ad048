package io.jenkins.plugins.platformpassword;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.platformpassword.client.ApiClientCredentials;
import io.jenkins.plugins.platformpassword.client.CharacterClass;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.PasswordGenerator;
import io.jenkins.plugins.platformpassword.client.PasswordScreening;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.UserId;
import java.util.Set;

/**
 * Everything a step execution needs, resolved and checked before anything is sent: the global
 * defaults filled in, build variables expanded, credentials read (and tracked), and every rule
 * applied. A problem becomes an {@link AbortException} that names the field.
 *
 * @param endpoint              the data center
 * @param userId                the user's id, or null when the user is named by login
 * @param login                 the user's login, or null when the user is named by id
 * @param client                the API client's id and secret
 * @param passwordCredentialsId the credential with (or, for a rotation, for) the new password
 * @param password              the new password, or null for a rotation
 * @param classes               the character classes of a generated password, or null
 */
record StepInputs(
        PlatformEndpoint endpoint,
        UserId userId,
        String login,
        ApiClientCredentials client,
        String passwordCredentialsId,
        NewPassword password,
        Set<CharacterClass> classes) {

    static StepInputs resolve(
            ChangePlatformPasswordStep step, EnvVars env, Run<?, ?> run, PlatformPasswordConfiguration global)
            throws AbortException {
        String url = orDefault(env.expand(step.getBaseUrl()), global.getBaseUrl(), Messages.Run_BaseUrlMissing());
        String clientCredentialsId =
                orDefault(step.getCredentialsId(), global.getCredentialsId(), Messages.Run_CredentialsIdMissing());
        String passwordId =
                orDefault(step.getPasswordCredentialsId(), null, Messages.Run_PasswordCredentialsIdMissing());
        String userId = Util.fixEmptyAndTrim(env.expand(step.getUserId()));
        String login = Util.fixEmptyAndTrim(env.expand(step.getUserLogin()));
        if (userId == null && login == null) {
            throw new AbortException(Messages.Run_UserMissing());
        }
        if (userId != null && login != null) {
            throw new AbortException(Messages.Run_UserIdAndLogin());
        }
        try {
            PlatformEndpoint endpoint = PlatformEndpoint.parse(url, global.isAllowPlainHttp());
            UserId id = userId == null ? null : UserId.parse(userId);
            JenkinsCredentials credentials = new JenkinsCredentials(run);
            ApiClientCredentials client = credentials.apiClient(clientCredentialsId);
            if (step.isGeneratePassword()) {
                checkLength(step.getPasswordLength());
                return new StepInputs(
                        endpoint,
                        id,
                        login,
                        client,
                        passwordId,
                        null,
                        CharacterClasses.parse(step.getCharacterClasses()));
            }
            NewPassword password = credentials.newPassword(passwordId);
            if (step.isCheckPasswordLength()) {
                PasswordScreening.checkLength(password);
            }
            return new StepInputs(endpoint, id, login, client, passwordId, password, null);
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Who the step is about, as the console first names them. */
    String user() {
        return userId != null ? userId.value() : login;
    }

    @Override
    public String toString() {
        return "StepInputs[" + endpoint + ", user " + user() + ", client " + client.displayId() + "]";
    }

    private static void checkLength(int length) {
        if (length < PasswordGenerator.MIN_LENGTH || length > PasswordGenerator.MAX_LENGTH) {
            throw new InvalidInputException(
                    PasswordGenerator.LENGTH_FIELD,
                    "is " + length + "; generated passwords have " + PasswordGenerator.MIN_LENGTH + " to "
                            + PasswordGenerator.MAX_LENGTH + " characters");
        }
    }

    private static String orDefault(String value, String fallback, String missingMessage) throws AbortException {
        String chosen = Util.fixEmptyAndTrim(value) != null ? value : Util.fixEmptyAndTrim(fallback);
        if (chosen == null) {
            throw new AbortException(missingMessage);
        }
        return chosen;
    }
}
