package io.jenkins.plugins.platformpassword.client.platforms;

import java.util.Objects;

/**
 * One named data center with its API client, as an administrator defines it globally or in a
 * folder: {@code eu2 -> https://eu2-cloud.example.com, credential eu2-api-client}. Plain values
 * only: the credential is named by id, never held.
 *
 * @param name                  how steps refer to it ({@code platform: 'eu2'})
 * @param baseUrl               the data center URL, or null to leave it to each step
 * @param credentialsId         the API client credential's id, or null to leave it to each step
 * @param connectTimeoutSeconds this platform's connect timeout, or null for the global one
 * @param requestTimeoutSeconds this platform's request timeout, or null for the global one
 */
public record NamedPlatform(
        String name,
        String baseUrl,
        String credentialsId,
        Integer connectTimeoutSeconds,
        Integer requestTimeoutSeconds) {

    /** The field name of the platform in the step. */
    public static final String FIELD = "platform";

    public NamedPlatform {
        Objects.requireNonNull(name, "name");
    }
}
