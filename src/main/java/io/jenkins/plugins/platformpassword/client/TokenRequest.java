package io.jenkins.plugins.platformpassword.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import kong.unirest.core.HttpRequest;
import kong.unirest.core.UnirestInstance;

/**
 * {@code POST /api/2/idp/token} with the client-credentials grant and HTTP Basic client
 * authentication, the platform's default ({@code client_secret_basic}).
 *
 * <p>The id and secret are form-urlencoded before they are joined and Base64-encoded, as OAuth 2
 * requires (RFC 6749, section 2.3.1), so a secret with {@code :}, {@code %} or non-ASCII
 * characters reaches the platform intact. For the platform's generated ids and secrets (UUIDs and
 * hex) the encoding changes nothing.
 */
final class TokenRequest extends Operation<AccessToken> {

    /** The documented token lifetime, assumed when an answer names no expiry. */
    static final Duration DOCUMENTED_LIFETIME = Duration.ofHours(2);

    /** RFC 6750 b64token: what may follow "Bearer " in a header. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    /** About 10,000 years: far beyond any real expiry, well inside what Instant can hold. */
    private static final long MAX_EPOCH_SECONDS = 10_000L * 365 * 24 * 3600;

    private final PlatformEndpoint endpoint;
    private final ApiClientCredentials credentials;
    private final Clock clock;

    TokenRequest(PlatformEndpoint endpoint, ApiClientCredentials credentials, Clock clock) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    String action() {
        return "get an access token for API client " + credentials.displayId() + " from " + endpoint;
    }

    @Override
    URI target() {
        return endpoint.api("/idp/token");
    }

    @Override
    boolean needsToken() {
        return false;
    }

    @Override
    boolean authenticates() {
        return true;
    }

    @Override
    HttpRequest<?> request(UnirestInstance unirest, AccessToken token) {
        return unirest.post(target().toString())
                .header("Authorization", basicHeader().reveal())
                .header("Accept", "application/json")
                .field("grant_type", "client_credentials");
    }

    SecretValue basicHeader() {
        String pair = formEncode(credentials.clientId()) + ":"
                + formEncode(credentials.secret().reveal());
        return SecretValue.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    int successStatus() {
        return 200;
    }

    @Override
    AccessToken read(HttpAnswer answer) throws PlatformException {
        JsonObject json = Json.parseObject(answer.bodyText())
                .orElseThrow(() -> Failures.protocol(this, answer.status(), "the token answer is not a JSON object"));
        JsonElement token = json.get("access_token");
        if (token != null && !token.isJsonNull() && !Json.isString(token)) {
            // 12345 or true would otherwise be sent as "Bearer 12345", and its refusal blamed on the credentials.
            throw Failures.protocol(
                    this, answer.status(), "the token answer's access_token is " + Json.kind(token) + ", not a string");
        }
        String value = Json.text(json, "access_token");
        if (value == null || value.isBlank()) {
            throw Failures.protocol(this, answer.status(), "the token answer has no access_token");
        }
        if (!BEARER_TOKEN.matcher(value).matches()) {
            // Never quoted: it is a secret, and the JDK would quote it back in a header error.
            throw Failures.protocol(
                    this, answer.status(), "the access_token has characters a bearer token cannot have (RFC 6750)");
        }
        JsonElement typeElement = json.get("token_type");
        if (typeElement != null && !typeElement.isJsonNull() && !Json.isString(typeElement)) {
            throw Failures.protocol(
                    this, answer.status(), "the token answer's token_type is " + Json.kind(typeElement) + ", not a string");
        }
        String type = Json.text(json, "token_type");
        if (type != null && !type.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw Failures.protocol(this, answer.status(), "the token answer's token_type is not bearer");
        }
        return new AccessToken(SecretValue.of(value), type == null ? "bearer" : type, expiry(json));
    }

    /**
     * When the token expires, from {@code expires_on} or {@code expires_in}, kept within a day: a
     * nonsense value must neither break the call nor keep a token for ever (a 401 renews it anyway).
     */
    private Instant expiry(JsonObject json) {
        Instant now = clock.instant();
        Long expiresOn = number(json, "expires_on");
        Long expiresIn = number(json, "expires_in");
        Instant expiry;
        if (expiresOn != null && expiresOn > -MAX_EPOCH_SECONDS && expiresOn < MAX_EPOCH_SECONDS) {
            expiry = Instant.ofEpochSecond(expiresOn);
        } else if (expiresIn != null && expiresIn > -MAX_EPOCH_SECONDS && expiresIn < MAX_EPOCH_SECONDS) {
            expiry = now.plusSeconds(expiresIn);
        } else {
            expiry = now.plus(DOCUMENTED_LIFETIME);
        }
        Instant latest = now.plus(Duration.ofDays(1));
        return expiry.isAfter(latest) ? latest : expiry;
    }

    private static Long number(JsonObject json, String member) {
        String text = Json.text(json, member);
        if (text == null) {
            return null;
        }
        try {
            return (long) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
