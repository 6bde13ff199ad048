package io.jenkins.plugins.platformpassword;

import hudson.model.Run;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The build page's record of every password change the build attempted: where, for whom, when,
 * how it ended, after how many attempts, and which credential a rotation updated. It is saved
 * in {@code build.xml}, so it holds ids and outcomes only, never a secret.
 */
@ExportedBean
public final class PasswordChangeSummary implements RunAction2 {

    /**
     * One change as the build page shows it. A plain class rather than a record: records cannot
     * be read back by XStream, which loads {@code build.xml}.
     */
    @ExportedBean(defaultVisibility = 2)
    public static final class Entry {
        private final String platform;
        private final String endpoint;
        private final String userId;
        private final String login;
        /** Epoch milliseconds: Jenkins' XStream refuses java.time types in build.xml. */
        private final long time;

        private final String outcome;
        private final int attempts;
        private final String rotatedCredentialId;

        /**
         * @param platform            the named platform, or null when the step named its data center directly
         * @param endpoint            the data center URL
         * @param userId              the user's id, or null when a login could not be resolved
         * @param login               the login the step named or the platform reported, or null
         * @param time                when the change ended
         * @param outcome             what happened, e.g. "changed", "dry run: would change", "failed (FORBIDDEN)"
         * @param attempts            password requests made (0 for a dry run or a failure before the request)
         * @param rotatedCredentialId the credential a rotation updated, or null
         */
        Entry(
                String platform,
                String endpoint,
                String userId,
                String login,
                Instant time,
                String outcome,
                int attempts,
                String rotatedCredentialId) {
            this.platform = platform;
            this.endpoint = endpoint;
            this.userId = userId;
            this.login = login;
            this.time = time.toEpochMilli();
            this.outcome = outcome;
            this.attempts = attempts;
            this.rotatedCredentialId = rotatedCredentialId;
        }

        @Exported
        public String getPlatform() {
            return platform;
        }

        /** The data center URL. */
        @Exported(name = "dataCenter")
        public String getEndpoint() {
            return endpoint;
        }

        @Exported
        public String getUserId() {
            return userId;
        }

        @Exported
        public String getLogin() {
            return login;
        }

        public Date getTime() {
            return new Date(time);
        }

        /** When the change ended, in milliseconds since the epoch, as Jenkins' API gives build timestamps. */
        @Exported(name = "timestamp")
        public long getTimestamp() {
            return time;
        }

        @Exported
        public String getOutcome() {
            return outcome;
        }

        @Exported
        public int getAttempts() {
            return attempts;
        }

        @Exported
        public String getRotatedCredentialId() {
            return rotatedCredentialId;
        }

        /** The console's one-line form. */
        String line() {
            return "Summary: " + outcome + (platform == null ? "" : " | platform " + LogText.value(platform))
                    + " | user " + (userId == null ? "?" : userId)
                    + (login == null ? "" : " (" + LogText.value(login) + ")")
                    + " | " + endpoint + " | " + attempts + " attempt(s)"
                    + (rotatedCredentialId == null
                            ? ""
                            : " | credential " + LogText.value(rotatedCredentialId) + " updated");
        }
    }

    /** Null until the first entry: XStream runs no initialiser, so a build.xml without entries reads back as null too. */
    private List<Entry> entries;

    private transient Run<?, ?> run;

    /** The build's summary, added to the build on first use. */
    static synchronized PasswordChangeSummary of(Run<?, ?> run) {
        PasswordChangeSummary summary = run.getAction(PasswordChangeSummary.class);
        if (summary == null) {
            summary = new PasswordChangeSummary();
            run.addAction(summary);
        }
        return summary;
    }

    synchronized void add(Entry entry) {
        if (entries == null) {
            entries = new ArrayList<>();
        }
        entries.add(entry);
    }

    /** Every change, for the build page and the REST API ({@code .../api/json}); ids and outcomes only. */
    @Exported(inline = true)
    public synchronized List<Entry> getEntries() {
        return entries == null ? List.of() : List.copyOf(entries);
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** Shown on the build page through summary.jelly; no page or link of its own. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.PasswordChangeSummary_DisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
