package io.jenkins.plugins.platformpassword.client;

/**
 * The parts of a platform user account the plugin shows or checks.
 *
 * @param id       the user's id
 * @param login    the login name, or null if the platform did not send one
 * @param tenantId the id of the tenant the user belongs to
 * @param enabled  whether the account is enabled
 * @param email    the contact email, or null; a generated password must not contain it
 */
public record PlatformUser(String id, String login, String tenantId, boolean enabled, String email) {}
