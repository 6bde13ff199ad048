package io.jenkins.plugins.platformpassword.simulator;

/**
 * How an API client authenticates at the token endpoint; the platform fixes this per client
 * ({@code token_endpoint_auth_method}), and the simulator refuses the other way, as the platform does.
 */
public enum TokenAuthMethod {
    /** {@code Authorization: Basic base64(client_id:client_secret)}, the platform's default. */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** {@code client_id} and {@code client_secret} as form fields of the token request. */
    CLIENT_SECRET_POST("client_secret_post");

    private final String wireName;

    TokenAuthMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The value of {@code token_endpoint_auth_method} in the platform's client JSON. */
    public String wireName() {
        return wireName;
    }
}
