package io.jenkins.plugins.platformpassword.client;

import java.util.Objects;

/**
 * An API client's id and secret, as stored in a Jenkins "Username with password" credential.
 * The id is usually not secret (the platform shows it in its console), so messages name it to
 * say which client failed; when the credential marks its username as secret, messages show
 * {@value SecretValue#MASK} instead and answers echoing it are redacted. The secret stays wrapped.
 *
 * @param clientId       the API client's id
 * @param secret         the API client's secret
 * @param clientIdSecret whether the id must not be shown either
 */
public record ApiClientCredentials(String clientId, SecretValue secret, boolean clientIdSecret) {

    public ApiClientCredentials(String clientId, SecretValue secret) {
        this(clientId, secret, false);
    }

    /** The id as messages and logs show it: masked, or on one line whatever the credential's username holds. */
    public String displayId() {
        return clientIdSecret ? SecretValue.MASK : LogText.value(clientId);
    }

    /** The field name of the API client credential in the step and the form. */
    public static final String FIELD = "credentialsId";

    public ApiClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        if (clientId.isBlank()) {
            throw new InvalidInputException(FIELD, "the credential's username (the API client id) is empty");
        }
        if (secret.isEmpty()) {
            throw new InvalidInputException(FIELD, "the credential's password (the API client secret) is empty");
        }
        // Sent as '?' in the Basic header otherwise, so the platform would refuse a secret that looks right.
        if (UnpairedSurrogates.firstIn(clientId) >= 0) {
            throw new InvalidInputException(
                    FIELD, "the credential's username (the API client id) contains an unpaired UTF-16 surrogate");
        }
        if (UnpairedSurrogates.firstIn(secret.reveal()) >= 0) {
            throw new InvalidInputException(
                    FIELD, "the credential's password (the API client secret) contains an unpaired UTF-16 surrogate");
        }
    }

    @Override
    public String toString() {
        return "ApiClientCredentials[clientId=" + displayId() + ", secret=" + secret + "]";
    }
}
