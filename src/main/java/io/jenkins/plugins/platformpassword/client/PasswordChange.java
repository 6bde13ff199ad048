package io.jenkins.plugins.platformpassword.client;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.AccessToken;
import io.jenkins.plugins.platformpassword.client.transport.HttpAnswer;
import kong.unirest.core.HttpRequest;
import kong.unirest.core.UnirestInstance;

/** {@code POST /api/2/users/{user_id}/password} with {@code {"password": ...}}; success is 204 and nothing else. */
final class PasswordChange extends Operation<Void> {

    private final UserId userId;
    private final NewPassword password;
    private final String url;

    PasswordChange(PlatformEndpoint endpoint, UserId userId, NewPassword password) {
        this.userId = userId;
        this.password = password;
        this.url = endpoint.apiUrl("/users/" + userId.value() + "/password");
    }

    @Override
    protected String action() {
        return "change the password of user " + userId;
    }

    @Override
    protected String url() {
        return url;
    }

    @Override
    protected HttpRequest<?> request(UnirestInstance unirest, AccessToken token) {
        return unirest.post(url())
                .header("Authorization", token.authorizationHeader())
                .header("Accept", "application/json")
                .contentType("application/json")
                .body(Json.oneMember("password", password.value().reveal()));
    }

    @Override
    protected int successStatus() {
        return 204;
    }

    @Override
    protected Void read(HttpAnswer answer) {
        return null;
    }

    @Override
    protected boolean changesState() {
        return true;
    }

    @Override
    protected String forbiddenHint() {
        return "Only API clients may change passwords, and only for users in sub-tenants of the API client's own tenant "
                + "(not for users of the client's tenant itself). Use an API client created in a tenant above the user's "
                + "tenant, with the user_admin role.";
    }

    @Override
    protected String notFoundHint() {
        return "The user id was not found for this API client: check the id, and that the user lies in the API client's "
                + "tenant tree at this data center.";
    }

    @Override
    protected String rejectedHint() {
        return "The platform did not accept the new password. Its policy asks for at least "
                + NewPassword.MIN_LENGTH
                + " characters and refuses common passwords and ones that repeat the login, email or tenant name.";
    }

    @Override
    protected SecretValue[] secrets() {
        return new SecretValue[] {password.value()};
    }
}
