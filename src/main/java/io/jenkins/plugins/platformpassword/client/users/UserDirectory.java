package io.jenkins.plugins.platformpassword.client.users;

import io.jenkins.plugins.platformpassword.client.FailureKind;
import io.jenkins.plugins.platformpassword.client.Failures;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.PlatformUser;
import io.jenkins.plugins.platformpassword.client.UnpairedSurrogates;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds users by login and explains where a user stands relative to the API client: the
 * pre-flight checks. Every request goes through the client's loop (token, retries, deadline).
 */
public final class UserDirectory {

    /** The field name of the login in the step and the form. */
    public static final String LOGIN_FIELD = "userLogin";

    /** The platform's search finds nothing for shorter texts. */
    static final int MIN_SEARCHABLE_LOGIN = 3;

    private final PlatformClient client;

    public UserDirectory(PlatformClient client) {
        this.client = client;
    }

    /**
     * The user with this login among the users the API client can see. Logins are compared
     * ignoring letter case (the platform's search is case-insensitive, and two logins that differ
     * only in case would confuse people anyway); several matches are an error. The search stops
     * at {@link UserSearch#LIMIT} results without paging: when it did, only a user whose login is
     * exactly the one given is taken, since the others may include the one meant, and without one
     * the error says that the limit was hit and asks for the user id.
     */
    public ResolvedUser resolveLogin(String login) throws PlatformException {
        if (login == null || login.isBlank()) {
            throw new InvalidInputException(LOGIN_FIELD, "is empty; enter the platform user's login");
        }
        if (!login.strip().equals(login)) {
            throw new InvalidInputException(LOGIN_FIELD, "has leading or trailing whitespace");
        }
        int broken = UnpairedSurrogates.firstIn(login);
        if (broken >= 0) {
            throw new InvalidInputException(
                    LOGIN_FIELD,
                    String.format(
                            java.util.Locale.ROOT,
                            "contains an unpaired UTF-16 surrogate (U+%04X at position %d), half of a character; "
                                    + "it would be searched as '?', so correct the login",
                            (int) login.charAt(broken),
                            login.codePointCount(0, broken) + 1));
        }
        if (login.codePointCount(0, login.length()) < MIN_SEARCHABLE_LOGIN) {
            throw new InvalidInputException(
                    LOGIN_FIELD,
                    "has fewer than " + MIN_SEARCHABLE_LOGIN
                            + " characters; the platform's search cannot find such logins, so use userId instead");
        }
        String clientTenant = client.clientTenantId();
        UserSearch.Result found = client.call(new UserSearch(client.endpoint(), clientTenant, login));
        List<ResolvedUser> matches = found.sameLogin();
        if (found.full()) {
            // The answer may have left users out, so a case variant it holds may not be the only one:
            // only this exact login is certain to be the user meant.
            matches = matches.stream()
                    .filter(match -> match.login().equals(login))
                    .toList();
        }
        if (found.full() && matches.isEmpty()) {
            throw Failures.lookup(
                    FailureKind.REJECTED,
                    "The platform's search for login '" + LogText.value(login) + "' below tenant "
                            + LogText.value(clientTenant) + " returned its limit of " + UserSearch.LIMIT
                            + " results, none of them with exactly this "
                            + "login; the user may be among those it did not return, so use userId instead.");
        }
        if (matches.isEmpty()) {
            throw Failures.lookup(
                    FailureKind.NOT_FOUND,
                    "No user with login '" + LogText.value(login) + "' is visible to this API client "
                            + "(searched below its tenant " + LogText.value(clientTenant) + ").");
        }
        if (matches.size() > 1) {
            throw Failures.lookup(
                    FailureKind.REJECTED,
                    matches.size() + " users have the login '" + LogText.value(login)
                            + "' (ignoring case), in tenants "
                            + matches.stream()
                                    .map(user -> LogText.value(user.tenantId()))
                                    .collect(Collectors.joining(", "))
                            + "; use userId to say which one.");
        }
        return matches.get(0);
    }

    /** Runs the pre-flight checks for one user. Throws only when the checks themselves cannot run. */
    public Diagnosis diagnose(UserId userId) throws PlatformException {
        String clientTenant = client.clientTenantId();
        PlatformUser user;
        try {
            user = client.user(userId);
        } catch (PlatformException e) {
            if (e.kind() == FailureKind.NOT_FOUND) {
                return new Diagnosis(Diagnosis.Finding.UNKNOWN_USER, userId, null, null, clientTenant);
            }
            if (e.kind() == FailureKind.FORBIDDEN) {
                return new Diagnosis(Diagnosis.Finding.USER_OUTSIDE_CLIENT_TREE, userId, null, null, clientTenant);
            }
            throw e;
        }
        Diagnosis.Finding finding;
        if (clientTenant.equalsIgnoreCase(user.tenantId())) {
            finding = Diagnosis.Finding.USER_IN_CLIENT_TENANT;
        } else if (!new TenantTree(client).isBelow(user.tenantId(), clientTenant)) {
            finding = Diagnosis.Finding.USER_OUTSIDE_CLIENT_TREE;
        } else if (!user.enabled()) {
            finding = Diagnosis.Finding.USER_DISABLED;
        } else {
            finding = Diagnosis.Finding.OK;
        }
        return new Diagnosis(finding, userId, user.login(), user.tenantId(), clientTenant);
    }
}
