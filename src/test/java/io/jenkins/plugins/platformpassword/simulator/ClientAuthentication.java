package io.jenkins.plugins.platformpassword.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds which API client a token request comes from: HTTP Basic for {@code client_secret_basic}
 * clients, {@code client_id}/{@code client_secret} form fields for {@code client_secret_post}
 * clients. A client must use the method it was registered with, as on the platform.
 *
 * <p>RFC 6749, section 2.3.1 says the id and secret are form-urlencoded before they are joined
 * for Basic; many clients skip that. Both forms are accepted, so that a client may do either, and
 * a test can still tell them apart in the request log. Raw, the first {@code :} separates id from
 * secret (an id cannot contain one then); encoded, a {@code :} in either is {@code %3A}.
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

    /** The (id, secret) pairs a Basic header can mean: as sent, and form-urldecoded. */
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
        List<Presented> candidates = new ArrayList<>();
        candidates.add(new Presented(pair.substring(0, colon), pair.substring(colon + 1)));
        try {
            candidates.add(new Presented(
                    PercentDecoding.decode(pair.substring(0, colon), true),
                    PercentDecoding.decode(pair.substring(colon + 1), true)));
        } catch (IllegalArgumentException e) {
            // Not form-urlencoded (e.g. a raw secret with a lone '%'): only the raw reading applies.
        }
        return candidates;
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
