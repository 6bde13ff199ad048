package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Items;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.platformpassword.client.passwords.PasswordGenerator;
import io.jenkins.plugins.platformpassword.client.users.PreflightMode;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What Jenkins reads back from XML keeps every default. XStream runs no constructor and no
 * field initialiser, so a job created over the REST API, the CLI or Job DSL with only some
 * fields, or saved by a version from before a field existed, must behave like a job made in the
 * form: safety checks on, 403s explained, generation working. The step, a folder's platforms and
 * a platform read from their minimal XML equal the ones made by their constructors, property by
 * property. The offline {@code PersistedFieldDefaultsTest} is the rule for every field added later
 * (no primitive without a written reason, no initialiser); these tests show the getters do their part.
 */
@WithJenkins
class StoredDefaultsTest {

    private JenkinsRule j;
    private JenkinsPlatform platform;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        platform = new JenkinsPlatform(rule);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void aStepReadFromItsRequiredFieldsAloneEqualsOneMadeByItsConstructor() throws Exception {
        String xml = "<" + ChangePlatformPasswordStep.class.getName() + ">"
                + "<passwordCredentialsId>" + JenkinsPlatform.PASSWORD_ID + "</passwordCredentialsId>"
                + "</" + ChangePlatformPasswordStep.class.getName() + ">";

        ChangePlatformPasswordStep read = (ChangePlatformPasswordStep) Items.XSTREAM2.fromXML(xml);

        j.assertEqualDataBoundBeans(new ChangePlatformPasswordStep(JenkinsPlatform.PASSWORD_ID), read);
        assertThat(read.isCheckCompromised()).isTrue();
        assertThat(read.isCheckPasswordLength()).isTrue();
        assertThat(read.getPreflight()).isEqualTo(PreflightMode.ON_FAILURE);
        assertThat(read.getPasswordLength()).isEqualTo(PasswordGenerator.DEFAULT_LENGTH);
        assertThat(read.getCharacterClasses()).isEqualTo(CharacterClasses.ALL);
        assertThat(read.isDryRun()).isFalse();
        assertThat(read.isGeneratePassword()).isFalse();
    }

    @Test
    void aJobCreatedFromAMinimalConfigXmlExplainsA403() throws Exception {
        FreeStyleProject project = fromXml("minimal", minimalJob(platform.partnerUser, ""));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("HTTP 403", build);
        j.assertLogContains("Pre-flight check: user " + platform.partnerUser, build);
        j.assertLogContains("is in the API client's own tenant " + platform.partnerTenant, build);
    }

    @Test
    void aJobCreatedFromAMinimalConfigXmlKeepsTheSafetyChecksOn() throws Exception {
        platform.simulator.markCompromised(JenkinsPlatform.NEW_PASSWORD);
        FreeStyleProject project = fromXml("checks", minimalJob(platform.customerUser, ""));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("listed as compromised", build);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isEmpty();
    }

    @Test
    void aJobCreatedFromAMinimalConfigXmlGeneratesWithTheDefaultLengthAndClasses() throws Exception {
        PlatformPasswordConfiguration.get().setRotationAsSystem(JenkinsPlatform.PASSWORD_ID);
        FreeStyleProject project =
                fromXml("generate", minimalJob(platform.customerUser, "<generatePassword>true</generatePassword>"));

        j.buildAndAssertSuccess(project);

        String rotated = platform.simulator.passwordOf(platform.customerUser).orElseThrow();
        assertThat(rotated).hasSize(PasswordGenerator.DEFAULT_LENGTH);
        assertThat(RotationStepTest.secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID)
                        .getSecret()
                        .getPlainText())
                .isEqualTo(rotated);
    }

    @Test
    void aFormRoundTripOfAMinimalJobKeepsTheDefaults() throws Exception {
        FreeStyleProject project = fromXml("round-trip", minimalJob(platform.customerUser, ""));

        j.configRoundtrip(project);

        ChangePlatformPasswordStep step = project.getBuildersList().get(ChangePlatformPasswordStep.class);
        assertThat(step.isCheckCompromised()).isTrue();
        assertThat(step.isCheckPasswordLength()).isTrue();
        assertThat(step.getPreflight()).isEqualTo(PreflightMode.ON_FAILURE);
        assertThat(step.getPasswordLength()).isEqualTo(PasswordGenerator.DEFAULT_LENGTH);
        assertThat(step.getCharacterClasses()).isEqualTo(CharacterClasses.ALL);
    }

    @Test
    void aGlobalConfigurationFileWithoutTimeoutsGetsTheDefaultTimeouts() throws Exception {
        File file = new File(j.jenkins.getRootDir(), PlatformPasswordConfiguration.class.getName() + ".xml");
        Files.writeString(
                file.toPath(),
                "<?xml version='1.1' encoding='UTF-8'?>\n<" + PlatformPasswordConfiguration.class.getName() + ">"
                        + "<baseUrl>https://eu2-cloud.example.com</baseUrl>"
                        + "</" + PlatformPasswordConfiguration.class.getName() + ">",
                StandardCharsets.UTF_8);

        PlatformPasswordConfiguration loaded = new PlatformPasswordConfiguration();

        assertThat(loaded.getPlatforms())
                .singleElement()
                .satisfies(migrated -> assertThat(migrated.getBaseUrl()).isEqualTo("https://eu2-cloud.example.com"));
        assertThat(loaded.getConnectTimeoutSeconds()).isEqualTo(10);
        assertThat(loaded.getRequestTimeoutSeconds()).isEqualTo(30);
        assertThat(loaded.isAllowPlainHttp()).isFalse();
        assertThat(loaded.systemRotations().isEmpty()).isTrue();
    }

    @Test
    void aBuildRecordWithoutEntriesReadsBackAsAnEmptySummary() {
        PasswordChangeSummary read = (PasswordChangeSummary)
                hudson.model.Run.XSTREAM2.fromXML("<" + PasswordChangeSummary.class.getName() + "/>");

        assertThat(read.getEntries()).isEmpty();
    }

    @Test
    void aFolderPropertyAndAPlatformReadFromTheirRequiredFieldsAloneEqualOnesMadeByTheirConstructors()
            throws Exception {
        FolderPlatforms folder = (FolderPlatforms) Items.XSTREAM2.fromXML("<" + FolderPlatforms.class.getName() + "/>");
        PlatformDefinition definition = (PlatformDefinition) Items.XSTREAM2.fromXML("<"
                + PlatformDefinition.class.getName() + "><name>eu2</name><baseUrl>https://eu2-cloud.example.com"
                + "</baseUrl><credentialsId>eu2-api-client</credentialsId></" + PlatformDefinition.class.getName()
                + ">");

        j.assertEqualDataBoundBeans(new FolderPlatforms(), folder);
        assertThat(folder.getPlatforms()).isEmpty();
        j.assertEqualDataBoundBeans(
                new PlatformDefinition("eu2", "https://eu2-cloud.example.com", "eu2-api-client"), definition);
        assertThat(definition.getConnectTimeoutSeconds())
                .as("null: the global timeout")
                .isNull();
        assertThat(definition.getRequestTimeoutSeconds())
                .as("null: the global timeout")
                .isNull();
    }

    /**
     * A freestyle job as Jenkins saved it with the step of commit d70b4cc: every field of that
     * version written out (XStream writes each non-null field, in declaration order), and none of
     * the fields added since (checkPasswordLength, checkCompromised, generatePassword,
     * passwordLength, characterClasses, platform).
     */
    @Test
    void aConfigXmlSavedBeforeTheNewestFieldsExistedLoadsWithTheirDefaults() throws Exception {
        platform.simulator.markCompromised(JenkinsPlatform.NEW_PASSWORD);
        String step = ChangePlatformPasswordStep.class.getName();
        String xml = "<?xml version='1.1' encoding='UTF-8'?>\n"
                + "<project>\n"
                + "  <actions/>\n"
                + "  <description></description>\n"
                + "  <keepDependencies>false</keepDependencies>\n"
                + "  <properties/>\n"
                + "  <scm class=\"hudson.scm.NullSCM\"/>\n"
                + "  <canRoam>true</canRoam>\n"
                + "  <disabled>false</disabled>\n"
                + "  <blockBuildWhenDownstreamBuilding>false</blockBuildWhenDownstreamBuilding>\n"
                + "  <blockBuildWhenUpstreamBuilding>false</blockBuildWhenUpstreamBuilding>\n"
                + "  <triggers/>\n"
                + "  <concurrentBuild>false</concurrentBuild>\n"
                + "  <builders>\n"
                + "    <" + step + " plugin=\"platform-password@1.0-SNAPSHOT\">\n"
                + "      <passwordCredentialsId>" + JenkinsPlatform.PASSWORD_ID + "</passwordCredentialsId>\n"
                + "      <userId>" + platform.customerUser + "</userId>\n"
                + "      <credentialsId>" + JenkinsPlatform.API_CLIENT_ID + "</credentialsId>\n"
                + "      <baseUrl>" + platform.url() + "</baseUrl>\n"
                + "      <preflight>ALWAYS</preflight>\n"
                + "      <dryRun>false</dryRun>\n"
                + "    </" + step + ">\n"
                + "  </builders>\n"
                + "  <publishers/>\n"
                + "  <buildWrappers/>\n"
                + "</project>";
        FreeStyleProject project = fromXml("saved-earlier", xml);

        ChangePlatformPasswordStep loaded = project.getBuildersList().get(ChangePlatformPasswordStep.class);
        assertThat(loaded.getPreflight())
                .as("a field of that version keeps its value")
                .isEqualTo(PreflightMode.ALWAYS);
        assertThat(loaded.isCheckPasswordLength()).isTrue();
        assertThat(loaded.isCheckCompromised()).isTrue();
        assertThat(loaded.isGeneratePassword()).isFalse();
        assertThat(loaded.getPasswordLength()).isEqualTo(PasswordGenerator.DEFAULT_LENGTH);
        assertThat(loaded.getCharacterClasses()).isEqualTo(CharacterClasses.ALL);
        assertThat(loaded.getPlatform()).isNull();
        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);
        j.assertLogContains("listed as compromised", build);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isEmpty();
    }

    @Test
    void aJobCreatedFromAMinimalConfigXmlRefusesATooShortPasswordBeforeAnyRequest() throws Exception {
        CredentialsProvider.lookupStores(j.jenkins)
                .iterator()
                .next()
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(
                                CredentialsScope.GLOBAL,
                                "short-password",
                                "8 characters",
                                Secret.fromString("Sh0rt-8!")));
        FreeStyleProject project = fromXml("short", minimalJob(platform.customerUser, "short-password", ""));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains(
                "passwordCredentialsId: the new password in the credential has 8 characters;"
                        + " the platform requires at least 9",
                build);
        assertThat(platform.simulator.requests())
                .as("refused before any request")
                .isEmpty();
    }

    /**
     * A build record saved before named platforms existed (commit 6281483): its entries have no
     * {@code platform} element. The build loads from disk, and its page and REST API show the entry.
     */
    @Test
    void aBuildRecordSavedBeforePlatformsExistedLoadsItsEntries() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("recorded-earlier");
        FreeStyleBuild build = j.buildAndAssertSuccess(project);
        String entry = PasswordChangeSummary.class.getName() + "_-Entry";
        String summary = "<" + PasswordChangeSummary.class.getName() + " plugin=\"platform-password@1.0-SNAPSHOT\">"
                + "<entries><" + entry + ">"
                + "<endpoint>https://eu2-cloud.example.com</endpoint>"
                + "<userId>" + platform.customerUser + "</userId>"
                + "<login>customer-user</login>"
                + "<time>1767225600000</time>"
                + "<outcome>changed</outcome>"
                + "<attempts>1</attempts>"
                + "</" + entry + "></entries>"
                + "</" + PasswordChangeSummary.class.getName() + ">";
        File record = new File(build.getRootDir(), "build.xml");
        String saved = Files.readString(record.toPath(), StandardCharsets.UTF_8);
        String older = saved.contains("<actions/>")
                ? saved.replace("<actions/>", "<actions>" + summary + "</actions>")
                : saved.replaceFirst("<actions>", Matcher.quoteReplacement("<actions>" + summary));
        assertThat(older).as("the summary went into %s", saved).contains(summary);
        Files.writeString(record.toPath(), older, StandardCharsets.UTF_8);

        build.reload();

        PasswordChangeSummary loaded = build.getAction(PasswordChangeSummary.class);
        assertThat(loaded).as("the summary action read from build.xml").isNotNull();
        assertThat(loaded.getEntries()).singleElement().satisfies(read -> {
            assertThat(read.getPlatform()).isNull();
            assertThat(read.getEndpoint()).isEqualTo("https://eu2-cloud.example.com");
            assertThat(read.getUserId()).isEqualTo(platform.customerUser);
            assertThat(read.getLogin()).isEqualTo("customer-user");
            assertThat(read.getTimestamp()).isEqualTo(1767225600000L);
            assertThat(read.getOutcome()).isEqualTo("changed");
            assertThat(read.getAttempts()).isEqualTo(1);
            assertThat(read.getRotatedCredentialId()).isNull();
        });
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            assertThat(web.getPage(build).asNormalizedText()).contains(platform.customerUser, "customer-user");
        }
    }

    private FreeStyleProject fromXml(String name, String xml) throws Exception {
        return (FreeStyleProject)
                j.jenkins.createProjectFromXML(name, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A freestyle job as the REST API or Job DSL writes it: only the fields its author cared about. */
    private String minimalJob(String userId, String extra) {
        return minimalJob(userId, JenkinsPlatform.PASSWORD_ID, extra);
    }

    private String minimalJob(String userId, String passwordCredentialsId, String extra) {
        return "<?xml version='1.1' encoding='UTF-8'?>\n<project><builders>"
                + "<" + ChangePlatformPasswordStep.class.getName() + ">"
                + "<passwordCredentialsId>" + passwordCredentialsId + "</passwordCredentialsId>"
                + "<userId>" + userId + "</userId>"
                + "<credentialsId>" + JenkinsPlatform.API_CLIENT_ID + "</credentialsId>"
                + "<baseUrl>" + platform.url() + "</baseUrl>"
                + extra
                + "</" + ChangePlatformPasswordStep.class.getName() + ">"
                + "</builders></project>";
    }
}
