package io.jenkins.plugins.platformpassword.simulator;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST /api/2/idp/token} with the client-credentials grant. Errors here are OAuth-shaped
 * ({@code {"error","error_description"}}), never the platform's error shape.
 */
final class TokenEndpoint implements Endpoint {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final Directory directory;
    private final TokenStore tokens;
    private final ClientAuthentication authentication;

    TokenEndpoint(Directory directory, TokenStore tokens) {
        this.directory = directory;
        this.tokens = tokens;
        this.authentication = new ClientAuthentication(directory);
    }

    @Override
    public Answer answer(IncomingRequest request) throws Rejection {
        if (!request.mediaType().map(FORM::equals).orElse(false)) {
            throw OAuthError.invalidRequest("The request body must be " + FORM + ".")
                    .reject();
        }
        FormFields form = form(request);
        Optional<String> repeated = form.repeatedName();
        if (repeated.isPresent()) {
            throw OAuthError.invalidRequest("The parameter " + repeated.get() + " is given more than once.")
                    .reject();
        }
        String grantType = form.first("grant_type")
                .orElseThrow(() -> OAuthError.invalidRequest("The parameter grant_type is required.")
                        .reject());
        if (!grantType.equals("client_credentials")) {
            throw OAuthError.invalidRequest(
                            "Unsupported grant_type '" + grantType + "'; API clients use client_credentials.")
                    .reject();
        }
        ApiClient client = authentication.authenticate(request, form);
        if (!directory.isActive(client.tenantId())) {
            throw OAuthError.accessDenied("The client's tenant is disabled.").reject();
        }
        return Answer.json(200, body(tokens.issue(Caller.apiClient(client))))
                .withHeader("Cache-Control", "no-store")
                .withHeader("Pragma", "no-cache");
    }

    private static FormFields form(IncomingRequest request) throws Rejection {
        try {
            return FormFields.parse(PercentDecoding.strictUtf8(request.body()));
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("The form body is malformed: " + e.getMessage() + ".")
                    .reject();
        }
    }

    private static JsonObject body(IssuedToken token) {
        JsonObject json = new JsonObject();
        json.addProperty("access_token", token.value());
        json.addProperty("token_type", "bearer");
        json.addProperty("id_token", RandomValues.token());
        json.addProperty(
                "expires_in",
                Duration.between(token.issuedAt(), token.expiresAt()).toSeconds());
        json.addProperty("expires_on", token.expiresAt().getEpochSecond());
        return json;
    }
}
