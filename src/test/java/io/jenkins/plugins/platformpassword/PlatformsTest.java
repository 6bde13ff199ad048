package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.UserCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.DomainCredentials;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import hudson.model.User;
import hudson.util.Secret;
import io.jenkins.plugins.platformpassword.simulator.ApiClient;
import io.jenkins.plugins.platformpassword.simulator.PlatformSimulator;
import io.jenkins.plugins.platformpassword.simulator.RecordedRequest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A managed service provider's estate: named platforms globally and per customer folder, the
 * nearest folder first, no job reaching another customer's platform or credential, and results
 * that other tools read from the REST API.
 */
@WithJenkins
class PlatformsTest {

    private JenkinsRule j;
    private JenkinsPlatform platform;
    /** A second data center, for the second customer. */
    private PlatformSimulator otherDataCenter;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        platform = new JenkinsPlatform(rule);
        otherDataCenter = PlatformSimulator.start();
    }

    @AfterEach
    void tearDown() {
        otherDataCenter.close();
        platform.close();
    }

    @Test
    void twoCustomerFoldersWithTheSamePlatformNameEachGetTheirOwn() throws Exception {
        Customer acme = new Customer("acme", platform.simulator);
        Customer globex = new Customer("globex", otherDataCenter);

        j.buildAndAssertSuccess(acme.job("rotate", "platform: 'eu2'"));
        j.buildAndAssertSuccess(globex.job("rotate", "platform: 'eu2'"));

        assertThat(platform.simulator.passwordOf(acme.user)).hasValue(acme.password);
        assertThat(otherDataCenter.passwordOf(globex.user)).hasValue(globex.password);
        assertThat(platform.simulator.requests())
                .noneMatch(request -> request.path().contains(globex.user));
        assertThat(otherDataCenter.requests())
                .noneMatch(request -> request.path().contains(acme.user));
    }

    /**
     * The job runs as alice and names her personal credential; the URL comes from the folder's
     * platform, which that folder's configurers set. Her password never goes there, and the
     * platform sees nothing. With the step's own baseUrl (chosen by whoever may configure the job)
     * the same credential is sent.
     */
    @Test
    void aPersonalCredentialIsNeverSentToAFoldersUrl() throws Exception {
        Customer acme = new Customer("acme", platform.simulator);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        User alice = User.getById("alice", true);
        String canary = "Alice-Personal-Canary-7f3a";
        alice.addProperty(new UserCredentialsProvider.UserCredentialsProperty(new DomainCredentials[] {
            new DomainCredentials(
                    Domain.global(),
                    List.of(new StringCredentialsImpl(
                            CredentialsScope.USER, "alice-password", "alice's own", Secret.fromString(canary))))
        }));
        WorkflowJob job = acme.folder.createProject(WorkflowJob.class, "as-alice");
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator().authenticate(job.getFullName(), alice.impersonate2()));
        job.setDefinition(new CpsFlowDefinition(
                "changePlatformPassword(platform: 'eu2', userId: '" + acme.user
                        + "', passwordCredentialsId: 'alice-password')",
                true));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("passwordCredentialsId: credential 'alice-password' is a personal credential", run);
        j.assertLogContains("folder acme", run);
        j.assertLogNotContains(canary, run);
        assertThat(platform.simulator.requests()).as("requests the build made").isEmpty();

        job.setDefinition(new CpsFlowDefinition(
                "changePlatformPassword(platform: 'eu2', baseUrl: '" + platform.url() + "', userId: '" + acme.user
                        + "', passwordCredentialsId: 'alice-password')",
                true));
        j.buildAndAssertSuccess(job);
        assertThat(platform.simulator.passwordOf(acme.user)).hasValue(canary);
    }

    /** Whoever starts the build must not choose where the API client's secret goes. */
    @Test
    void buildVariablesAreNotExpandedInTheDataCenterUrl() throws Exception {
        Customer acme = new Customer("acme", platform.simulator);

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, acme.job("by-parameter", "baseUrl: '${DC}'"));

        j.assertLogContains("baseUrl: build variables are not expanded in the data center URL", run);
        assertThat(platform.simulator.requests()).as("requests the build made").isEmpty();
    }

    @Test
    void aJobInOneFolderCannotUseAnotherFoldersPlatform() throws Exception {
        Customer acme = new Customer("acme", platform.simulator);
        Customer globex = new Customer("globex", otherDataCenter);
        globex.folder
                .getProperties()
                .get(FolderPlatforms.class)
                .setPlatforms(List.of(
                        new PlatformDefinition(
                                "eu2", otherDataCenter.dataCenterUrl().toString(), globex.clientCredential),
                        new PlatformDefinition(
                                "globex-only", otherDataCenter.dataCenterUrl().toString(), globex.clientCredential)));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, acme.job("reach-across", "platform: 'globex-only'"));

        j.assertLogContains(
                "platform: no platform named 'globex-only' is defined for this job; known: eu2 (folder acme)", run);
        j.assertLogNotContains("folder globex", run);
        assertThat(otherDataCenter.requests()).isEmpty();
    }

    @Test
    void aJobInOneFolderCannotUseAnotherFoldersCredential() throws Exception {
        Customer acme = new Customer("acme", platform.simulator);
        Customer globex = new Customer("globex", otherDataCenter);

        WorkflowRun run = j.buildAndAssertStatus(
                Result.FAILURE,
                acme.job("borrow", "platform: 'eu2', credentialsId: '" + globex.clientCredential + "'"));

        j.assertLogContains("credentialsId: no credential with id '" + globex.clientCredential + "' is available", run);
        assertThat(platform.simulator.requests()).isEmpty();
        assertThat(otherDataCenter.requests()).isEmpty();
    }

    @Test
    void theNearestFolderDefaultWinsThenTheGlobalOne() throws Exception {
        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();
        global.setPlatforms(List.of(new PlatformDefinition("eu2", platform.url(), JenkinsPlatform.API_CLIENT_ID)));
        global.setDefaultPlatform("eu2");
        WorkflowJob topLevel = j.createProject(WorkflowJob.class, "top-level");
        topLevel.setDefinition(new CpsFlowDefinition(
                "changePlatformPassword(userId: '" + platform.customerUser + "', passwordCredentialsId: '"
                        + JenkinsPlatform.PASSWORD_ID + "')",
                true));
        Customer globex = new Customer("globex", otherDataCenter);
        globex.folder.getProperties().get(FolderPlatforms.class).setDefaultPlatform("eu2");

        WorkflowRun fromGlobal = j.buildAndAssertSuccess(topLevel);
        j.buildAndAssertSuccess(globex.job("by-default", null));

        j.assertLogContains("(platform eu2)", fromGlobal);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(JenkinsPlatform.NEW_PASSWORD);
        assertThat(otherDataCenter.passwordOf(globex.user)).hasValue(globex.password);
    }

    @Test
    void explicitBaseUrlAndCredentialsIdWinOverThePlatform() throws Exception {
        PlatformPasswordConfiguration.get()
                .setPlatforms(List.of(new PlatformDefinition("eu2", "https://eu2-cloud.example.invalid", "nowhere")));
        WorkflowJob job = j.createProject(WorkflowJob.class, "explicit");
        job.setDefinition(new CpsFlowDefinition("changePlatformPassword(platform: 'eu2', " + stepArguments(), true));

        j.buildAndAssertSuccess(job);

        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(JenkinsPlatform.NEW_PASSWORD);
    }

    @Test
    void anUnknownPlatformListsTheKnownOnes() throws Exception {
        PlatformPasswordConfiguration.get()
                .setPlatforms(List.of(new PlatformDefinition("eu2", platform.url(), JenkinsPlatform.API_CLIENT_ID)));
        WorkflowJob job = j.createProject(WorkflowJob.class, "unknown");
        job.setDefinition(new CpsFlowDefinition(
                "changePlatformPassword(platform: 'eu9', userId: '" + platform.customerUser
                        + "', passwordCredentialsId: '" + JenkinsPlatform.PASSWORD_ID + "')",
                true));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains(
                "platform: no platform named 'eu9' is defined for this job; known: eu2 (the global configuration)",
                run);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void aConfigurationOfAnEarlierVersionBecomesTheDefaultPlatform() throws Exception {
        File file = new File(j.jenkins.getRootDir(), PlatformPasswordConfiguration.class.getName() + ".xml");
        Files.writeString(
                file.toPath(),
                "<?xml version='1.1' encoding='UTF-8'?>\n<" + PlatformPasswordConfiguration.class.getName() + ">"
                        + "<baseUrl>" + platform.url() + "</baseUrl>"
                        + "<credentialsId>" + JenkinsPlatform.API_CLIENT_ID + "</credentialsId>"
                        + "<connectTimeoutSeconds>7</connectTimeoutSeconds>"
                        + "<requestTimeoutSeconds>20</requestTimeoutSeconds>"
                        + "<allowPlainHttp>true</allowPlainHttp>"
                        + "</" + PlatformPasswordConfiguration.class.getName() + ">",
                StandardCharsets.UTF_8);
        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();

        global.load();

        assertThat(global.getDefaultPlatform()).isEqualTo(PlatformPasswordConfiguration.MIGRATED_PLATFORM);
        assertThat(global.getPlatforms()).singleElement().satisfies(migrated -> {
            assertThat(migrated.getName()).isEqualTo("default");
            assertThat(migrated.getBaseUrl()).isEqualTo(platform.url());
            assertThat(migrated.getCredentialsId()).isEqualTo(JenkinsPlatform.API_CLIENT_ID);
        });
        assertThat(global.getConnectTimeoutSeconds()).isEqualTo(7);
        WorkflowJob job = j.createProject(WorkflowJob.class, "as-before");
        job.setDefinition(new CpsFlowDefinition(
                "changePlatformPassword(userId: '" + platform.customerUser + "', passwordCredentialsId: '"
                        + JenkinsPlatform.PASSWORD_ID + "')",
                true));
        j.buildAndAssertSuccess(job);

        // Saved in the new shape, it loads as the same single platform, and the old fields are gone.
        global.save();
        PlatformPasswordConfiguration reloaded = new PlatformPasswordConfiguration();
        assertThat(reloaded.getPlatforms()).hasSize(1);
        assertThat(reloaded.getDefaultPlatform()).isEqualTo("default");
        assertThat(reloaded.getBaseUrl()).isNull();
        assertThat(reloaded.getCredentialsId()).isNull();
    }

    @Test
    void aFormWithoutPlatformsDeletesTheLastOne() throws Exception {
        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();
        global.setPlatforms(List.of(new PlatformDefinition("eu2", platform.url(), JenkinsPlatform.API_CLIENT_ID)));

        // A form whose last platform was deleted sends no "platforms" at all.
        j.executeOnServer(() -> global.configure(
                org.kohsuke.stapler.Stapler.getCurrentRequest2(),
                JSONObject.fromObject("{\"defaultPlatform\": \"\"}")));

        assertThat(global.getPlatforms()).isEmpty();
    }

    @Test
    void aTimeoutOutOfRangeInTheFormIsAFormErrorAndAnEmptyOneTheDefault() throws Exception {
        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();

        Throwable refused =
                org.assertj.core.api.Assertions.catchThrowable(() -> j.executeOnServer(() -> global.configure(
                        org.kohsuke.stapler.Stapler.getCurrentRequest2(),
                        JSONObject.fromObject("{\"connectTimeoutSeconds\": \"900\"}"))));
        j.executeOnServer(() -> global.configure(
                org.kohsuke.stapler.Stapler.getCurrentRequest2(),
                JSONObject.fromObject("{\"connectTimeoutSeconds\": \"\", \"requestTimeoutSeconds\": \"45\"}")));

        assertThat(refused).hasStackTraceContaining("connectTimeoutSeconds");
        assertThat(global.getConnectTimeoutSeconds()).isEqualTo(10);
        assertThat(global.getRequestTimeoutSeconds()).isEqualTo(45);
    }

    @Test
    void emptyingASavedGlobalTimeoutBringsBackTheDefault() throws Exception {
        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();
        global.setConnectTimeoutSeconds(60);
        global.setRequestTimeoutSeconds(120);

        // Stapler calls setters only for the keys the form sends; an emptied field must still reset.
        j.executeOnServer(() -> global.configure(
                org.kohsuke.stapler.Stapler.getCurrentRequest2(),
                JSONObject.fromObject("{\"connectTimeoutSeconds\": \"\", \"requestTimeoutSeconds\": \" \"}")));

        assertThat(global.getConnectTimeoutSeconds()).isEqualTo(10);
        assertThat(global.getRequestTimeoutSeconds()).isEqualTo(30);
    }

    /**
     * A platform's setter refuses an out-of-range timeout with an IllegalArgumentException, which
     * Stapler would show as an HTTP 500 after the platform list had been emptied. The form is
     * checked first: a FormException that names the platform and the field, and the saved
     * platforms stay as they were.
     */
    @Test
    void aPlatformsTimeoutOutOfRangeIsAFormErrorAndTheSavedPlatformsStay() throws Exception {
        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();
        global.setPlatforms(List.of(new PlatformDefinition("eu2", platform.url(), JenkinsPlatform.API_CLIENT_ID)));

        Throwable refused =
                org.assertj.core.api.Assertions.catchThrowable(() -> j.executeOnServer(() -> global.configure(
                        org.kohsuke.stapler.Stapler.getCurrentRequest2(),
                        JSONObject.fromObject("{\"platforms\": [{\"name\": \"eu2\", \"baseUrl\": \""
                                + platform.url() + "\"}, {\"name\": \"eu8\", \"baseUrl\": \"" + platform.url()
                                + "\", \"requestTimeoutSeconds\": \"700\"}]}"))));

        assertThat(refused)
                .hasStackTraceContaining("FormException")
                .hasStackTraceContaining("Platform 'eu8': requestTimeoutSeconds")
                .hasStackTraceContaining("requestTimeoutSeconds");
        assertThat(global.getPlatforms())
                .extracting(PlatformDefinition::getName)
                .containsExactly("eu2");
    }

    @Test
    void theFolderPropertySurvivesTheFormRoundTrip() throws Exception {
        Customer acme = new Customer("acme", platform.simulator);
        FolderPlatforms before = acme.folder.getProperties().get(FolderPlatforms.class);
        PlatformDefinition slow = new PlatformDefinition("eu8", "https://eu8-cloud.example.com", acme.clientCredential);
        slow.setConnectTimeoutSeconds(20);
        slow.setRequestTimeoutSeconds(90);
        before.setPlatforms(List.of(before.getPlatforms().get(0), slow));

        j.configRoundtrip(acme.folder);

        FolderPlatforms after = acme.folder.getProperties().get(FolderPlatforms.class);
        j.assertEqualDataBoundBeans(before, after);
        assertThat(after.getPlatforms()).hasSize(2);
    }

    @Test
    void theBuildsChangesAreInTheRestApiWithoutSecrets() throws Exception {
        Customer acme = new Customer("acme", platform.simulator);
        WorkflowRun run = j.buildAndAssertSuccess(acme.job("api", "platform: 'eu2'"));

        JSONObject json = j.getJSON(run.getUrl() + "api/json?tree=actions[_class,entries[*]]")
                .getJSONObject();

        JSONObject summary = null;
        for (Object action : json.getJSONArray("actions")) {
            if (action instanceof JSONObject object
                    && PasswordChangeSummary.class.getName().equals(object.optString("_class"))) {
                summary = object;
            }
        }
        assertThat((Object) summary).as("the summary action in %s", json).isNotNull();
        JSONArray entries = summary.getJSONArray("entries");
        assertThat(entries.size()).isEqualTo(1);
        JSONObject entry = entries.getJSONObject(0);
        assertThat(entry.getString("platform")).isEqualTo("eu2");
        assertThat(entry.getString("dataCenter")).isEqualTo(platform.url());
        assertThat(entry.getString("userId")).isEqualTo(acme.user);
        assertThat(entry.getString("outcome")).isEqualTo("changed");
        assertThat(entry.getInt("attempts")).isEqualTo(1);
        assertThat(entry.getLong("timestamp")).isPositive();
        String whole = j.getJSON(run.getUrl() + "api/json?depth=3").getContentAsString();
        assertThat(whole).doesNotContain(acme.password, JenkinsPlatform.CLIENT_SECRET, platform.lastAccessToken());
        j.assertLogContains("(platform eu2)", run);
        j.assertLogContains("Summary: changed | platform eu2 | user " + acme.user, run);
    }

    /**
     * The README's "Many users in one job" script, read from the README as it stands: its three
     * users exist on the simulated {@code eu2}, the second in the API client's own tenant, which
     * the platform refuses (403).
     */
    @Test
    void manyUsersInOnePipelineShareOneTokenAndEachChangeIsRecorded() throws Exception {
        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();
        global.setPlatforms(List.of(new PlatformDefinition("eu2", platform.url(), JenkinsPlatform.API_CLIENT_ID)));
        String ops = "1c234e69-5469-424a-a6d1-ff5658b387a6";
        String backup = "7f0e3b2c-1d4a-4e5f-8a9b-0c1d2e3f4a5b";
        String reports = "3d5c8a1e-9b2f-4c7d-8e6a-5f4b3c2d1e0f";
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String[] user : List.of(
                new String[] {ops, platform.customerTenant, "ops-password", "ops-operator"},
                new String[] {backup, platform.partnerTenant, "backup-password", "backup-operator"},
                new String[] {reports, platform.customerTenant, "reports-password", "reports-operator"})) {
            platform.simulator.addUser(user[1], user[0], user[3], null);
            String password = "Passw0rd-of-" + user[2] + "-\u00e9";
            passwords.put(user[0], password);
            CredentialsProvider.lookupStores(j.jenkins)
                    .iterator()
                    .next()
                    .addCredentials(
                            Domain.global(),
                            new StringCredentialsImpl(
                                    CredentialsScope.GLOBAL, user[2], user[2], Secret.fromString(password)));
        }
        WorkflowJob job = j.createProject(WorkflowJob.class, "many");
        job.setDefinition(new CpsFlowDefinition(readmeExample("## Many users in one job", "groovy"), true));

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        assertThat(platform.simulator.passwordOf(ops)).hasValue(passwords.get(ops));
        assertThat(platform.simulator.passwordOf(reports)).hasValue(passwords.get(reports));
        assertThat(platform.simulator.passwordOf(backup)).isEmpty();
        j.assertLogContains("failed: [" + backup + "]", run);
        assertThat(platform.simulator.requestCount("POST", "/api/2/idp/token"))
                .as("one token for all the changes")
                .isEqualTo(1);
        assertThat(platform.simulator.requests().stream()
                        .map(RecordedRequest::clientPort)
                        .distinct())
                .as("every request of the build, the refused one and its pre-flight checks included, over one"
                        + " connection")
                .hasSize(1);
        assertThat(global.connections().openTransports()).as("one transport").isEqualTo(1);
        assertThat(run.getAction(PasswordChangeSummary.class).getEntries())
                .extracting(
                        PasswordChangeSummary.Entry::getUserId,
                        PasswordChangeSummary.Entry::getPlatform,
                        PasswordChangeSummary.Entry::getOutcome)
                .containsExactly(
                        tuple(ops, "eu2", "changed"),
                        tuple(backup, "eu2", "failed (FORBIDDEN)"),
                        tuple(reports, "eu2", "changed"));
    }

    /** The README's folder {@code config.xml}, as the README shows it, sent as {@code createItem} would. */
    @Test
    void theReadmeFolderConfigXmlDefinesTheFoldersPlatforms() throws Exception {
        String xml = readmeExample("### One customer's folder", "xml");

        Folder acme = (Folder) j.jenkins.createProjectFromXML(
                "acme", new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        FolderPlatforms own = acme.getProperties().get(FolderPlatforms.class);
        assertThat(own.getDefaultPlatform()).isEqualTo("eu2");
        assertThat(own.getPlatforms()).singleElement().satisfies(eu2 -> {
            assertThat(eu2.getName()).isEqualTo("eu2");
            assertThat(eu2.getBaseUrl()).isEqualTo("https://eu2-cloud.example.com");
            assertThat(eu2.getCredentialsId()).isEqualTo("acme-eu2-api-client");
            assertThat(eu2.getConnectTimeoutSeconds())
                    .as("left out: the global one")
                    .isNull();
            assertThat(eu2.getRequestTimeoutSeconds()).isEqualTo(60);
        });
        WorkflowJob job = acme.createProject(WorkflowJob.class, "rotate");
        StepTarget target = StepTarget.of(job, null, null, null, PlatformPasswordConfiguration.get());
        assertThat(target.platformName()).as("the folder's default").isEqualTo("eu2");
        assertThat(target.credentialsId()).isEqualTo("acme-eu2-api-client");
    }

    /** The first block of this language after the README heading, exactly as the README shows it. */
    private static String readmeExample(String heading, String language) throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("\n" + heading + "\n");
        assertThat(section).as("README section %s", heading).isNotNegative();
        String fence = "```" + language + "\n";
        int start = readme.indexOf(fence, section) + fence.length();
        int end = readme.indexOf("\n```", start);
        return readme.substring(start, end);
    }

    private String stepArguments() {
        return "userId: '" + platform.customerUser + "', passwordCredentialsId: '" + JenkinsPlatform.PASSWORD_ID
                + "', baseUrl: '" + platform.url() + "', credentialsId: '" + JenkinsPlatform.API_CLIENT_ID + "')";
    }

    /** A customer: a folder with its own API client, password credential and platform eu2, at one data center. */
    private final class Customer {
        final Folder folder;
        final String user;
        final String clientCredential;
        final String password;
        private final String passwordCredential;

        Customer(String name, PlatformSimulator dataCenter) throws Exception {
            String partner = dataCenter.addTenant(dataCenter.rootTenantId(), name + " partner");
            String customer = dataCenter.addTenant(partner, name);
            ApiClient client = dataCenter.addApiClient(partner);
            user = dataCenter.addUser(customer, name + "-user");
            clientCredential = name + "-api-client";
            passwordCredential = name + "-user-password";
            // Not the tenant's name: the platform refuses a password that repeats it.
            password = "Passw0rd-" + Integer.toHexString(name.hashCode()) + "-\u00e9";
            folder = j.createProject(Folder.class, name);
            RotationStepTest.storeOf(folder)
                    .addCredentials(
                            Domain.global(),
                            new UsernamePasswordCredentialsImpl(
                                    CredentialsScope.GLOBAL,
                                    clientCredential,
                                    name,
                                    client.clientId(),
                                    client.secret()));
            RotationStepTest.storeOf(folder)
                    .addCredentials(
                            Domain.global(),
                            new StringCredentialsImpl(
                                    CredentialsScope.GLOBAL, passwordCredential, name, Secret.fromString(password)));
            FolderPlatforms platforms = new FolderPlatforms();
            platforms.setPlatforms(List.of(
                    new PlatformDefinition("eu2", dataCenter.dataCenterUrl().toString(), clientCredential)));
            folder.addProperty(platforms);
        }

        /** A Pipeline in this customer's folder; {@code extra} are more step arguments, or null. */
        WorkflowJob job(String name, String extra) throws Exception {
            WorkflowJob job = folder.createProject(WorkflowJob.class, name);
            job.setDefinition(new CpsFlowDefinition(
                    "changePlatformPassword(" + (extra == null ? "" : extra + ", ") + "userId: '" + user
                            + "', passwordCredentialsId: '" + passwordCredential + "')",
                    true));
            return job;
        }
    }
}
