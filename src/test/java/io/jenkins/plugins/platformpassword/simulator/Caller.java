package io.jenkins.plugins.platformpassword.simulator;

/**
 * Whom an access token belongs to: an API client or a user, and the tenant it acts in. What a
 * caller may see is its tenant and everything below it.
 *
 * @param id the client id of an API client, the user id of a user
 */
record Caller(Kind kind, String id, String tenantId) {

    enum Kind {
        API_CLIENT,
        USER
    }

    static Caller apiClient(ApiClient client) {
        return new Caller(Kind.API_CLIENT, client.clientId(), client.tenantId());
    }

    static Caller user(User user) {
        return new Caller(Kind.USER, user.id(), user.tenantId());
    }

    boolean isApiClient() {
        return kind == Kind.API_CLIENT;
    }
}
