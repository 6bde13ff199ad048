package io.jenkins.plugins.platformpassword.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds which API client a token request comes from: HTTP Basic for {@code client_secret_basic}
 * clients, {@code client_id}/{@code client_secret} form fields for {@code client_secret_post}
 * clients. A client must use the method it was registered with, as on the platform.
 *
 * <p>The Basic credentials are read the way the platform documents them, not as RFC 6749,
 * section 2.3.1 would have it: Base64 of {@code client_id:client_secret} exactly as they are,
 * with no form-urlencoding. The contract describes the header as 'the base64-encoded
 * "client_id:client_secret" credentials', and the vendor's guide ("Authenticating to the
 * platform") and Python and bash examples send the raw pair. Client ids are UUIDs, so the first
 * {@code :} ends the id and everything after it, {@code :} and {@code %} included, is the secret.
 * A client that form-encodes a secret with such characters is therefore refused here as it would
 * be there.
 */
final class ClientAuthentication {

    /** An id and secret as a request presented them. */
    private record Presented(String clientId, String secret) {
        @Override
        public String toString() {
            return "Presented[clientId=" + clientId + "]";
        }
    }

    private final Directory directory;

    ClientAuthentication(Directory directory) {
        this.directory = directory;
    }

    ApiClient authenticate(IncomingRequest request, FormFields form) throws Rejection {
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isPresent()) {
            if (form.count("client_secret") > 0) {
                throw OAuthError.invalidRequest(
                                "The client authenticated with more than one method (Authorization header and client_secret).")
                        .reject();
            }
            return checked(basicCandidates(authorization.get()), TokenAuthMethod.CLIENT_SECRET_BASIC);
        }
        Optional<String> clientId = form.first("client_id");
        Optional<String> secret = form.first("client_secret");
        if (clientId.isEmpty() || secret.isEmpty()) {
            throw OAuthError.accessDenied("Client authentication is required.").reject();
        }
        return checked(List.of(new Presented(clientId.get(), secret.get())), TokenAuthMethod.CLIENT_SECRET_POST);
    }

    /** The (id, secret) pair of a Basic header: Base64, then UTF-8, split at the first colon. */
    private static List<Presented> basicCandidates(String header) throws Rejection {
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
            throw OAuthError.accessDenied("Unsupported Authorization scheme; use Basic client credentials.")
                    .reject();
        }
        String pair;
        try {
            pair = PercentDecoding.strictUtf8(
                    Base64.getDecoder().decode(value.substring(space + 1).strip()));
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("The Basic credentials are not Base64-encoded UTF-8.")
                    .reject();
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            throw OAuthError.invalidRequest("The Basic credentials have no ':' between client id and secret.")
                    .reject();
        }
        return List.of(new Presented(pair.substring(0, colon), pair.substring(colon + 1)));
    }

    private ApiClient checked(List<Presented> candidates, TokenAuthMethod usedMethod) throws Rejection {
        for (Presented candidate : candidates) {
            Optional<ApiClient> client =
                    directory.client(candidate.clientId()).map(Directory.RegisteredClient::credentials);
            if (client.isPresent() && sameSecret(client.get().secret(), candidate.secret())) {
                if (client.get().authMethod() != usedMethod) {
                    throw OAuthError.accessDenied("The client is registered for "
                                    + client.get().authMethod().wireName() + " authentication, not "
                                    + usedMethod.wireName() + ".")
                            .reject();
                }
                return client.get();
            }
        }
        // Says neither which part was wrong nor echoes either, as a real server must not.
        throw OAuthError.accessDenied("Invalid client credentials.").reject();
    }

    private static boolean sameSecret(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
