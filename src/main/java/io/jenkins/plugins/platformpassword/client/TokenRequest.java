package io.jenkins.plugins.platformpassword.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.AccessToken;
import io.jenkins.plugins.platformpassword.client.tokens.TokenLifetime;
import io.jenkins.plugins.platformpassword.client.transport.HttpAnswer;
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
 * <p>The Basic credentials are {@code base64(client_id ":" client_secret)} of the raw values, as
 * the platform documents them, and not form-urlencoded first as RFC 6749, section 2.3.1 would have
 * it. Sources: the contract's description of the {@code Authorization}
 * parameter ('the base64-encoded "client_id:client_secret" credentials'); the vendor's guide
 * "Authenticating to the Acronis platform"
 * (developer.acronis.com/doc/apis/getting-started/authentication.html), which Base64-encodes
 * {@code f'{client_id}:{client_secret}'}; the vendor's examples
 * (acronis/acronis-cyber-platform-python-examples, {@code common/base_operations.py}:
 * {@code requests.post(..., auth=(client_id, client_secret))};
 * acronis/acronis-cyber-platform-bash-examples, {@code 00.basis_functions.sh}:
 * {@code curl -u "${client_id}:${client_secret}"}). Only the vendor's Go sample connector
 * form-encodes (golang.org/x/oauth2's {@code AuthStyleInHeader}), which gives the same bytes for
 * the platform's generated ids (UUIDs) and the ASCII secrets seen in its examples. A secret with
 * {@code :}, {@code %} or {@code +} therefore goes as it is: the first colon ends the id, which is
 * a UUID. For non-ASCII characters no vendor source says which bytes the platform expects (its
 * guide encodes the pair as ASCII, {@code requests} as Latin-1, curl as the shell's bytes); the
 * client sends UTF-8, the charset RFC 7617 names, which is what curl sends from a UTF-8 shell.
 */
final class TokenRequest extends Operation<AccessToken> {

    /** The documented token lifetime, assumed when an answer names no expiry. */
    static final Duration DOCUMENTED_LIFETIME = Duration.ofHours(2);

    /** RFC 6750 b64token: what may follow "Bearer " in a header. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    /** The longest a token is kept, whatever the answer says. */
    static final Duration MAX_LIFETIME = Duration.ofDays(1);

    private final PlatformEndpoint endpoint;
    private final ApiClientCredentials credentials;
    private final Clock clock;

    TokenRequest(PlatformEndpoint endpoint, ApiClientCredentials credentials, Clock clock) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    protected String action() {
        return "get an access token for API client " + credentials.displayId() + " from " + endpoint;
    }

    @Override
    protected String url() {
        return endpoint.apiUrl("/idp/token");
    }

    @Override
    protected boolean needsToken() {
        return false;
    }

    @Override
    protected boolean authenticates() {
        return true;
    }

    @Override
    protected HttpRequest<?> request(UnirestInstance unirest, AccessToken token) {
        // The body is written out rather than built with field(), which labels it
        // "application/x-www-form-urlencoded; charset=UTF-8": the contract's media type has no
        // parameters, and the body is ASCII.
        return unirest.post(url())
                .header("Authorization", basicHeader().reveal())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("grant_type=client_credentials");
    }

    SecretValue basicHeader() {
        String pair = credentials.clientId() + ":" + credentials.secret().reveal();
        return SecretValue.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    protected int successStatus() {
        return 200;
    }

    @Override
    protected AccessToken read(HttpAnswer answer) throws PlatformException {
        JsonObject json = Json.parseObject(answer.bodyText())
                .orElseThrow(
                        () -> Failures.protocol(this, answer.status(), "the token answer is " + Json.NOT_AN_OBJECT));
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
                    this,
                    answer.status(),
                    "the token answer's token_type is " + Json.kind(typeElement) + ", not a string");
        }
        String type = Json.text(json, "token_type");
        if (type != null && !type.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw Failures.protocol(this, answer.status(), "the token answer's token_type is not bearer");
        }
        return new AccessToken(SecretValue.of(value), type == null ? "bearer" : type, expiry(json));
    }

    /**
     * How long the token lives, on the controller's clock from the moment its answer arrived.
     *
     * <p>{@code expires_in} decides: it is a duration, so it means the same on both clocks.
     * {@code expires_on} is a moment on the platform's clock, and a controller whose clock differs
     * would renew too early or too late by the difference. When both are given and disagree, the
     * difference is the clocks' skew, not another lifetime, so {@code expires_in} wins. Without a
     * usable {@code expires_in}, {@code expires_on} is taken as far as it lies ahead of the local
     * clock; one that lies in the past says only that the clocks differ, and then, as with neither,
     * the documented two hours are assumed. An {@code expires_in} of zero or less, with no usable
     * {@code expires_on}, says the token is spent: it serves the attempt that fetched it and no
     * other, since a later one would meet a 401 and fetch a token anyway. Every lifetime is cut to one
     * day: a nonsense value must neither break the call nor keep a token for ever (a 401 renews it
     * anyway).
     */
    private TokenLifetime expiry(JsonObject json) {
        Instant arrived = clock.instant();
        Long expiresIn = number(json, "expires_in");
        Long expiresOn = number(json, "expires_on");
        Duration lifetime;
        if (expiresIn != null && expiresIn > 0) {
            lifetime = Duration.ofSeconds(Math.min(expiresIn, MAX_LIFETIME.toSeconds()));
        } else if (expiresOn != null && expiresOn > arrived.getEpochSecond()) {
            lifetime = Duration.ofSeconds(Math.min(expiresOn - arrived.getEpochSecond(), MAX_LIFETIME.toSeconds()));
        } else if (expiresIn != null) {
            lifetime = Duration.ZERO;
        } else {
            lifetime = DOCUMENTED_LIFETIME;
        }
        return new TokenLifetime(arrived, arrived.plus(lifetime));
    }

    private static Long number(JsonObject json, String member) {
        String text = Json.text(json, member);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            // NaN would truncate to 0, a spent token; it says nothing, like a value that is no number.
            return Double.isFinite(value) ? (long) value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
