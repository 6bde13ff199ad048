package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.platformpassword.client.ApiClientCredentials;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.passwords.CharacterClass;
import io.jenkins.plugins.platformpassword.client.passwords.GeneratedLength;
import io.jenkins.plugins.platformpassword.client.passwords.PasswordScreening;
import io.jenkins.plugins.platformpassword.client.platforms.NamedPlatform;
import io.jenkins.plugins.platformpassword.client.rotation.RotationStoreException;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import java.util.List;
import java.util.Set;
import jenkins.security.FIPS140;

/**
 * Everything a step execution needs, resolved and checked before anything is sent: the global
 * defaults filled in, build variables expanded (never in the data center URL), credentials read (and tracked) with the data
 * center's domain requirements, for a rotation the credential's store found and the build's right
 * to rewrite it checked, and every rule applied. A problem becomes an {@link AbortException} that
 * names the field, and the platform has seen nothing.
 *
 * @param platform    the named platform the step uses, or null
 * @param endpoint    the data center
 * @param userId      the user's id, or null when the user is named by login
 * @param login       the user's login, or null when the user is named by id
 * @param client      the API client's id and secret
 * @param password    the new password, or null for a rotation
 * @param rotation    where a rotation writes the new password, or null when the password is read
 * @param classes     the character classes of a generated password, or null
 */
record StepInputs(
        NamedPlatform platform,
        PlatformEndpoint endpoint,
        UserId userId,
        String login,
        ApiClientCredentials client,
        NewPassword password,
        CredentialRotationStore rotation,
        Set<CharacterClass> classes) {

    static StepInputs resolve(
            ChangePlatformPasswordStep step, EnvVars env, Run<?, ?> run, PlatformPasswordConfiguration global)
            throws AbortException {
        if (step.getBaseUrl() != null && step.getBaseUrl().contains("${")) {
            // A parameter in the URL would let whoever starts the build pick where the secrets go.
            throw new AbortException(Messages.Run_BaseUrlVariable());
        }
        StepTarget target;
        try {
            target = StepTarget.of(
                    run.getParent(),
                    env.expand(step.getPlatform()),
                    step.getBaseUrl(),
                    step.getCredentialsId(),
                    global);
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        String url = orDefault(target.baseUrl(), null, Messages.Run_BaseUrlMissing());
        String clientCredentialsId = orDefault(target.credentialsId(), null, Messages.Run_CredentialsIdMissing());
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
            List<DomainRequirement> domain = DataCenterDomain.of(endpoint);
            JenkinsCredentials credentials = new JenkinsCredentials(run, domain, target.urlOwner());
            StandardUsernamePasswordCredentials apiClient = credentials.apiClient(clientCredentialsId);
            ApiClientCredentials client = JenkinsCredentials.toClient(apiClient);
            if (step.isGeneratePassword()) {
                GeneratedLength.check(step.getPasswordLength(), FIPS140.useCompliantAlgorithms());
                Set<CharacterClass> classes = CharacterClasses.parse(step.getCharacterClasses());
                CredentialRotationStore rotation = CredentialRotationStore.forCredential(
                        run, passwordId, domain, apiClient.getId(), global.systemRotations());
                return new StepInputs(target.platform(), endpoint, id, login, client, null, rotation, classes);
            }
            StandardCredentials passwordCredential = credentials.newPassword(passwordId);
            requireDistinct(passwordCredential.getId(), apiClient);
            NewPassword password = JenkinsCredentials.passwordOf(passwordCredential);
            if (step.isCheckPasswordLength()) {
                PasswordScreening.checkLength(password);
            }
            return new StepInputs(target.platform(), endpoint, id, login, client, password, null, null);
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        } catch (RotationStoreException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** The platform's name for the console and the summary, or null. */
    String platformName() {
        return platform == null ? null : platform.name();
    }

    /** Who the step is about, as the console first names them. */
    String user() {
        return userId != null ? userId.value() : login;
    }

    @Override
    public String toString() {
        return "StepInputs[" + endpoint + ", user " + user() + ", client " + client.displayId() + "]";
    }

    /**
     * The new password must not come from (or, rotated, go into) the API client's own credential:
     * the user would get the client's secret as password, or the rotation would overwrite the
     * secret and every later build would fail. Compared after parameters are resolved.
     */
    private static void requireDistinct(String passwordCredentialId, StandardUsernamePasswordCredentials apiClient) {
        if (passwordCredentialId.equals(apiClient.getId())) {
            throw new InvalidInputException(
                    NewPassword.FIELD, Messages.Run_SameCredential(LogText.value(passwordCredentialId)));
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
