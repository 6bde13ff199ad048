package io.jenkins.plugins.platformpassword.client.passwords;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jenkins.plugins.platformpassword.client.Failures;
import io.jenkins.plugins.platformpassword.client.Json;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.Operation;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.AccessToken;
import io.jenkins.plugins.platformpassword.client.transport.HttpAnswer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import kong.unirest.core.HttpRequest;
import kong.unirest.core.UnirestInstance;

/**
 * {@code POST /api/2/users/check_password} with {@code {"password": "<SHA-1 hex>"}}: does the
 * platform know the password from data breaches? Success is 200 with {@code {"compromised": bool}}.
 * The endpoint needs no token, so none is sent.
 *
 * <p>The hash is written in upper case, as in the example of the platform's OpenAPI spec
 * ({@code checkPasswordPost}); the spec does not say whether lower case is accepted.
 *
 * <p>The SHA-1 of a password is as sensitive as the password: it is unsalted, so a weak password
 * is recovered from it in seconds. It is therefore one of this operation's {@link #secrets()}, in
 * both letter cases, so that an answer echoing it is redacted, and it never appears in a message.
 */
final class CompromisedPasswordCheck extends Operation<Boolean> {

    private final PlatformEndpoint endpoint;
    private final NewPassword password;
    private final SecretValue sha1Hex;

    CompromisedPasswordCheck(PlatformEndpoint endpoint, NewPassword password) {
        this.endpoint = endpoint;
        this.password = password;
        this.sha1Hex = sha1Hex(password.value());
    }

    /** The upper-case hex SHA-1 of the UTF-8 bytes of the secret, itself a secret. */
    static SecretValue sha1Hex(SecretValue secret) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1").digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
            return SecretValue.of(HexFormat.of().withUpperCase().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }

    @Override
    protected String action() {
        return "check the new password against the platform's list of compromised passwords";
    }

    @Override
    protected String url() {
        return endpoint.apiUrl("/users/check_password");
    }

    @Override
    protected boolean needsToken() {
        return false;
    }

    @Override
    protected HttpRequest<?> request(UnirestInstance unirest, AccessToken token) {
        return unirest.post(url())
                .header("Accept", "application/json")
                .contentType("application/json")
                .body(Json.oneMember("password", sha1Hex.reveal()));
    }

    @Override
    protected int successStatus() {
        return 200;
    }

    @Override
    protected Boolean read(HttpAnswer answer) throws PlatformException {
        JsonObject json = Json.parseObject(answer.bodyText())
                .orElseThrow(() -> Failures.protocol(this, answer.status(), "the answer is " + Json.NOT_AN_OBJECT));
        JsonElement compromised = json.get("compromised");
        // Strict on purpose: reading "no" into a garbled answer would let a breached password through.
        if (compromised == null
                || !compromised.isJsonPrimitive()
                || !compromised.getAsJsonPrimitive().isBoolean()) {
            throw Failures.protocol(this, answer.status(), "the answer has no boolean 'compromised'");
        }
        return compromised.getAsBoolean();
    }

    @Override
    protected SecretValue[] secrets() {
        String hex = sha1Hex.reveal();
        // An echo may come back in either case; the plain password is listed too, although it is never sent.
        return new SecretValue[] {sha1Hex, SecretValue.of(hex.toLowerCase(Locale.ROOT)), password.value()};
    }

    @Override
    protected String notFoundHint() {
        return "This data center does not offer the compromised-password check (an older platform version, or a gateway "
                + "that does not pass the endpoint on).";
    }

    @Override
    protected String rejectedHint() {
        return "The platform did not accept the check request; this is a bug in the plugin or an API change.";
    }

    @Override
    public String toString() {
        return "CompromisedPasswordCheck[" + endpoint + ", " + SecretValue.MASK + "]";
    }
}
