package io.jenkins.plugins.platformpassword.client;

import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.util.Objects;
import java.util.Optional;

/**
 * An API client's id and secret, as stored in a Jenkins "Username with password" credential.
 * The id is usually not secret (the platform shows it in its console), so messages name it to
 * say which client failed; when the credential marks its username as secret, messages show
 * {@value SecretValue#MASK} instead and answers echoing it are redacted. The secret stays wrapped.
 *
 * <p>The platform's client ids are UUIDs, and its contract allows only the lower-case form in
 * {@code GET /clients/{client_id}}. An id pasted in upper case is normalised, like a user id; one
 * that is not a UUID (a name, surrounding spaces, a trailing line break) is refused before any
 * request, without repeating it: the username may be marked secret.
 *
 * @param clientId       the API client's id, in lower case
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
        clientId = normalisedClientId(clientId);
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

    private static String normalisedClientId(String clientId) {
        Optional<String> id = Uuids.lowerCase(clientId);
        if (id.isPresent()) {
            return id.get();
        }
        // Not an id: find the mistake worth naming.
        String subject = "the credential's username (the API client id)";
        if (clientId.isBlank()) {
            throw new InvalidInputException(FIELD, subject + " is empty");
        }
        if (clientId.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new InvalidInputException(
                    FIELD, subject + " contains whitespace or a line break; enter the client id alone");
        }
        if (clientId.startsWith("{") || clientId.endsWith("}")) {
            throw new InvalidInputException(FIELD, subject + " must be a UUID without braces");
        }
        throw new InvalidInputException(
                FIELD,
                subject + " is not a UUID; API client ids are 8-4-4-4-12 hex digits, "
                        + "e.g. 1c234e69-5469-424a-a6d1-ff5658b387a6");
    }

    @Override
    public String toString() {
        return "ApiClientCredentials[clientId=" + displayId() + ", secret=" + secret + "]";
    }
}
