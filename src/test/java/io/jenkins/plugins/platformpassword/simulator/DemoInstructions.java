package io.jenkins.plugins.platformpassword.simulator;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What {@link PlatformSimulator#main} prints: the demo facts, how to use them from Jenkins,
 * commands to paste into bash, and last the ready line, so that whoever waits for that line
 * (a person or a script) has everything above it. The secret is printed because it is a demo value.
 *
 * <p>The commands need only curl and sed (no jq), and hold nothing a shell would expand except
 * {@code $TOKEN} and the command substitution: every other value is in single quotes or is
 * made of characters a shell leaves alone. The explanations stand before the block rather than
 * as {@code #} comments in it, because zsh does not take comments at its prompt by default.
 */
final class DemoInstructions {

    /** The password the printed change sets: long enough for the platform's policy, and not a known weak one. */
    static final String NEW_PASSWORD = "New-Demo-Passw0rd-1";

    /** Pulls access_token out of the token JSON with sed alone; spaces around ':' are allowed for pretty JSON. */
    private static final String TOKEN_FROM_JSON = "sed -n 's/.*\"access_token\" *: *\"\\([^\"]*\\)\".*/\\1/p'";

    private final DemoPlatform demo;

    DemoInstructions(DemoPlatform demo) {
        this.demo = demo;
    }

    void printTo(PrintStream out, boolean requestLog) {
        String url = demo.dataCenterUrl();
        out.println("Platform simulator: the platform's Account Management API v2 on 127.0.0.1, plain http"
                + " (test code).");
        out.println("Demo values, fixed: the same on every start, so Jenkins credentials made from them survive"
                + " a restart.");
        fact(out, "Data center URL", url);
        fact(out, "API client id", DemoPlatform.CLIENT_ID);
        fact(out, "API client secret", DemoPlatform.CLIENT_SECRET);
        fact(out, "Client's tenant", DemoPlatform.PARTNER_NAME + " " + DemoPlatform.PARTNER_TENANT_ID);
        out.println("  Users below it, in " + DemoPlatform.CUSTOMER_NAME + " " + DemoPlatform.CUSTOMER_TENANT_ID
                + " (their passwords can be changed):");
        user(out, DemoPlatform.DEMO_USER);
        user(out, DemoPlatform.BACKUP_OPERATOR);
        out.println("  User in " + DemoPlatform.PARTNER_NAME
                + " itself (the platform refuses to change its password: 403):");
        user(out, DemoPlatform.PARTNER_ADMIN);
        out.println("  Logins on the left, user ids on the right; e-mail addresses are <login>@example.com.");
        out.println("  Passwords set are kept in memory only, and forgotten when the simulator stops.");
        out.println();
        out.println("In Jenkins: a \"Username with password\" credential, username = the client id, password"
                + " = the secret;");
        out.println("baseUrl " + url + " with \"Allow plain http\" on (Manage Jenkins > System > Platform password");
        out.println("> Advanced); for the user, userLogin '" + DemoPlatform.BACKUP_OPERATOR.login() + "' or userId "
                + DemoPlatform.BACKUP_OPERATOR.id() + ".");
        out.println();
        out.println("Try it in bash (needs only curl and sed). The first command puts a token into $TOKEN, the");
        out.println("second changes " + DemoPlatform.DEMO_USER.login() + "'s password and prints 204, the third tries "
                + DemoPlatform.PARTNER_ADMIN.login() + "'s and prints");
        out.println("the platform's error and 403:");
        out.println();
        for (String command : commands(url)) {
            out.println("  " + command);
        }
        out.println();
        out.println(
                requestLog
                        ? "Request log: on; a line per request: time, method, path, status, duration (no headers, bodies"
                                + " or query values)."
                        : "Request log: off (start with --log to print a line per request).");
        out.println("Platform simulator ready at " + url + " (Ctrl+C stops it)");
        out.flush();
    }

    /** The token request, the change that works (204) and the change the platform refuses (403). */
    static List<String> commands(String url) {
        String token = "TOKEN=$(curl -s -u '" + DemoPlatform.CLIENT_ID + ":" + DemoPlatform.CLIENT_SECRET
                + "' -d grant_type=client_credentials " + url + "/api/2/idp/token | " + TOKEN_FROM_JSON + ")";
        return List.of(
                token,
                changePassword(url, DemoPlatform.DEMO_USER, "-o /dev/null -w '%{http_code}\\n'"),
                changePassword(url, DemoPlatform.PARTNER_ADMIN, "-w '\\n%{http_code}\\n'"));
    }

    private static String changePassword(String url, DemoPlatform.Account user, String output) {
        return "curl -s " + output + " -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '"
                + "{\"password\":\"" + NEW_PASSWORD + "\"}' " + url + "/api/2/users/" + user.id() + "/password";
    }

    private static void fact(PrintStream out, String name, String value) {
        out.printf(Locale.ROOT, "  %-18s %s%n", name, value);
    }

    private static void user(PrintStream out, DemoPlatform.Account user) {
        out.printf(Locale.ROOT, "    %-16s %s%n", user.login(), user.id());
    }
}
