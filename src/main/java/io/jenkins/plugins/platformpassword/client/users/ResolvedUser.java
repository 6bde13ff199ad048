package io.jenkins.plugins.platformpassword.client.users;

import io.jenkins.plugins.platformpassword.client.UserId;

/**
 * A user found by login.
 *
 * @param id       the user's id
 * @param login    the login as the platform spells it
 * @param tenantId the user's tenant
 */
public record ResolvedUser(UserId id, String login, String tenantId) {}
